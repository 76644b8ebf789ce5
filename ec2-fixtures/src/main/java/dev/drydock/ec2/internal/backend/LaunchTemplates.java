package dev.drydock.ec2.internal.backend;

import dev.drydock.ec2.internal.Ec2Errors;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.LaunchTemplate;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateVersion;
import software.amazon.awssdk.services.ec2.model.RequestLaunchTemplateData;
import software.amazon.awssdk.services.ec2.model.ResponseLaunchTemplateData;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * The launch templates of one account and region, and their versions: each template has an id
 * ({@code lt-} and 17 hexadecimal characters), a unique name, numbered versions from 1 (immutable once created), a
 * default version (1 until changed) and tags. A version keeps everything its request gave (instance type, image id,
 * IAM instance profile, user data as given, base64, and every other member of {@code RequestLaunchTemplateData}) as
 * the {@code ResponseLaunchTemplateData} EC2 answers. One lock (this object); every method validates before it changes
 * anything.
 */
public final class LaunchTemplates {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String region;
    private final String accountId;
    private final Clock clock;
    private final Map<String, Template> byId = new LinkedHashMap<>();
    private final Map<String, String> idByName = new HashMap<>();
    private final Map<String, String> idByClientToken = new HashMap<>();

    private static final class Template {
        final String id;
        final String name;
        final Instant createTime;
        final String createdBy;
        final List<Tag> tags;
        final NavigableMap<Long, LaunchTemplateVersion> versions = new TreeMap<>();
        long defaultVersion = 1;

        Template(String id, String name, Instant createTime, String createdBy, List<Tag> tags) {
            this.id = id;
            this.name = name;
            this.createTime = createTime;
            this.createdBy = createdBy;
            this.tags = List.copyOf(tags);
        }

        LaunchTemplate describe() {
            return LaunchTemplate.builder()
                    .launchTemplateId(id)
                    .launchTemplateName(name)
                    .createTime(createTime)
                    .createdBy(createdBy)
                    .defaultVersionNumber(defaultVersion)
                    .latestVersionNumber(versions.lastKey())
                    .tags(tags.isEmpty() ? null : tags)
                    .build();
        }
    }

    /**
     * @param region the region, e.g. {@code us-east-1}
     * @param accountId the account
     * @param clock stamps create times
     */
    public LaunchTemplates(String region, String accountId, Clock clock) {
        this.region = region;
        this.accountId = accountId;
        this.clock = clock;
    }

    /** A launch template's ARN: {@code arn:aws:ec2:<region>:<account>:launch-template/<id>} ({@code *} for all). */
    public String arn(String id) {
        return "arn:aws:ec2:" + region + ":" + accountId + ":launch-template/" + id;
    }

    /**
     * Creates a template with version 1 (the default).
     *
     * @param clientToken the idempotency token, or null: a token seen before answers the template it created
     * @throws dev.drydock.core.spi.AwsException {@code InvalidLaunchTemplateName.AlreadyExistsException} when the name
     *     is taken
     */
    public synchronized LaunchTemplate create(
            String name,
            String description,
            RequestLaunchTemplateData data,
            List<Tag> tags,
            String createdBy,
            String clientToken) {
        if (clientToken != null && byId.containsKey(idByClientToken.get(clientToken))) {
            return byId.get(idByClientToken.get(clientToken)).describe();
        }
        if (idByName.containsKey(name)) {
            throw Ec2Errors.nameInUse();
        }
        String id;
        do {
            id = "lt-" + HexFormat.of().formatHex(randomBytes(9)).substring(0, 17);
        } while (byId.containsKey(id));
        Template t = new Template(id, name, clock.instant(), createdBy, tags);
        t.versions.put(1L, version(t, 1, description, response(data), createdBy));
        byId.put(id, t);
        idByName.put(name, id);
        if (clientToken != null) {
            idByClientToken.put(clientToken, id);
        }
        return t.describe();
    }

    /**
     * Adds a version: {@code data}, over the source version's data when {@code sourceVersion} is given (what the
     * request leaves out is inherited, as EC2 documents for SourceVersion).
     *
     * @throws dev.drydock.core.spi.AwsException when the template or the source version does not exist
     */
    public synchronized LaunchTemplateVersion createVersion(
            String id,
            String name,
            String sourceVersion,
            String description,
            RequestLaunchTemplateData data,
            String createdBy) {
        Template t = find(id, name);
        ResponseLaunchTemplateData given = response(data);
        ResponseLaunchTemplateData merged = given;
        if (sourceVersion != null) {
            LaunchTemplateVersion source = resolve(t, sourceVersion);
            merged = overlay(source.launchTemplateData(), given);
        }
        long number = t.versions.lastKey() + 1;
        LaunchTemplateVersion v = version(t, number, description, merged, createdBy);
        t.versions.put(number, v);
        return v.toBuilder().defaultVersion(number == t.defaultVersion).build();
    }

