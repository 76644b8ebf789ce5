package dev.drydock.core.internal.iam.backend;

import dev.drydock.core.iam.policy.PolicyDocument;
import dev.drydock.core.internal.iam.Principal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** An IAM user. Guarded by the backend's lock. */
final class UserRecord {
    final String name;
    final String path;
    final String arn;
    final String id;
    final Instant createDate;
    final Map<String, PolicyDocument> inline = new LinkedHashMap<>();
    final Map<String, String> inlineJson = new LinkedHashMap<>();
    final Set<String> attached = new LinkedHashSet<>();
    final Map<String, String> tags = new LinkedHashMap<>();
    String boundary;

    UserRecord(String name, String path, String arn, String id, Instant createDate) {
        this.name = name;
        this.path = path;
        this.arn = arn;
        this.id = id;
        this.createDate = createDate;
    }

    Principal principal(String accountId) {
        return new Principal(Principal.Type.USER, arn, accountId, id, name, null, null, tags, List.of());
    }
}
