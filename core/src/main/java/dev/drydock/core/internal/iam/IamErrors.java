package dev.drydock.core.internal.iam;

import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.Paginator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * IAM's errors and input validation, in IAM's words. Sources for the texts (AWS's own, as real responses recorded
 * them): LocalStack's AWS-validated snapshot tests ({@code tests/aws/services/iam/test_iam.snapshot.json},
 * {@code tests/aws/services/sts/test_sts.snapshot.json}), and AWS error output quoted in public issues (named at
 * each message). Where no AWS answer could be found the text follows IAM's validation-message pattern and says so.
 */
public final class IamErrors {
    /** Paths: {@code /} or {@code /.../} of printable ASCII. */
    static final Pattern PATH = Pattern.compile("(/|/[\\u0021-\\u007E]{0,510}/)");
    /** Path prefixes: {@code \u002F[\u0021-\u007F]*}. */
    static final Pattern PATH_PREFIX = Pattern.compile("/[\\u0021-\\u007F]*");

    static final Pattern TAG_KEY = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+");
    static final Pattern TAG_VALUE = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");
    /** Tags per role, user or policy. */
    public static final int MAX_TAGS = 50;

    private IamErrors() {}

    /** NoSuchEntity, HTTP 404. */
    public static AwsException noSuchEntity(String message) {
        return new AwsException("NoSuchEntity", 404, message);
    }

    /** "The role with name X cannot be found." (prowler-cloud/prowler#2872, NoSuchEntity 404). */
    public static AwsException noSuchRole(String name) {
        return noSuchEntity("The role with name " + name + " cannot be found.");
    }

    /** "The user with name X cannot be found." (LocalStack IAM snapshot). */
    public static AwsException noSuchUser(String name) {
        return noSuchEntity("The user with name " + name + " cannot be found.");
    }

    /** "The role policy with name X cannot be found." (aws/aws-cli#6139, DeleteRolePolicy). */
    public static AwsException noSuchRolePolicy(String policyName) {
        return noSuchEntity("The role policy with name " + policyName + " cannot be found.");
    }

    /** "Policy ARN was not found." (LocalStack IAM snapshot: GetPolicy / DeletePolicy of an unknown ARN). */
    public static AwsException policyNotFound(String arn) {
        return noSuchEntity("Policy " + arn + " was not found.");
    }

    /** "Policy ARN does not exist or is not attachable." (LocalStack IAM snapshot: AttachRolePolicy). */
    public static AwsException policyNotAttachable(String arn) {
        return noSuchEntity("Policy " + arn + " does not exist or is not attachable.");
    }

    /** EntityAlreadyExists, HTTP 409. */
    public static AwsException alreadyExists(String message) {
        return new AwsException("EntityAlreadyExists", 409, message);
    }

    /** DeleteConflict, HTTP 409. */
    public static AwsException deleteConflict(String message) {
        return new AwsException("DeleteConflict", 409, message);
    }

    /** LimitExceeded, HTTP 409. */
    public static AwsException limitExceeded(String message) {
        return new AwsException("LimitExceeded", 409, message);
    }

    /** ValidationError, HTTP 400. */
    public static AwsException validation(String message) {
        return AwsException.client("ValidationError", message);
    }

    /** InvalidInput, HTTP 400. */
    public static AwsException invalidInput(String message) {
        return AwsException.client("InvalidInput", message);
    }

    /** "1 validation error detected: Value 'v' at 'member' failed to satisfy constraint: Member must ...". */
    public static AwsException constraint(Object value, String member, String constraint) {
        return validation("1 validation error detected: Value " + (value == null ? "null" : "'" + value + "'") + " at '"
                + member + "' failed to satisfy constraint: Member must " + constraint);
    }

    /** A path; "The specified value for path is invalid..." as IAM words it. */
    public static void path(String path) {
        if (!PATH.matcher(path).matches()) {
            throw validation("The specified value for path is invalid. It must begin and end with / and contain "
                    + "only alphanumeric characters and/or / characters.");
        }
    }

