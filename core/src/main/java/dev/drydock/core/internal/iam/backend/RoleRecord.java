package dev.drydock.core.internal.iam.backend;

import dev.drydock.core.iam.policy.PolicyDocument;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** An IAM role. Guarded by the backend's lock. */
final class RoleRecord {
    final String name;
    final String path;
    final String arn;
    final String id;
    final Instant createDate;
    String trustPolicyJson;
    PolicyDocument trustPolicy;
    final Map<String, PolicyDocument> inline = new LinkedHashMap<>();
    final Map<String, String> inlineJson = new LinkedHashMap<>();
    final Set<String> attached = new LinkedHashSet<>();
    final Map<String, String> tags = new LinkedHashMap<>();
    String boundary;
    String description;
    int maxSessionDuration = 3600;

    RoleRecord(
            String name,
            String path,
            String arn,
            String id,
            Instant createDate,
            String trustPolicyJson,
            PolicyDocument trustPolicy) {
        this.name = name;
        this.path = path;
        this.arn = arn;
        this.id = id;
        this.createDate = createDate;
        this.trustPolicyJson = trustPolicyJson;
        this.trustPolicy = trustPolicy;
    }
}
