package dev.drydock.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/ecs-operations.md true: one row per ECS operation of the SDK model, "not yet" exactly for the operations
 * Drydock answers with NotImplementedException, and the rows beyond the SDK model (newer operations) answered with
 * UnknownOperationException.
 */
class OperationTableTest extends EcsApiTestBase {
    private static final Path TABLE = Path.of("..", "docs", "ecs-operations.md");
    private static final Pattern ROW = Pattern.compile("^\\| \\[(\\w+)]\\([^)]*\\) \\| ([a-z ]+) \\|.*\\|$");

    private HttpClient http;
    private Map<String, String> rows;

    @BeforeAll
    void readTable() throws IOException {
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(TABLE)) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                assertThat(rows.put(m.group(1), m.group(2)))
                        .as("rows for %s", m.group(1))
                        .isNull();
            }
        }
    }

    @Test
    void everyOperationOfTheSdkModelHasARow() {
        assertThat(rows.keySet()).containsAll(RawEcs.sdkOperations());
        assertThat(rows.values())
                .allMatch(s -> Set.of("supported", "partial", "not yet").contains(s));
    }

    @Test
    void theStatusOfEveryOperationIsWhatDrydockAnswers() {
        Set<String> implemented = RawEcs.implementedOperations(http, drydock);

        for (String op : RawEcs.sdkOperations()) {
            if (implemented.contains(op)) {
                assertThat(rows.get(op))
                        .as("docs/ecs-operations.md row for %s", op)
                        .isIn("supported", "partial");
            } else {
                assertThat(rows.get(op))
                        .as("docs/ecs-operations.md row for %s", op)
                        .isEqualTo("not yet");
            }
        }
    }

    @Test
    void operationsNewerThanTheSdkModelAreNotYetAndUnknown() {
        for (Map.Entry<String, String> row : rows.entrySet()) {
            if (!RawEcs.sdkOperations().contains(row.getKey())) {
                assertThat(row.getValue()).as("row for %s", row.getKey()).isEqualTo("not yet");
                RawEcs.Answer a = RawEcs.post(http, drydock, RawEcs.PREFIX + row.getKey(), "{}");
                assertThat(a.type()).as("answer to %s", row.getKey()).isEqualTo("NotImplementedException");
            }
        }
    }
}
