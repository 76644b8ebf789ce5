package dev.drydock.ecr.internal.lifecycle;

import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.JsonTree;
import dev.drydock.ecr.internal.EcrErrors;
import dev.drydock.ecr.internal.backend.EcrBackend;
import dev.drydock.ecr.internal.backend.EcrBackend.ImageRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ECR lifecycle policies (https://docs.aws.amazon.com/AmazonECR/latest/userguide/LifecyclePolicies.html): parsed and
 * validated when put, evaluated as ECR does (rules by ascending {@code rulePriority}; an image whose tags a rule
 * selects belongs to that rule and no lower-priority rule expires it; {@code imageCountMoreThan} keeps the newest
 * pushes, {@code sinceImagePushed} expires images older than the count in days), and applied at once when the policy
 * is put and after every push, where ECR applies them within 24 hours.
 */
public final class LifecyclePolicies {
    private static final Logger LOG = LoggerFactory.getLogger(LifecyclePolicies.class);
    private final EcrBackend backend;

    public LifecyclePolicies(EcrBackend backend) {
        this.backend = backend;
    }

    /**
     * A rule.
     *
     * @param priority {@code rulePriority}
     * @param tagStatus {@code tagged}, {@code untagged} or {@code any}
     * @param tagPrefixes {@code tagPrefixList}
     * @param tagPatterns {@code tagPatternList} ({@code *} is a wildcard)
     * @param countType {@code imageCountMoreThan} or {@code sinceImagePushed}
     * @param countNumber the count (images, or days)
     */
    public record Rule(
            int priority,
            String tagStatus,
            List<String> tagPrefixes,
            List<String> tagPatterns,
            String countType,
            long countNumber) {}

    /**
     * What a policy expires now.
     *
     * @param digest the image
     * @param tags its tags
     * @param pushedAt when it was pushed
     * @param rulePriority the rule that expires it
     */
    public record Expiry(String digest, List<String> tags, Instant pushedAt, int rulePriority) {}

    /**
     * Parses and checks a lifecycle policy text.
     *
     * @throws dev.drydock.core.spi.AwsException InvalidParameterException naming what is wrong
     */
    public static List<Rule> parse(String text) {
        Object tree;
        try {
            tree = JsonTree.parse(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            throw invalid("the policy is not JSON");
        }
        if (!(tree instanceof Map<?, ?> root) || !(root.get("rules") instanceof List<?> rules) || rules.isEmpty()) {
            throw invalid("'rules' must be a non-empty array");
        }
        List<Rule> out = new ArrayList<>();
        Set<Integer> priorities = new HashSet<>();
        for (Object o : rules) {
            if (!(o instanceof Map<?, ?> rule)
                    || !(rule.get("rulePriority") instanceof Long priority)
                    || !(rule.get("selection") instanceof Map<?, ?> selection)
                    || !(rule.get("action") instanceof Map<?, ?> action)) {
                throw invalid("each rule needs rulePriority (an integer), selection and action");
            }
            if (!priorities.add(priority.intValue())) {
                throw invalid("rulePriority " + priority + " is used twice");
            }
            if (!"expire".equals(action.get("type"))) {
                throw invalid("action.type must be 'expire'");
            }
            String tagStatus = String.valueOf(selection.get("tagStatus"));
            if (!List.of("tagged", "untagged", "any").contains(tagStatus)) {
                throw invalid("selection.tagStatus must be tagged, untagged or any");
            }
            List<String> prefixes = strings(selection.get("tagPrefixList"));
            List<String> patterns = strings(selection.get("tagPatternList"));
            if (tagStatus.equals("tagged") && prefixes.isEmpty() && patterns.isEmpty()) {
                throw invalid("a rule with tagStatus tagged needs tagPrefixList or tagPatternList");
            }
            String countType = String.valueOf(selection.get("countType"));
            if (!countType.equals("imageCountMoreThan") && !countType.equals("sinceImagePushed")) {
                throw invalid("selection.countType must be imageCountMoreThan or sinceImagePushed");
            }
            if (countType.equals("sinceImagePushed") && !"days".equals(selection.get("countUnit"))) {
                throw invalid("sinceImagePushed needs countUnit 'days'");
            }
            if (!(selection.get("countNumber") instanceof Long count) || count < 1) {
                throw invalid("selection.countNumber must be a positive integer");
            }
            out.add(new Rule(priority.intValue(), tagStatus, prefixes, patterns, countType, count));
        }
        out.sort(Comparator.comparingInt(Rule::priority));
        return out;
    }

    /** What {@code rules} expire in a repository now. */
    public List<Expiry> evaluate(String repository, List<Rule> rules) {
        record Candidate(ImageRecord image, List<String> tags) {}
        List<Candidate> images = new ArrayList<>();
        backend.update(repository, r -> {
            Map<String, String> tagMap = r.tagMap();
            for (ImageRecord image : r.images()) {
                List<String> tags = new ArrayList<>();
                tagMap.forEach((t, d) -> {
                    if (d.equals(image.digest())) {
                        tags.add(t);
                    }
                });
                images.add(new Candidate(image, tags));
            }
            return null;
        });
        Instant now = backend.clock().instant();
        Set<String> claimed = new HashSet<>();
        List<Expiry> expired = new ArrayList<>();
        for (Rule rule : rules) {
            List<Candidate> selected = new ArrayList<>();
            for (Candidate c : images) {
                if (!claimed.contains(c.image.digest()) && selects(rule, c.tags)) {
                    selected.add(c);
                }
            }
            selected.forEach(c -> claimed.add(c.image.digest()));
            // newest push first; images pushed in the same instant in reverse push order (the sort is stable)
            Collections.reverse(selected);
            selected.sort(
                    Comparator.comparing((Candidate c) -> c.image.pushedAt()).reversed());
            for (int i = 0; i < selected.size(); i++) {
                Candidate c = selected.get(i);
                boolean expire = rule.countType.equals("imageCountMoreThan")
                        ? i >= rule.countNumber
                        : Duration.between(c.image.pushedAt(), now).compareTo(Duration.ofDays(rule.countNumber)) > 0;
                if (expire) {
                    expired.add(new Expiry(c.image.digest(), c.tags, c.image.pushedAt(), rule.priority));
                }
            }
        }
        return expired;
    }

    /** Applies the repository's lifecycle policy, if it has one: expired images are deleted. */
    public void apply(String repository) {
        String text = backend.findRepository(repository)
                .map(r -> r.lifecyclePolicyText)
                .orElse(null);
        if (text == null) {
            return;
        }
        for (Expiry e : evaluate(repository, parse(text))) {
            LOG.info(
                    "ECR lifecycle policy of {} expires image {} {} (rule {})",
                    repository,
                    e.digest(),
                    e.tags(),
                    e.rulePriority());
            backend.deleteImage(repository, e.digest(), null);
        }
    }

    private static boolean selects(Rule rule, List<String> tags) {
        switch (rule.tagStatus) {
            case "untagged":
                return tags.isEmpty();
            case "any":
                return true;
            default:
                if (tags.isEmpty()) {
                    return false;
                }
                for (String prefix : rule.tagPrefixes) {
                    if (tags.stream().noneMatch(t -> t.startsWith(prefix))) {
                        return false;
                    }
                }
                for (String pattern : rule.tagPatterns) {
                    Pattern p = Pattern.compile(("\\Q" + pattern + "\\E").replace("*", "\\E.*\\Q"));
                    if (tags.stream().noneMatch(t -> p.matcher(t).matches())) {
                        return false;
                    }
                }
                return true;
        }
    }

    private static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(v -> out.add(String.valueOf(v)));
        }
        return out;
    }

    private static AwsException invalid(String why) {
        return EcrErrors.invalidParameter("Invalid parameter at 'LifecyclePolicyText' failed to satisfy constraint: "
                + "'Lifecycle policy validation failure: " + why + "'");
    }
}
