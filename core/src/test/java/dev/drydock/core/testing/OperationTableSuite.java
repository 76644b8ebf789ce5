package dev.drydock.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.core.Drydock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Keeps a service's operation table ({@code docs/<service>-operations.md}) true: one row per operation of the service
 * as AWS's model has it (botocore's, newer than the SDK), each {@code supported}, {@code partial} or {@code not yet};
 * {@code not yet} exactly for the operations Drydock answers with its not-implemented error; and the summary line
 * ({@code Today: N supported, M partial, K not yet.}) counting the rows.
 *
 * <p>A row is {@code | [Operation](link) | status | notes |}. A service module runs it with:
 *
 * <pre>{@code
 * class EfsOperationTableTest extends OperationTableSuite {
 *     EfsOperationTableTest() {
 *         super(EfsClient.class, "efs-operations.md");
 *     }
 * }
 * }</pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class OperationTableSuite {
    private static final Pattern ROW = Pattern.compile("^\\| \\[(\\w+)]\\([^)]*\\) \\| ([a-z ]+) \\|.*\\|$");
    private static final Pattern SUMMARY =
            Pattern.compile("Today: (\\d+) supported, (\\d+) partial, (\\d+) not yet\\.");
    private static final Set<String> STATUSES = Set.of("supported", "partial", "not yet");

    private final Class<?> clientInterface;
    private final Path table;
    private Drydock drydock;
    private ServiceUnderTest service;
    private Map<String, String> rows;
    private List<String> lines;

    /**
     * @param clientInterface the service's SDK client interface, e.g. {@code EfsClient.class}: it names the service's
     *     model table
     * @param docsTable the table's file name in the repository's {@code docs} folder, e.g. {@code efs-operations.md}
     */
    protected OperationTableSuite(Class<?> clientInterface, String docsTable) {
        this.clientInterface = clientInterface;
        this.table = Path.of("..", "docs", docsTable);
    }

    private Path table() {
        return table;
    }

    /** Starts the instance under test; by default with the simulated runtime (no Docker). */
    protected Drydock start() {
        return Drydock.builder().setting("runtime", "simulated").start();
    }

    @BeforeAll
    final void readTable() throws IOException {
        drydock = start();
        service = new ServiceUnderTest(drydock, clientInterface);
        lines = Files.readAllLines(table());
        rows = new LinkedHashMap<>();
        for (String line : lines) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                assertThat(rows.put(m.group(1), m.group(2)))
                        .as("rows for %s in %s", m.group(1), table())
                        .isNull();
            }
        }
    }

    @AfterAll
    final void stop() {
        if (drydock != null) {
            drydock.close();
        }
    }

    @Test
    void everyOperationOfTheServiceHasOneRowAndNoOtherRowIsThere() {
        assertThat(new TreeSet<>(rows.keySet()))
                .as("operations in %s (%s)", table(), service.model().source())
                .isEqualTo(new TreeSet<>(service.model().operations()));
        assertThat(rows.values()).allMatch(STATUSES::contains);
    }

    @Test
    void theStatusOfEveryOperationIsWhatDrydockAnswers() {
        Set<String> implemented = service.implementedOperations();
        for (String op : service.model().operations()) {
            if (implemented.contains(op)) {
                assertThat(rows.get(op)).as("%s row for %s", table(), op).isIn("supported", "partial");
            } else {
                assertThat(rows.get(op)).as("%s row for %s", table(), op).isEqualTo("not yet");
            }
        }
    }

    @Test
    void theSummaryCountsTheRows() {
        String summary = lines.stream()
                .filter(l -> SUMMARY.matcher(l).find())
                .findFirst()
                .orElseThrow(
                        () -> new AssertionError(table() + " has no line 'Today: N supported, M partial, K not yet.'"));
        Matcher m = SUMMARY.matcher(summary);
        assertThat(m.find()).isTrue();
        assertThat(List.of(m.group(1), m.group(2), m.group(3)))
                .as("the summary of %s", table())
                .containsExactly(count("supported"), count("partial"), count("not yet"));
    }

    private String count(String status) {
        return Long.toString(rows.values().stream().filter(status::equals).count());
    }
}
