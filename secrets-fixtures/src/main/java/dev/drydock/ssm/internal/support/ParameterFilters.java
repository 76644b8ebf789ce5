package dev.drydock.ssm.internal.support;

import dev.drydock.ssm.internal.SsmErrors;
import dev.drydock.ssm.internal.backend.Parameter;
import dev.drydock.ssm.internal.backend.ParameterVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.ssm.model.ParameterStringFilter;
import software.amazon.awssdk.services.ssm.model.ParametersFilter;

/**
 * The {@code ParameterFilters} of DescribeParameters and GetParametersByPath, and DescribeParameters' older
 * {@code Filters} ("ParameterStringFilter",
 * https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_ParameterStringFilter.html): keys {@code Name}
 * ({@code Equals}, {@code BeginsWith}, {@code Contains}), {@code Path} ({@code Recursive}, {@code OneLevel}),
 * {@code Type}, {@code KeyId}, {@code Tier}, {@code DataType}, {@code Label} ({@code Equals}) and {@code tag:<key>};
 * a parameter matches when every filter matches one of its values. GetParametersByPath takes only {@code Type},
 * {@code KeyId} and {@code Label}.
 */
public final class ParameterFilters {
    private static final Set<String> BY_PATH_KEYS = Set.of("Type", "KeyId", "Label");

    private final List<Check> checks;

    private ParameterFilters(List<Check> checks) {
        this.checks = checks;
    }

    private record Check(String key, String option, List<String> values) {}

    /** GetParametersByPath's filters. */
    public static ParameterFilters forPath(List<ParameterStringFilter> filters) {
        for (ParameterStringFilter f : filters) {
            if (!BY_PATH_KEYS.contains(f.key())) {
                throw SsmErrors.invalidFilterKey("The following filter key is not valid: " + f.key() + ". Valid "
                        + "filter keys include: [Type, KeyId, Label].");
            }
        }
        return of(filters, List.of());
    }

    /**
     * DescribeParameters' filters.
     *
     * @throws dev.drydock.core.spi.AwsException InvalidFilterKey, InvalidFilterOption,
     *     InvalidFilterValue
     */
    public static ParameterFilters of(List<ParameterStringFilter> filters, List<ParametersFilter> legacy) {
        List<Check> checks = new ArrayList<>();
        for (ParameterStringFilter f : filters) {
            String key = f.key();
            String option = f.option() == null ? (key.equals("Path") ? "OneLevel" : "Equals") : f.option();
            List<String> allowed = switch (key) {
                case "Name" -> List.of("Equals", "BeginsWith", "Contains");
                case "Path" -> List.of("Recursive", "OneLevel");
                case "Type", "KeyId", "Tier", "DataType", "Label" -> List.of("Equals", "BeginsWith");
                default -> {
                    if (!key.startsWith("tag:")) {
                        throw SsmErrors.invalidFilterKey("The following filter key is not valid: " + key + ". Valid "
                                + "filter keys include: [Name, Type, KeyId, Path, Label, Tier, DataType, tag:<key>].");
                    }
                    yield List.of("Equals");
                }
            };
            if (!allowed.contains(option)) {
                throw SsmErrors.invalidFilterOption("The following filter option is not valid: " + option + ". Valid "
                        + "options include: " + allowed + ".");
            }
            if (!key.startsWith("tag:") && (!f.hasValues() || f.values().isEmpty())) {
                throw SsmErrors.invalidFilterValue(
                        "The following filter values are missing: null for filter key " + key + ".");
            }
            checks.add(new Check(key, option, f.hasValues() ? f.values() : List.of()));
        }
        for (ParametersFilter f : legacy) {
            checks.add(new Check(f.keyAsString(), "Equals", f.values()));
        }
        return new ParameterFilters(checks);
    }

    /** Whether a parameter (its latest version {@code v}, its tags) matches every filter. */
    public boolean matches(Parameter p, ParameterVersion v, Map<String, String> tags) {
        for (Check c : checks) {
            if (!matches(c, p, v, tags)) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(Check c, Parameter p, ParameterVersion v, Map<String, String> tags) {
        if (c.key().startsWith("tag:")) {
            String tag = tags.get(c.key().substring(4));
            return tag != null && (c.values().isEmpty() || c.values().contains(tag));
        }
        for (String value : c.values()) {
            boolean hit = switch (c.key()) {
                case "Name" ->
                    test(c.option(), p.name(), value)
                            || (!value.startsWith("/") && test(c.option(), p.name(), "/" + value));
                case "Path" -> inPath(p.name(), value, c.option().equals("Recursive"));
                case "Type" -> test(c.option(), v.type(), value);
                case "KeyId" -> v.keyId() != null && test(c.option(), v.keyId(), value);
                case "Tier" -> test(c.option(), v.tier(), value);
                case "DataType" -> test(c.option(), v.dataType(), value);
                case "Label" -> p.versions().stream().anyMatch(x -> x.labels().contains(value));
                default -> false;
            };
            if (hit) {
                return true;
            }
        }
        return false;
    }

    private static boolean test(String option, String actual, String value) {
        return switch (option) {
            case "BeginsWith" -> actual.startsWith(value);
            case "Contains" -> actual.contains(value);
            default -> actual.equals(value);
        };
    }

    private static boolean inPath(String name, String path, boolean recursive) {
        String prefix = path.endsWith("/") ? path : path + "/";
        if (!name.startsWith(prefix)) {
            return false;
        }
        return recursive || name.indexOf('/', prefix.length()) < 0;
    }

    @Override
    public String toString() {
        return checks.toString();
    }
}
