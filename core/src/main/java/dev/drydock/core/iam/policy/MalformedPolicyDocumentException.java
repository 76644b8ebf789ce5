package dev.drydock.core.iam.policy;

import java.util.Objects;

/**
 * Thrown by {@link PolicyDocument#parse(String, PolicyKind)} when a document would be rejected by IAM with the
 * {@code MalformedPolicyDocument} error.
 *
 * <p>{@link #getMessage()} is IAM's own wording where it is known (for example {@code "Syntax errors in policy."},
 * {@code "Policy document should not specify a principal."}, {@code "Policy statement must contain resources."},
 * {@code "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc."}). IAM reports many distinct
 * problems with the same generic text, so {@link #reason()} names the precise cause and {@link #detail()} gives a
 * human-readable explanation with the statement index and source line/column. Tests should prefer asserting on
 * {@link #reason()}; the message mirrors what IAM's CreatePolicy / PutRolePolicy / UpdateAssumeRolePolicy return.
 * See {@link Reason} for the message each reason produces per {@link PolicyKind}.
 */
public final class MalformedPolicyDocumentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The precise cause of a rejection. */
    public enum Reason {
        /** Not parseable JSON, duplicate object keys, trailing content, or a document that is not a JSON object. */
        INVALID_JSON,
        /** An element name that the policy grammar does not define (top level or inside a statement). */
        UNKNOWN_ELEMENT,
        /** An element whose JSON type is wrong (e.g. {@code "Id": {}}, {@code "Action": {}}, array holding objects). */
        INVALID_ELEMENT_TYPE,
        /** {@code Version} is not {@code "2012-10-17"} or {@code "2008-10-17"}. */
        INVALID_VERSION,
        /** {@code Statement} missing, empty, or not an object/array of objects. */
        MISSING_STATEMENT,
        /** Two statements carry the same {@code Sid}. */
        DUPLICATE_SID,
        /** A statement has no {@code Effect}. */
        MISSING_EFFECT,
        /** {@code Effect} is not exactly {@code "Allow"} or {@code "Deny"}. */
        INVALID_EFFECT,
        /** Neither {@code Action} nor {@code NotAction}, or an empty list. */
        MISSING_ACTION,
        /** Both {@code Action} and {@code NotAction} in one statement. */
        ACTION_AND_NOT_ACTION,
        /** An action without a {@code service:} prefix (e.g. {@code "ecs RunTask"}, {@code ""}). */
        ACTION_MISSING_VENDOR,
        /** An action with more than one colon. */
        ACTION_TOO_MANY_COLONS,
        /** An action whose service prefix has invalid characters or wildcards. */
        INVALID_ACTION_VENDOR,
        /** A trust policy statement with a non-STS action. */
        TRUST_POLICY_NON_STS_ACTION,
        /** Neither {@code Resource} nor {@code NotResource} (or an empty list) where the kind requires one. */
        MISSING_RESOURCE,
        /** Both {@code Resource} and {@code NotResource} in one statement. */
        RESOURCE_AND_NOT_RESOURCE,
        /** A resource that is neither {@code "*"} nor an ARN. */
        INVALID_RESOURCE_FORMAT,
        /** A resource ARN whose service segment is missing or contains wildcards. */
        RESOURCE_VENDOR_NOT_QUALIFIED,
        /** {@code Resource}/{@code NotResource} in a role trust policy. */
        RESOURCE_NOT_ALLOWED,
        /** {@code Principal}/{@code NotPrincipal} in an identity policy, permissions boundary or session policy. */
        PRINCIPAL_NOT_ALLOWED,
        /** No {@code Principal}/{@code NotPrincipal} in a resource-based or trust policy. */
        MISSING_PRINCIPAL,
        /** Both {@code Principal} and {@code NotPrincipal} in one statement. */
        PRINCIPAL_AND_NOT_PRINCIPAL,
        /** {@code NotPrincipal} in a role trust policy. */
        NOT_PRINCIPAL_NOT_ALLOWED,
        /** A principal value IAM would not accept (unknown principal type, non-ARN/non-account AWS value). */
        INVALID_PRINCIPAL,
        /** A {@code Condition} block that is not an object of objects of strings/arrays. */
        INVALID_CONDITION,
        /** A condition operator IAM does not define (e.g. {@code StringEqual}, {@code NullIfExists}). */
        UNSUPPORTED_CONDITION_OPERATOR,
        /** A condition value IAM cannot parse for its operator (e.g. an invalid date for {@code DateLessThan}). */
        INVALID_CONDITION_VALUE
    }

    /** The precise cause. */
    private final Reason reason;
    /** Human-readable explanation. */
    private final String detail;
    /** 1-based line, 0 when unknown. */
    private final int line;
    /** 1-based column, 0 when unknown. */
    private final int column;

    /**
     * @param reason  the precise cause (never null)
     * @param message IAM's wording for this error
     * @param detail  human-readable explanation (statement index, offending value)
     * @param line    1-based source line of the offending element, or 0 when unknown
     * @param column  1-based source column of the offending element, or 0 when unknown
     */
    public MalformedPolicyDocumentException(Reason reason, String message, String detail, int line, int column) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.detail = detail == null ? message : detail;
        this.line = line;
        this.column = column;
    }

    /** @return the precise cause of the rejection. */
    public Reason reason() {
        return reason;
    }

    /** @return IAM's message text (same as {@link #getMessage()}). */
    public String iamMessage() {
        return getMessage();
    }

    /** @return a human-readable explanation naming the statement and value at fault. */
    public String detail() {
        return detail;
    }

    /** @return 1-based line of the offending element, or 0 when unknown. */
    public int line() {
        return line;
    }

    /** @return 1-based column of the offending element, or 0 when unknown. */
    public int column() {
        return column;
    }

    @Override
    public String toString() {
        return "MalformedPolicyDocumentException[" + reason + "]: " + getMessage() + " (" + detail + ")";
    }
}
