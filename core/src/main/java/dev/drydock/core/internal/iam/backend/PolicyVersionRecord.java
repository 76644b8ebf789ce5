package dev.drydock.core.internal.iam.backend;

import dev.drydock.core.iam.policy.PolicyDocument;
import dev.drydock.core.iam.policy.PolicyKind;
import java.time.Instant;

/**
 * One version of a managed policy. The document is parsed when first needed: AWS managed policies are valid by
 * construction, and parsing loads Jackson's data binding, which an idle Drydock should not pay for at start.
 */
final class PolicyVersionRecord {
    private final String versionId;
    private final String json;
    private final Instant createDate;
    private volatile PolicyDocument document;

    /**
     * @param versionId {@code v1}, {@code v2} ...
     * @param json the document as given
     * @param document the parsed document, or {@code null} to parse {@code json} on first use
     * @param createDate when the version was created
     */
    PolicyVersionRecord(String versionId, String json, PolicyDocument document, Instant createDate) {
        this.versionId = versionId;
        this.json = json;
        this.document = document;
        this.createDate = createDate;
    }

    String versionId() {
        return versionId;
    }

    String json() {
        return json;
    }

    Instant createDate() {
        return createDate;
    }

    PolicyDocument document() {
        PolicyDocument d = document;
        if (d == null) {
            d = PolicyDocument.parse(json, PolicyKind.IDENTITY);
            document = d;
        }
        return d;
    }
}