    /**
     * The templates named by id or name (every one named must exist), or all, that match every filter
     * ({@code launch-template-name}, {@code tag:<key>}, {@code tag-key}), in creation order.
     *
     * @throws dev.drydock.core.spi.AwsException when a named template does not exist, or a filter is unknown
     */
    public synchronized List<LaunchTemplate> describe(List<String> ids, List<String> names, List<Filter> filters) {
        List<Template> chosen = new ArrayList<>();
        for (String id : ids) {
            chosen.add(find(id, null));
        }
        for (String n : names) {
            chosen.add(find(null, n));
        }
        if (ids.isEmpty() && names.isEmpty()) {
            chosen.addAll(byId.values());
        }
        Predicate<Template> match = t -> true;
        for (Filter f : filters) {
            match = match.and(templateFilter(f));
        }
        return chosen.stream().distinct().filter(match).map(Template::describe).toList();
    }

    /**
     * Versions of one template (by id or name), newest first: those named ({@code $Latest}, {@code $Default} or
     * numbers; every one named must exist), else all between {@code minVersion} and {@code maxVersion}; filtered by
     * {@code instance-type}, {@code image-id}, {@code is-default-version}. Without a template, {@code $Latest} and
     * {@code $Default} of every template.
     *
     * @throws dev.drydock.core.spi.AwsException when the template or a version does not exist, a filter is unknown, or
     *     no template is named and the versions are not only $Latest/$Default
     */
    public synchronized List<LaunchTemplateVersion> versions(
            String id, String name, List<String> versions, String minVersion, String maxVersion, List<Filter> filters) {
        List<LaunchTemplateVersion> chosen = new ArrayList<>();
        if (id == null && name == null) {
            if (versions.isEmpty() || !versions.stream().allMatch(v -> v.equals("$Latest") || v.equals("$Default"))) {
                throw Ec2Errors.missingParameter(
                        "The request must contain the parameter LaunchTemplateId or LaunchTemplateName, unless "
                                + "Versions only names $Latest or $Default.");
            }
            for (Template t : byId.values()) {
                for (String v : versions) {
                    chosen.add(resolve(t, v));
                }
            }
        } else {
            Template t = find(id, name);
            if (!versions.isEmpty()) {
                for (String v : versions) {
                    chosen.add(resolve(t, v));
                }
            } else {
                long min = minVersion == null ? 1 : number(t, minVersion);
                long max = maxVersion == null ? Long.MAX_VALUE : number(t, maxVersion);
                chosen.addAll(t.versions.subMap(min, true, max, true).values());
            }
        }
        Predicate<LaunchTemplateVersion> match = v -> true;
        for (Filter f : filters) {
            match = match.and(versionFilter(f));
        }
        return chosen.stream()
                .distinct()
                .map(v -> v.toBuilder()
                        .defaultVersion(byId.get(v.launchTemplateId()).defaultVersion == v.versionNumber())
                        .build())
                .filter(match)
                .sorted(Comparator.comparing(LaunchTemplateVersion::launchTemplateId)
                        .thenComparing(LaunchTemplateVersion::versionNumber, Comparator.reverseOrder()))
                .toList();
    }

    /**
     * Sets the default version (a number or {@code $Latest}; null changes nothing).
     *
     * @return the template as it is now
     * @throws dev.drydock.core.spi.AwsException when the template or the version does not exist
     */
    public synchronized LaunchTemplate setDefaultVersion(String id, String name, String version) {
        Template t = find(id, name);
        if (version != null) {
            if (version.equals("$Default")) {
                throw Ec2Errors.invalidValue("Value ($Default) for parameter defaultVersion is invalid. Give a version "
                        + "number or $Latest.");
            }
            t.defaultVersion = number(t, version);
        }
        return t.describe();
    }

    /**
     * Deletes a template and all its versions.
     *
     * @return the template as it was
     * @throws dev.drydock.core.spi.AwsException when it does not exist
     */
    public synchronized LaunchTemplate delete(String id, String name) {
        Template t = find(id, name);
        byId.remove(t.id);
        idByName.remove(t.name);
        idByClientToken.values().removeIf(t.id::equals);
        return t.describe();
    }

