package dev.drydock.core.spi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A service's tag limits (https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html#tag-conventions: at
 * most 50 tags per resource, keys of 1-128 characters, values of at most 256, no {@code aws:} prefix) and the error it
 * answers for each violation, in its own words:
 *
 * <pre>{@code
 * static final TagRules TAGS = TagRules.builder()
 *         .error(v -> invalidParameter(switch (v.kind()) { ... }))
 *         .build();
 * Map<String, String> tags = TAGS.check(request.tags());
 * }</pre>
 *
 * Works on any SDK tag shape (each has {@code key()} and {@code value()}). Immutable and thread-safe.
 */
public final class TagRules {
    private final int maxTags;
    private final int maxKeyLength;
    private final int maxValueLength;
    private final String reservedPrefix;
    private final boolean reservedPrefixIgnoresCase;
    private final boolean valueRequired;
    private final Function<Violation, AwsException> error;

    private TagRules(Builder b) {
        this.maxTags = b.maxTags;
        this.maxKeyLength = b.maxKeyLength;
        this.maxValueLength = b.maxValueLength;
        this.reservedPrefix = b.reservedPrefix;
        this.reservedPrefixIgnoresCase = b.reservedPrefixIgnoresCase;
        this.valueRequired = b.valueRequired;
        this.error = b.error;
    }

    /** Starts with AWS's common limits: 50 tags, keys 1-128 characters, values 0-256, {@code aws:} reserved. */
    public static Builder builder() {
        return new Builder();
    }

    /** The most tags a resource may have. */
    public int maxTags() {
        return maxTags;
    }

    /**
     * Checks the tags of a request: their number, then each tag's key and value.
     *
     * @param sdkTags the request's tags, SDK tag shapes (any service's {@code Tag}); null for none
     * @return the tags as an ordered map, key to value (a missing value as {@code ""})
     * @throws AwsException the service's error for the first violation
     */
    public Map<String, String> check(List<?> sdkTags) {
        if (sdkTags != null) {
            checkCount(sdkTags.size());
        }
        return checkEach(sdkTags);
    }

    /**
     * Checks each tag's key and value, not their number (for a service that counts only a resource's tags after a
     * change, with {@link #checkCount}).
     *
     * @param sdkTags the request's tags, SDK tag shapes; null for none
     * @return the tags as an ordered map, key to value (a missing value as {@code ""})
     * @throws AwsException the service's error for the first violation
     */
    public Map<String, String> checkEach(List<?> sdkTags) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (sdkTags == null) {
            return tags;
        }
        for (Object t : sdkTags) {
            String key = SdkTags.member(t, "key");
            String value = SdkTags.member(t, "value");
            checkOne(key, value, sdkTags.size());
            tags.put(key, value == null ? "" : value);
        }
        return tags;
    }

    /**
     * Checks tags a request gives as a map (CloudWatch Logs' {@code tags}; or shapes without {@code key()} and
     * {@code value()}, such as KMS's {@code tagKey}/{@code tagValue}, read into one): their number, then each.
     *
     * @return the tags as an ordered map (a missing value as {@code ""})
     * @throws AwsException the service's error for the first violation
     */
    public Map<String, String> checkMap(Map<String, String> tags) {
        if (tags != null) {
            checkCount(tags.size());
        }
        return checkEachOfMap(tags);
    }

    /**
     * Checks each tag of a map, not their number (see {@link #checkEach(List)}).
     *
     * @throws AwsException the service's error for the first violation
     */
    public Map<String, String> checkEachOfMap(Map<String, String> tags) {
        Map<String, String> out = new LinkedHashMap<>();
        if (tags == null) {
            return out;
        }
        tags.forEach((key, value) -> {
            checkOne(key, value, tags.size());
            out.put(key, value == null ? "" : value);
        });
        return out;
    }

    private void checkOne(String key, String value, int count) {
        if (key == null || key.isEmpty() || key.length() > maxKeyLength) {
            throw error.apply(new Violation(Kind.KEY_LENGTH, key, value, count));
        }
        if (value == null && valueRequired || value != null && value.length() > maxValueLength) {
            throw error.apply(new Violation(Kind.VALUE_LENGTH, key, value, count));
        }
        if (reservedPrefix != null
                && (reservedPrefixIgnoresCase
                        ? key.toLowerCase(Locale.ROOT).startsWith(reservedPrefix)
                        : key.startsWith(reservedPrefix))) {
            throw error.apply(new Violation(Kind.RESERVED_PREFIX, key, value, count));
        }
    }

    /**
     * Checks the number of tags a resource would have.
     *
     * @throws AwsException the service's {@link Kind#TOO_MANY} error when it is more than {@link #maxTags()}
     */
    public void checkCount(int count) {
        if (count > maxTags) {
            throw error.apply(new Violation(Kind.TOO_MANY, null, null, count));
        }
    }

    /** What is wrong with a request's tags. */
    public enum Kind {
        /** More tags than a resource may have ({@link Violation#count()}). */
        TOO_MANY,
        /** A key that is missing, empty or too long. */
        KEY_LENGTH,
        /** A value that is too long (or missing, where values are required). */
        VALUE_LENGTH,
        /** A key with the reserved prefix. */
        RESERVED_PREFIX
    }

    /**
     * One violation, for the service's error.
     *
     * @param kind what is wrong
     * @param key the tag's key, or {@code null} for {@link Kind#TOO_MANY}
     * @param value the tag's value, or {@code null}
     * @param count how many tags the request (or, for a resource, the result) has
     */
    public record Violation(Kind kind, String key, String value, int count) {}

    /** Configures {@link TagRules}. */
    public static final class Builder {
        private int maxTags = 50;
        private int maxKeyLength = 128;
        private int maxValueLength = 256;
        private String reservedPrefix = "aws:";
        private boolean reservedPrefixIgnoresCase;
        private boolean valueRequired;
        private Function<Violation, AwsException> error;

        private Builder() {}

        /** The most tags per resource (default 50). */
        public Builder maxTags(int max) {
            this.maxTags = max;
            return this;
        }

        /** The reserved key prefix checks ignore case ({@code AWS:} is reserved too), as ECS's do. */
        public Builder reservedPrefixIgnoresCase() {
            this.reservedPrefixIgnoresCase = true;
            return this;
        }

        /** A tag must have a value (EFS's shape requires one). */
        public Builder valueRequired() {
            this.valueRequired = true;
            return this;
        }

        /** The service's error for each violation. */
        public Builder error(Function<Violation, AwsException> error) {
            this.error = error;
            return this;
        }

        /**
         * The rules.
         *
         * @throws NullPointerException when no error is set
         */
        public TagRules build() {
            Objects.requireNonNull(error, "error");
            return new TagRules(this);
        }
    }
}
