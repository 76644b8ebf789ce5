package dev.drydock.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps a {@code docs/<service>-operations.md} table true: one row per operation of the SDK model, "not yet" exactly
 * for the operations Drydock answers with NotImplementedException, and rows beyond the SDK model (newer operations)
 * "not yet" and answered with UnknownOperationException. Shared with the service modules' tests through core's
 * test-jar.
 */
public final class OperationTables {
    private static final Pattern ROW = Pattern.compile("^\\| \\[(\\w+)]\\([^)]*\\) \\| ([a-z ]+) \\|.*\\|$");

    private OperationTables() {}

    /**
     * Checks the table against what Drydock answers.
     *
     * @param table the table, e.g. {@code ../docs/kms-operations.md} from a module's directory
     * @param raw raw requests to the service
     * @param clientInterface the SDK's synchronous client interface, e.g. {@code KmsClient.class}
     */
    public static void verify(Path table, RawJson raw, Class<?> clientInterface) {
        Map<String, String> rows = rows(table);
        Set<String> sdk = RawJson.sdkOperations(clientInterface);
        assertThat(rows.keySet()).as("rows of %s", table).containsAll(sdk);
        assertThat(rows.values())
                .allMatch(s -> Set.of("supported", "partial", "not yet").contains(s));
        Set<String> implemented = raw.implementedOperations(clientInterface);
        for (String op : sdk) {
            assertThat(rows.get(op))
                    .as("%s row for %s", table.getFileName(), op)
                    .isIn(implemented.contains(op) ? Set.of("supported", "partial") : Set.of("not yet"));
        }
        for (Map.Entry<String, String> row : rows.entrySet()) {
            if (!sdk.contains(row.getKey())) {
                assertThat(row.getValue())
                        .as("%s row for %s", table.getFileName(), row.getKey())
                        .isEqualTo("not yet");
                assertThat(raw.post(row.getKey(), "{}").type())
                        .as("answer to %s", row.getKey())
                        .isEqualTo("UnknownOperationException");
            }
        }
    }

    /** Operation name to status, from the table's rows. */
    public static Map<String, String> rows(Path table) {
        Map<String, String> rows = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(table)) {
                Matcher m = ROW.matcher(line);
                if (m.matches()) {
                    assertThat(rows.put(m.group(1), m.group(2)))
                            .as("rows for %s", m.group(1))
                            .isNull();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
