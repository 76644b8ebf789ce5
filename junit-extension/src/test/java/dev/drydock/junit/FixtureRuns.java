package dev.drydock.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.drydock.core.DrydockException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;
import org.junit.platform.testkit.engine.Events;

/**
 * Runs fixture classes ({@code *TestCases}, which surefire does not run by itself) on the Jupiter engine with
 * {@link EngineTestKit}, and reads what happened. Fixtures hand values to the asserting test by publishing them with
 * {@link org.junit.jupiter.api.TestReporter} ({@code reporter.publishEntry("session", drydock.sessionId())}).
 */
final class FixtureRuns {
    private FixtureRuns() {}

    /** Executes the fixture classes, in the order given, in one engine run. */
    static EngineExecutionResults execute(Class<?>... fixtures) {
        ClassSelector[] selectors =
                Arrays.stream(fixtures).map(c -> selectClass(c)).toArray(ClassSelector[]::new);
        return EngineTestKit.engine("junit-jupiter").selectors(selectors).execute();
    }

    /** Asserts that nothing failed and that {@code tests} tests passed, listing any failure's exception. */
    static void assertAllPassed(EngineExecutionResults results, int tests) {
        assertThat(failures(results.allEvents())).as("failures").isEmpty();
        assertThat(results.testEvents().succeeded().count()).as("tests passed").isEqualTo(tests);
    }

    /** Each failed test or container as "display name: exception", for assertion messages. */
    static List<String> failures(Events events) {
        List<String> result = new ArrayList<>();
        for (Event e : events.failed().list()) {
            result.add(e.getTestDescriptor().getDisplayName() + ": "
                    + throwable(e).map(FixtureRuns::describe).orElse("(no exception)"));
        }
        return result;
    }

    /** The exception a finished event carries. */
    static Optional<Throwable> throwable(Event finished) {
        return finished.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable);
    }

    /** The exception of the one test whose method is named {@code method}; fails when it has none. */
    static Throwable failureOf(EngineExecutionResults results, String method) {
        List<Event> finished = results.testEvents()
                .finished()
                .filter(e -> method.equals(methodName(e)))
                .toList();
        assertThat(finished).as("finished tests named %s", method).hasSize(1);
        return throwable(finished.get(0)).orElseThrow(() -> new AssertionError(method + " did not fail"));
    }

    /** The exception the one failed container (a test class) carries. */
    static Throwable classFailure(EngineExecutionResults results) {
        List<Event> failed = results.containerEvents().failed().list();
        assertThat(failed).as("failed containers").hasSize(1);
        return throwable(failed.get(0)).orElseThrow();
    }

    /**
     * Runs a fixture class whose declaration is wrong: none of its tests starts, and the class fails with a
     * {@link DrydockException}, which is returned.
     */
    static Throwable declarationFailure(Class<?> fixture) {
        EngineExecutionResults results = execute(fixture);
        assertThat(results.testEvents().started().count()).as("tests started").isZero();
        Throwable failure = classFailure(results);
        assertThat(failure).isInstanceOf(DrydockException.class);
        return failure;
    }

    /** The values published under {@code key}, in the order they were published. */
    static List<String> published(EngineExecutionResults results, String key) {
        List<String> values = new ArrayList<>();
        for (Event e : results.allEvents()
                .filter(e -> e.getType() == EventType.REPORTING_ENTRY_PUBLISHED)
                .toList()) {
            e.getPayload(ReportEntry.class)
                    .map(r -> r.getKeyValuePairs().get(key))
                    .ifPresent(values::add);
        }
        return values;
    }

    /** The single value published under {@code key}. */
    static String publishedOnce(EngineExecutionResults results, String key) {
        List<String> values = published(results, key);
        assertThat(values).as("values published as '%s'", key).hasSize(1);
        return values.get(0);
    }

    private static String methodName(Event e) {
        return e.getTestDescriptor()
                .getSource()
                .filter(s -> s instanceof MethodSource)
                .map(s -> ((MethodSource) s).getMethodName())
                .orElse(null);
    }

    private static String describe(Throwable t) {
        StringBuilder b = new StringBuilder(t.toString());
        for (Throwable c = t.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            b.append("\n  caused by ").append(c);
        }
        return b.toString();
    }
}