    /**
     * A version's data, for Drydock's other parts (EC2 Auto Scaling's launches).
     *
     * @param version a number, {@code $Latest} or {@code $Default} (null: {@code $Default})
     */
    public synchronized LaunchTemplateVersion version(String id, String name, String version) {
        Template t = find(id, name);
        LaunchTemplateVersion v = resolve(t, version == null ? "$Default" : version);
        return v.toBuilder()
                .defaultVersion(v.versionNumber() == t.defaultVersion)
                .build();
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private Template find(String id, String name) {
        if (id != null && name != null) {
            throw Ec2Errors.invalidCombination(
                    "Give either LaunchTemplateId or LaunchTemplateName, not both: " + id + " and " + name + ".");
        }
        if (id != null) {
            if (!id.matches("lt-[0-9a-f]{17}")) {
                throw Ec2Errors.malformedId(id);
            }
            Template t = byId.get(id);
            if (t == null) {
                throw Ec2Errors.templateIdNotFound(id);
            }
            return t;
        }
        if (name != null) {
            String found = idByName.get(name);
            if (found == null) {
                throw Ec2Errors.templateNameNotFound(name);
            }
            return byId.get(found);
        }
        throw Ec2Errors.missingParameter(
                "The request must contain the parameter LaunchTemplateId or LaunchTemplateName");
    }

    private LaunchTemplateVersion resolve(Template t, String version) {
        return t.versions.get(number(t, version));
    }

    private long number(Template t, String version) {
        long n;
        switch (version) {
            case "$Latest":
                n = t.versions.lastKey();
                break;
            case "$Default":
                n = t.defaultVersion;
                break;
            default:
                try {
                    n = Long.parseLong(version.trim());
                } catch (NumberFormatException e) {
                    throw Ec2Errors.invalidValue("Value (" + version
                            + ") for parameter version is invalid. Give a version number, $Latest or $Default.");
                }
        }
        if (!t.versions.containsKey(n)) {
            throw Ec2Errors.versionNotFound(t.id, version);
        }
        return n;
    }

    private LaunchTemplateVersion version(
            Template t, long number, String description, ResponseLaunchTemplateData data, String createdBy) {
        return LaunchTemplateVersion.builder()
                .launchTemplateId(t.id)
                .launchTemplateName(t.name)
                .versionNumber(number)
                .versionDescription(description)
                .createTime(clock.instant())
                .createdBy(createdBy)
                .defaultVersion(number == t.defaultVersion)
                .launchTemplateData(data)
                .build();
    }

    private static ResponseLaunchTemplateData response(RequestLaunchTemplateData data) {
        return ShapeCopy.copy(data, ResponseLaunchTemplateData.builder(), ResponseLaunchTemplateData.class);
    }

    /** {@code base} with every member {@code given} has replaced. */
    private static ResponseLaunchTemplateData overlay(
            ResponseLaunchTemplateData base, ResponseLaunchTemplateData given) {
        SdkPojo builder = (SdkPojo) base.toBuilder();
        for (SdkField<?> f : given.sdkFields()) {
            Object v = f.getValueOrDefault(given);
            if (!ShapeCopy.absent(v)) {
                f.set(builder, v);
            }
        }
        return ((ResponseLaunchTemplateData.Builder) builder).build();
    }

    private static Predicate<Template> templateFilter(Filter f) {
        List<String> values = f.values();
        String name = f.name() == null ? "" : f.name();
        if (name.equals("launch-template-name")) {
            return t -> values.contains(t.name);
        }
        if (name.equals("tag-key")) {
            return t -> t.tags.stream().anyMatch(tag -> values.contains(tag.key()));
        }
        if (name.startsWith("tag:")) {
            String key = name.substring(4);
            return t -> t.tags.stream().anyMatch(tag -> tag.key().equals(key) && values.contains(tag.value()));
        }
        throw Ec2Errors.invalidValue("The filter '" + name + "' is invalid. Drydock supports launch-template-name, "
                + "tag:<key> and tag-key.");
    }

    private static Predicate<LaunchTemplateVersion> versionFilter(Filter f) {
        List<String> values = f.values();
        String name = f.name() == null ? "" : f.name();
        switch (name) {
            case "instance-type":
                return v -> values.contains(v.launchTemplateData().instanceTypeAsString());
            case "image-id":
                return v -> values.contains(v.launchTemplateData().imageId());
            case "is-default-version":
                return v -> values.contains(String.valueOf(v.defaultVersion()));
            default:
                throw Ec2Errors.invalidValue("The filter '" + name + "' is invalid. Drydock supports instance-type, "
                        + "image-id and is-default-version.");
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
