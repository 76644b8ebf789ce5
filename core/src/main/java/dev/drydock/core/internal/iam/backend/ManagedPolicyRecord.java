package dev.drydock.core.internal.iam.backend;

import dev.drydock.core.iam.policy.PolicyDocument;
import dev.drydock.core.iam.policy.PolicySourceType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A managed policy with its versions. Guarded by the backend's lock. */
final class ManagedPolicyRecord {
    final String name;
    final String path;
    final String arn;
    final String id;
    final boolean awsManaged;
    final Instant createDate;
    Instant updateDate;
    String description;
    String defaultVersionId = "v1";
    int nextVersion = 2;
    int attachmentCount;
    int permissionsBoundaryUsageCount;
    final Map<String, PolicyVersionRecord> versions = new LinkedHashMap<>();
    final Map<String, String> tags = new LinkedHashMap<>();

    ManagedPolicyRecord(
            String name,
            String path,
            String arn,
            String id,
            boolean awsManaged,
            Instant createDate,
            String json,
            PolicyDocument document) {
        this.name = name;
        this.path = path;
        this.arn = arn;
        this.id = id;
        this.awsManaged = awsManaged;
        this.createDate = createDate;
        this.updateDate = createDate;
        versions.put("v1", new PolicyVersionRecord("v1", json, document, createDate));
    }

    PolicyDocument defaultDocument() {
        return versions.get(defaultVersionId).document();
    }

    String defaultJson() {
        return versions.get(defaultVersionId).json();
    }

    List<PolicyVersionRecord> versionList() {
        return new ArrayList<>(versions.values());
    }

    PolicySourceType sourceType() {
        return awsManaged ? PolicySourceType.AWS_MANAGED : PolicySourceType.USER_MANAGED;
    }
}
