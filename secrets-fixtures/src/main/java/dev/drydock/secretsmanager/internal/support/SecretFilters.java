package dev.drydock.secretsmanager.internal.support;

import dev.drydock.secretsmanager.internal.SecretsErrors;
import dev.drydock.secretsmanager.internal.backend.Secret;
import java.util.List;
import software.amazon.awssdk.services.secretsmanager.model.Filter;

/**
 * ListSecrets' and BatchGetSecretValue's filters ("Find secrets in AWS Secrets Manager",
 * https://docs.aws.amazon.com/secretsmanager/latest/userguide/manage_search-secret.html): a secret matches when
 * every filter matches; a filter matches when one of its values does; a value is a prefix, case-sensitive for tags and
 * case-insensitive for names and descriptions, or {@code !<prefix>} for secrets that do not match it. {@code all}
 * searches the name, description, tag keys and tag values.
 */
public final class SecretFilters {
    private final List<Filter> filters;

    private SecretFilters(List<Filter> filters) {
        this.filters = filters;
    }

    /**
     * @throws dev.drydock.core.spi.AwsException InvalidParameterException for a filter without values or
     *     with a key Drydock cannot evaluate
     */
    public static SecretFilters of(List<Filter> filters) {
        for (Filter f : filters) {
            if (f.keyAsString() == null || !f.hasValues() || f.values().isEmpty()) {
                throw SecretsErrors.invalidParameter("Each filter needs a Key and at least one value.");
            }
        }
        return new SecretFilters(filters);
    }

    public boolean matches(Secret s) {
        return filters.stream().allMatch(f -> f.values().stream().anyMatch(v -> matches(s, f.keyAsString(), v)));
    }

    private static boolean matches(Secret s, String key, String value) {
        boolean negate = value.startsWith("!");
        String prefix = negate ? value.substring(1) : value;
        boolean found = switch (key) {
            case "name" -> startsWithIgnoreCase(s.name(), prefix);
            case "description" -> s.description() != null && startsWithIgnoreCase(s.description(), prefix);
            case "tag-key" -> s.tags().keySet().stream().anyMatch(k -> k.startsWith(prefix));
            case "tag-value" -> s.tags().values().stream().anyMatch(v -> v.startsWith(prefix));
            case "primary-region", "owning-service" -> false;
            default ->
                startsWithIgnoreCase(s.name(), prefix)
                        || (s.description() != null && startsWithIgnoreCase(s.description(), prefix))
                        || s.tags().entrySet().stream()
                                .anyMatch(e -> e.getKey().startsWith(prefix)
                                        || e.getValue().startsWith(prefix));
        };
        return negate != found;
    }

    private static boolean startsWithIgnoreCase(String s, String prefix) {
        return s.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    @Override
    public String toString() {
        return filters.stream()
                .map(f -> f.keyAsString() + "=" + f.values())
                .toList()
                .toString();
    }
}
