package dev.drydock.secretsmanager.internal;

import dev.drydock.core.internal.service.Paging;
import dev.drydock.secretsmanager.internal.backend.Secret;
import java.util.LinkedHashMap;
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

    /**
     * Request tags as Secrets Manager takes them: keys unique (the last wins, as with a map), at most 50, none with
     * the reserved {@code aws:} prefix ("Tagging your secrets",
     * https://docs.aws.amazon.com/secretsmanager/latest/userguide/managing-secrets_tagging.html).
     */
    public static Map<String, String> tags(List<Tag> tags) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Tag t : tags) {
            if (t.key() == null) {
                throw SecretsErrors.invalidParameter("A tag must have a Key.");
            }
            if (t.key().regionMatches(true, 0, "aws:", 0, 4)) {
                throw SecretsErrors.invalidParameter(
                        "Invalid tag key: the aws: prefix is reserved for AWS use: " + t.key());
            }
            map.put(t.key(), t.value() == null ? "" : t.value());
        }
        return map;
    }

    /** A page of a Secrets Manager listing (MaxResults, NextToken; InvalidNextTokenException). */
    public static <T> Paging.Page<T> page(List<T> all, Integer maxResults, String token, String listing) {
        return Paging.page(all, maxResults, 100, token, listing, SecretsErrors::invalidNextToken);
    }
}
