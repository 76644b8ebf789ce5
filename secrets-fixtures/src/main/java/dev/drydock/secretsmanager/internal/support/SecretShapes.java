package dev.drydock.secretsmanager.internal.support;

import dev.drydock.secretsmanager.internal.backend.Secret;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

/** The Secrets Manager model's shapes for Drydock's secrets, and what several operations read the same way. */
public final class SecretShapes {
    private SecretShapes() {}

    /** ListSecrets' entry for a secret. */
    public static SecretListEntry listEntry(Secret s) {
        return SecretListEntry.builder()
                .arn(s.arn())
                .name(s.name())
                .description(s.description())
                .kmsKeyId(s.kmsKeyId())
                .lastChangedDate(s.lastChangedDate())
                .lastAccessedDate(s.lastAccessedDate())
                .deletedDate(s.deletedDate())
                .tags(tags(s.tags()))
                .secretVersionsToStages(s.versionStages(false))
                .createdDate(s.createdDate())
                .rotationEnabled(false)
                .build();
    }

    public static List<Tag> tags(Map<String, String> tags) {
        return tags.entrySet().stream()
                .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
                .toList();
    }
}