    /** A path prefix ({@code \u002F[\u0021-\u007F]*}). */
    public static void pathPrefix(String prefix) {
        if (prefix != null && !PATH_PREFIX.matcher(prefix).matches()) {
            throw constraint(prefix, "pathPrefix", "satisfy regular expression pattern: \\u002F[\\u0021-\\u007F]*");
        }
    }

    /**
     * IAM's Marker/MaxItems pagination: at most MaxItems (1-1000, default 100) items; when more remain, IsTruncated is
     * true and Marker is an opaque token to pass back for the next page; a marker IAM did not issue is refused.
     */
    public static final Paginator PAGINATOR = Paginator.builder(100)
            .maxPageSize(1000)
            .pageSizeError(size -> size < 1
                    ? constraint(size, "maxItems", "have value greater than or equal to 1")
                    : constraint(size, "maxItems", "have value less than or equal to 1000"))
            .tokenError(marker -> validation("Invalid Marker."))
            .build();

    /**
     * A policy ARN given to attach or look up: at least 20 characters, and parseable ("Invalid ARN:  Could not be
     * parsed!", with IAM's two spaces: LocalStack IAM snapshot, AttachRolePolicy with a policy name for an ARN).
     */
    public static void policyArn(String member, String arn) {
        if (arn.length() < 20) {
            throw constraint(arn, member, "have length greater than or equal to 20");
        }
        String[] parts = arn.split(":", 6);
        if (parts.length < 6
                || !parts[0].equals("arn")
                || parts[1].isEmpty()
                || parts[2].isEmpty()
                || parts[5].isEmpty()) {
            throw validation("Invalid ARN:  Could not be parsed!");
        }
    }

    /**
     * Tags of a request: at most 50; keys 1-128 characters, values 0-256, of letters, digits, spaces and
     * {@code _.:/=+-@}; no key twice, ignoring case (InvalidInput "Duplicate tag keys found. Please note that Tag keys
     * are case insensitive.": STS answers the same text with InvalidParameterValue, LocalStack STS snapshot).
     *
     * @param keys the keys, in order (nulls for absent keys)
     * @param values the values, in order
     * @param duplicateCode the error code for a duplicate key ({@code InvalidInput} in IAM)
     * @return the tags, in order
     */
    public static Map<String, String> tags(List<String> keys, List<String> values, String duplicateCode) {
        if (keys.size() > MAX_TAGS) {
            throw constraint(keys, "tags", "have length less than or equal to " + MAX_TAGS);
        }
        Map<String, String> tags = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            String value = values.get(i);
            String at = "tags." + (i + 1) + ".member.";
            if (key == null) {
                throw constraint(null, at + "key", "not be null");
            }
            if (value == null) {
                throw constraint(null, at + "value", "not be null");
            }
            if (key.isEmpty() || key.length() > 128) {
                throw constraint(
                        key,
                        at + "key",
                        key.isEmpty()
                                ? "have length greater than or equal to 1"
                                : "have length less than or equal to 128");
            }
            if (!TAG_KEY.matcher(key).matches()) {
                throw constraint(
                        key, at + "key", "satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+");
            }
            if (value.length() > 256) {
                throw constraint(value, at + "value", "have length less than or equal to 256");
            }
            if (!TAG_VALUE.matcher(value).matches()) {
                throw constraint(
                        value, at + "value", "satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");
            }
            if (!seen.add(key.toLowerCase(Locale.ROOT))) {
                throw AwsException.client(
                        duplicateCode,
                        "Duplicate tag keys found. Please note that Tag keys are case " + "insensitive.");
            }
            tags.put(key, value);
        }
        return tags;
    }

    /** Puts {@code key} into {@code tags}, replacing a key that differs only in case (IAM tag keys ignore case). */
    public static void putTag(Map<String, String> tags, String key, String value) {
        tags.keySet().removeIf(k -> k.equalsIgnoreCase(key));
        tags.put(key, value);
    }
}
