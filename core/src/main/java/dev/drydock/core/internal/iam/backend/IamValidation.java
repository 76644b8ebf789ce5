package dev.drydock.core.internal.iam.backend;

import static dev.drydock.core.internal.iam.IamErrors.constraint;
import static dev.drydock.core.internal.iam.IamErrors.limitExceeded;

import dev.drydock.core.iam.policy.MalformedPolicyDocumentException;
import dev.drydock.core.iam.policy.PolicyDocument;
import dev.drydock.core.iam.policy.PolicyKind;
import dev.drydock.core.internal.iam.IamErrors;
import dev.drydock.core.spi.AwsException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** IAM's checks of what it stores: policy documents and their sizes, session durations, descriptions, tags. */
final class IamValidation {
    private IamValidation() {}

    /** Parses a policy document, answering MalformedPolicyDocument with IAM's reason. */
    public static PolicyDocument parse(String json, PolicyKind kind) {
        try {
            return PolicyDocument.parse(json, kind);
        } catch (MalformedPolicyDocumentException e) {
            throw new AwsException("MalformedPolicyDocument", 400, e.getMessage(), e);
        }
    }

    /** A trust policy: valid as one, and at most 2,048 characters besides white space (LimitExceeded). */
    static PolicyDocument parseTrust(String json) {
        PolicyDocument doc = parse(json, PolicyKind.TRUST);
        if (size(json) > 2048) {
            throw limitExceeded("Cannot exceed quota for ACLSizePerRole: 2048");
        }
        return doc;
    }

    /** A managed policy document: valid, and at most 6,144 characters besides white space (LimitExceeded). */
    static PolicyDocument parseManaged(String json) {
        PolicyDocument doc = parse(json, PolicyKind.IDENTITY);
        if (size(json) > 6144) {
            throw limitExceeded("Cannot exceed quota for PolicySize: 6144");
        }
        return doc;
    }

    /** A role's inline policies together: at most 10,240 characters besides white space. */
    static void checkInlineSize(String roleName, Collection<String> documents) {
        int total = 0;
        for (String json : documents) {
            total += size(json);
        }
        if (total > 10240) {
            throw limitExceeded("Maximum policy size of 10240 bytes exceeded for role " + roleName);
        }
    }

    /** IAM counts policy size without white space. */
    static int size(String json) {
        int n = 0;
        for (int i = 0; i < json.length(); i++) {
            if (!Character.isWhitespace(json.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    static void maxSessionDuration(int seconds) {
        if (seconds < 3600) {
            throw constraint(seconds, "maxSessionDuration", "have value greater than or equal to 3600");
        }
        if (seconds > 43200) {
            throw constraint(seconds, "maxSessionDuration", "have value less than or equal to 43200");
        }
    }

    static void description(String description) {
        if (description != null && description.length() > 1000) {
            throw constraint(description, "description", "have length less than or equal to 1000");
        }
    }

    /** The tags after adding {@code added} (keys compare ignoring case); LimitExceeded past 50. */
    static Map<String, String> withTags(Map<String, String> current, Map<String, String> added, String quota) {
        Map<String, String> after = new LinkedHashMap<>(current);
        added.forEach((k, v) -> IamErrors.putTag(after, k, v));
        if (after.size() > IamErrors.MAX_TAGS) {
            throw limitExceeded("Cannot exceed quota for " + quota + ": " + IamErrors.MAX_TAGS);
        }
        return after;
    }

    /** Removes the tags with these keys, ignoring case, as IAM does; keys it does not have are ignored. */
    static void removeTagKeys(Map<String, String> tags, List<String> keys) {
        for (String k : keys) {
            tags.keySet().removeIf(t -> t.equalsIgnoreCase(k));
        }
    }

    static void replaceTags(Map<String, String> tags, Map<String, String> after) {
        tags.clear();
        tags.putAll(after);
    }
}
