package dev.drydock.ssm.internal.backend;

import dev.drydock.core.spi.TagStore;
import dev.drydock.ssm.internal.SsmErrors;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The parameters of one account and region, with their versions and labels ("AWS Systems Manager Parameter Store",
 * https://docs.aws.amazon.com/systems-manager/latest/userguide/systems-manager-parameter-store.html): every put of
 * an existing parameter (with Overwrite) adds a version, at most 100 (the oldest goes, unless it has a label); a label
 * names one version of a parameter and moves when put on another; a version has at most 10 labels. Names follow
 * "Creating Parameter Store parameters" (https://docs.aws.amazon.com/systems-manager/latest/userguide/sysman-paramstore-su-create.html).
 * Thread-safe: methods lock the store; parameters are immutable values.
 */
public final class ParameterStore {
    /** Characters a name may hold. */
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_.\\-/]+");

    private static final Pattern LABEL = Pattern.compile("[a-zA-Z0-9_.\\-]{1,100}");

    /** The maximum length of a name with its ARN prefix. */
    private static final int MAX_NAME_WITH_ARN = 1011;

    private static final int MAX_VERSIONS = 100;
    private static final String NAME_RULES = "Parameter name: can't be prefixed with \"aws\" or \"ssm\" "
            + "(case-insensitive). If formed as a path, it can consist of sub-paths divided by slash symbol; each "
            + "sub-path can be formed as a mix of letters, numbers and the following 3 symbols .-_";

    private final String account;
    private final String region;
    private final Clock clock;
    private final Map<String, Parameter> parameters = new TreeMap<>();
    private final TagStore tags = new TagStore(SsmErrors.TAGS);

    public ParameterStore(String account, String region, Clock clock) {
        this.account = account;
        this.region = region;
        this.clock = clock;
    }

    public String account() {
        return account;
    }

    public String region() {
        return region;
    }

    public Instant now() {
        return clock.instant();
    }

    /** The ARN prefix of this account's and region's parameters, up to {@code parameter}. */
    public String arnPrefix() {
        return "arn:aws:ssm:" + region + ":" + account + ":parameter";
    }

    /** A parameter's ARN: {@code .../parameter/a/b} for {@code /a/b}, {@code .../parameter/x} for {@code x}. */
    public String arn(String name) {
        return arnPrefix() + (name.startsWith("/") ? name : "/" + name);
    }

    /**
     * The name an ARN or name stands for: {@code /a/b} for {@code arn:aws:ssm:<region>:<account>:parameter/a/b}
     * (the leading slash kept only when such a parameter exists or the name is a path).
     */
    public synchronized String nameOf(String nameOrArn) {
        if (!nameOrArn.startsWith("arn:")) {
            return nameOrArn;
        }
        if (!nameOrArn.startsWith(arnPrefix() + "/")) {
            return nameOrArn;
        }
        String rest = nameOrArn.substring(arnPrefix().length());
        String bare = rest.substring(1);
        if (parameters.containsKey(rest)) {
            return rest;
        }
        if (parameters.containsKey(bare)) {
            return bare;
        }
        return bare.contains("/") ? rest : bare;
    }

    /**
     * Checks a name as PutParameter does.
     *
     * @throws dev.drydock.core.spi.AwsException ValidationException naming the rule, or
     *     AccessDeniedException for the reserved {@code aws} prefix
     */
    public void checkName(String name) {
        if (arn(name).length() > MAX_NAME_WITH_ARN) {
            throw SsmErrors.validation("Parameter name is too long: a parameter name can have at most 1011 "
                    + "characters including the full parameter ARN ("
                    + arn(name).length() + " given).");
        }
        if (!NAME.matcher(name).matches() || name.contains("//") || (name.length() > 1 && name.endsWith("/"))) {
            throw SsmErrors.validation(NAME_RULES);
        }
        if (name.contains("/") && !name.startsWith("/")) {
            throw SsmErrors.validation("Parameter name must be a fully qualified name.");
        }
        String first = name.startsWith("/") ? name.substring(1) : name;
        String lower = first.toLowerCase(Locale.ROOT);
        if (lower.startsWith("aws")) {
            throw SsmErrors.accessDenied("No access to reserved parameter name: " + name + ".");
        }
        if (lower.startsWith("ssm")) {
            throw SsmErrors.validation("Parameter name: can't be prefixed with \"ssm\" (case-insensitive). If formed "
                    + "as a path, it can consist of sub-paths divided by slash symbol; each sub-path can be formed as a "
                    + "mix of letters, numbers and the following 3 symbols .-_");
        }
        if (name.split("/", -1).length - (name.startsWith("/") ? 1 : 0) > 15) {
            throw SsmErrors.validation("Parameter name can't have more than 15 levels of hierarchy: " + name + ".");
        }
    }

    /** The parameter, if it exists. */
    public synchronized Optional<Parameter> find(String name) {
        return Optional.ofNullable(parameters.get(name));
    }

    /**
     * A version to put.
     *
     * @param type String, StringList or SecureString
     * @param value the value of a String or StringList
     * @param ciphertext the ciphertext of a SecureString
     */
    public record NewVersion(
            String type,
            String value,
            byte[] ciphertext,
            String keyId,
            String keyArn,
            String description,
            String allowedPattern,
            String tier,
            String dataType,
            String user) {}

    /**
     * Puts a parameter: a new one (version 1, with tags), or with {@code overwrite} a new version of an existing one
     * (description, allowed pattern and key carried over when not given).
     *
     * @throws dev.drydock.core.spi.AwsException ParameterAlreadyExists without overwrite, ValidationException
     *     for a tier downgrade, ParameterMaxVersionLimitExceeded
     */
    public synchronized ParameterVersion put(String name, NewVersion n, boolean overwrite, Map<String, String> tags) {
        Parameter old = parameters.get(name);
        if (old != null && !overwrite) {
            throw SsmErrors.alreadyExists();
        }
        List<ParameterVersion> versions = new ArrayList<>(old == null ? List.of() : old.versions());
        long number = old == null ? 1 : old.latest().version() + 1;
        ParameterVersion previous = old == null ? null : old.latest();
        if (previous != null && previous.tier().equals("Advanced") && n.tier().equals("Standard")) {
            throw SsmErrors.validation("This parameter uses the advanced-parameter tier. You can't downgrade a "
                    + "parameter from the advanced-parameter tier to the standard-parameter tier. If necessary, you can "
                    + "delete the advanced parameter and recreate it as a standard parameter.");
        }
        ParameterVersion v = new ParameterVersion(
                number,
                n.type(),
                n.value(),
                n.ciphertext(),
                n.keyId(),
                n.keyArn(),
                n.description() != null ? n.description() : previous == null ? null : previous.description(),
                n.allowedPattern() != null ? n.allowedPattern() : previous == null ? null : previous.allowedPattern(),
                n.tier(),
                n.dataType(),
                now(),
                n.user(),
                Set.of());
        versions.add(v);
        if (versions.size() > MAX_VERSIONS) {
            if (!versions.get(0).labels().isEmpty()) {
                throw SsmErrors.maxVersions(name);
            }
            versions.remove(0);
        }
        parameters.put(name, new Parameter(name, arn(name), versions));
        if (old == null) {
            this.tags.put(arn(name), tags);
        }
        return v;
    }

    /**
     * The version a name with an optional selector names: {@code name}, {@code name:<version>} or
     * {@code name:<label>}.
     *
     * @throws dev.drydock.core.spi.AwsException ParameterNotFound, ParameterVersionNotFound
     */
    public synchronized Selected select(String nameWithSelector) {
        Reference ref = reference(nameWithSelector);
        Parameter p = parameters.get(ref.name());
        if (p == null) {
            throw SsmErrors.notFound();
        }
        if (ref.selector() == null) {
            return new Selected(p, p.latest(), null);
        }
        for (ParameterVersion v : p.versions()) {
            if (ref.selector().matches("\\d+")
                    ? Long.toString(v.version()).equals(ref.selector())
                    : v.labels().contains(ref.selector())) {
                return new Selected(p, v, ":" + ref.selector());
            }
        }
        throw SsmErrors.versionNotFound(ref.name(), ref.selector());
    }

    /**
     * A parameter version a read found.
     *
     * @param selector {@code :<version>} or {@code :<label>} when the read named one, else {@code null}
     */
    public record Selected(Parameter parameter, ParameterVersion version, String selector) {}

    /** A name (or ARN) split from its selector: {@code /a/b:3} is {@code /a/b} and {@code 3}. */
    public record Reference(String name, String selector) {}

    /** Splits a name (or ARN) with an optional {@code :<version>} or {@code :<label>}. */
    public synchronized Reference reference(String nameWithSelector) {
        String s = nameWithSelector;
        int from = 0;
        if (s.startsWith("arn:")) {
            int p = s.indexOf(":parameter");
            from = p < 0 ? s.length() : p + ":parameter".length();
        }
        int colon = s.indexOf(':', from);
        String base = colon < 0 ? s : s.substring(0, colon);
        String selector = colon < 0 ? null : s.substring(colon + 1);
        return new Reference(nameOf(base), selector);
    }

    /** Deletes a parameter. */
    public synchronized void delete(String name) {
        Parameter p = parameters.remove(name);
        if (p == null) {
            throw SsmErrors.notFound();
        }
        tags.remove(p.arn());
    }

    /** Every parameter, sorted by name. */
    public synchronized List<Parameter> all() {
        return List.copyOf(parameters.values());
    }

    /**
     * Whether a label is valid ("Labeling parameters",
     * https://docs.aws.amazon.com/systems-manager/latest/userguide/sysman-paramstore-labels.html): at most 100 of
     * {@code a-zA-Z0-9_.-}, not beginning with a digit, {@code aws} or {@code ssm}.
     */
    public static boolean validLabel(String label) {
        String lower = label.toLowerCase(Locale.ROOT);
        return LABEL.matcher(label).matches()
                && !Character.isDigit(label.charAt(0))
                && !lower.startsWith("aws")
                && !lower.startsWith("ssm");
    }

    /**
     * Attaches labels to a version (the latest when {@code version} is {@code null}), moving them from other versions.
     *
     * @return the labels that were invalid (not attached) and the version labelled
     * @throws dev.drydock.core.spi.AwsException ParameterNotFound, ParameterVersionNotFound,
     *     ParameterVersionLabelLimitExceeded
     */
    public synchronized LabelResult label(String name, Long version, List<String> labels) {
        Parameter p = parameters.get(name);
        if (p == null) {
            throw SsmErrors.notFound();
        }
        ParameterVersion target = version == null
                ? p.latest()
                : p.versions().stream()
                        .filter(v -> v.version() == version)
                        .findFirst()
                        .orElseThrow(() -> SsmErrors.versionNotFound(name, Long.toString(version)));
        List<String> invalid = new ArrayList<>();
        Set<String> valid = new LinkedHashSet<>();
        for (String l : labels) {
            if (validLabel(l)) {
                valid.add(l);
            } else {
                invalid.add(l);
            }
        }
        Set<String> now = new LinkedHashSet<>(target.labels());
        now.addAll(valid);
        if (now.size() > 10) {
            throw SsmErrors.labelLimit();
        }
        List<ParameterVersion> versions = new ArrayList<>();
        for (ParameterVersion v : p.versions()) {
            if (v.version() == target.version()) {
                versions.add(v.withLabels(now));
            } else {
                Set<String> rest = new LinkedHashSet<>(v.labels());
                rest.removeAll(valid);
                versions.add(v.withLabels(rest));
            }
        }
        parameters.put(name, new Parameter(name, p.arn(), versions));
        return new LabelResult(invalid, target.version());
    }

    /** What LabelParameterVersion answers: the invalid labels and the version labelled. */
    public record LabelResult(List<String> invalidLabels, long version) {}

    /**
     * Removes labels from a version.
     *
     * @return the labels removed, and those the version did not have
     */
    public synchronized UnlabelResult unlabel(String name, long version, List<String> labels) {
        Parameter p = parameters.get(name);
        if (p == null) {
            throw SsmErrors.notFound();
        }
        ParameterVersion target = p.versions().stream()
                .filter(v -> v.version() == version)
                .findFirst()
                .orElseThrow(() -> SsmErrors.versionNotFound(name, Long.toString(version)));
        List<String> removed = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        Set<String> rest = new LinkedHashSet<>(target.labels());
        for (String l : labels) {
            if (rest.remove(l)) {
                removed.add(l);
            } else {
                invalid.add(l);
            }
        }
        List<ParameterVersion> versions = new ArrayList<>();
        for (ParameterVersion v : p.versions()) {
            versions.add(v.version() == version ? v.withLabels(rest) : v);
        }
        parameters.put(name, new Parameter(name, p.arn(), versions));
        return new UnlabelResult(removed, invalid);
    }

    /** What UnlabelParameterVersion answers. */
    public record UnlabelResult(List<String> removedLabels, List<String> invalidLabels) {}

    /**
     * Adds or replaces tags (at most 50 per parameter).
     *
     * @throws dev.drydock.core.spi.AwsException InvalidResourceId, TooManyTagsError
     */
    public synchronized void tag(String name, Map<String, String> add) {
        Parameter p = parameters.get(name);
        if (p == null) {
            throw SsmErrors.invalidResourceId();
        }
        tags.tag(p.arn(), add);
    }

    /**
     * Removes tags; keys the parameter does not have are ignored.
     *
     * @throws dev.drydock.core.spi.AwsException InvalidResourceId
     */
    public synchronized void untag(String name, List<String> keys) {
        Parameter p = parameters.get(name);
        if (p == null) {
            throw SsmErrors.invalidResourceId();
        }
        tags.untag(p.arn(), keys);
    }

    /** A parameter's tags, in the order they were added. */
    public Map<String, String> tags(Parameter p) {
        return tags.tags(p.arn());
    }

    /** The parameters' tags by ARN: IAM's {@code aws:ResourceTag/*} source. */
    public TagStore tags() {
        return tags;
    }
}
