package dev.drydock.junit;

import static dev.drydock.junit.FixtureRuns.assertAllPassed;
import static dev.drydock.junit.FixtureRuns.execute;
import static dev.drydock.junit.FixtureRuns.published;
import static dev.drydock.junit.FixtureRuns.publishedOnce;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * The HTML report a class leaves under target/drydock-reports, opened in headless Chromium (Debian's {@code chromium},
 * which scripts/run-tests.sh installs; this test fails without it): after its script ran, the service's timeline has
 * a row per task with its state spans, the RunTask task its own section, the IAM table its denial and filters. The file
 * is self-contained: nothing in it names another resource to load.
 */
class HtmlReportTest {
    static final Path REPORT =
            Path.of("target", "drydock-reports", HtmlReportTestCases.TenTasks.class.getName() + ".html");

    @TempDir
    Path profile;

    @Test
    void chromiumRendersTheTimelineOfEveryTaskAndTheDecisions() throws Exception {
        Files.deleteIfExists(REPORT);
        EngineExecutionResults results = execute(HtmlReportTestCases.TenTasks.class);
        assertAllPassed(results, 1);
        List<String> serviceTasks = published(results, "service-task");
        String standalone = publishedOnce(results, "standalone-task");
        assertThat(serviceTasks).hasSize(10);

        assertThat(REPORT).exists();
        String html = Files.readString(REPORT);
        assertThat(html.length()).as("the report of a 10-task class, in bytes").isLessThan(150_000);
        assertThat(html).doesNotContainPattern("(src|href)=\"(https?:)?//").doesNotContain("@import");

        String dom = dumpDom(REPORT);
        assertThat(dom).contains("data-rendered=\"true\"");
        String service = section(dom, "ecs/shop/web");
        assertThat(rows(service)).containsExactlyInAnyOrderElementsOf(serviceTasks);
        for (String task : serviceTasks) {
            assertThat(row(service, task))
                    .contains("data-state=\"PROVISIONING\"")
                    .contains("data-state=\"RUNNING\"");
        }
        assertThat(service).contains(">running</b><span>10</span>");

        String tasks = section(dom, "ecs/shop/tasks");
        assertThat(rows(tasks)).containsExactly(standalone);
        assertThat(row(tasks, standalone))
                .contains("data-state=\"PENDING\"")
                .contains("data-state=\"STOPPING\"")
                .contains("class=\"point point-exit-failed\"")
                .contains("EssentialContainerExited");

        String iam = section(dom, "iam");
        assertThat(iam)
                .contains("data-filter=\"denied\"")
                .contains("data-filter=\"allowed\"")
                .contains("data-hide-tag=\"test-principal\"")
                .containsPattern("<td[^>]*>cluster-reader/[^<]+</td><td[^>]*>ecs:DeleteCluster</td>")
                .contains("class=\"v-denied\">denied</td>");
        String resources = section(dom, "resources");
        assertThat(resources).contains(">cluster-reader<").contains(">sleeper:1<");
    }

    /** Chromium's DOM of the page after its scripts ran. */
    private String dumpDom(Path page) throws IOException, InterruptedException {
        String chromium = chromium();
        List<String> command = new ArrayList<>(List.of(
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile,
                "--window-size=1400,1000",
                "--dump-dom",
                page.toAbsolutePath().toUri().toString()));
        Path out = profile.resolve("dom.html");
        Process p = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium --dump-dom did not finish in 60 s");
        }
        assertThat(p.exitValue()).as("chromium's exit code").isZero();
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    /** Debian's chromium (or another Chromium on PATH); fails the test saying how to install it when there is none. */
    static String chromium() {
        for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                if (Files.isExecutable(Path.of(dir, name))) {
                    return Path.of(dir, name).toString();
                }
            }
        }
        throw new AssertionError(
                "This test opens Drydock's HTML report in headless Chromium, and there is none on PATH:"
                        + " install Debian's chromium (apt-get install chromium; scripts/run-tests.sh does).");
    }

    /** The HTML of the section with this id. */
    private static String section(String dom, String id) {
        int start = dom.indexOf("<section id=\"" + id + "\"");
        assertThat(start).as("section %s in the rendered page", id).isNotNegative();
        int end = dom.indexOf("</section>", start);
        return dom.substring(start, end);
    }

    /** The task ids of the timeline rows in a section. */
    private static List<String> rows(String section) {
        List<String> ids = new ArrayList<>();
        Matcher m = Pattern.compile("<g class=\"row\" data-row=\"([^\"]+)\"").matcher(section);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private static String row(String section, String id) {
        int start = section.indexOf("<g class=\"row\" data-row=\"" + id + "\"");
        int end = section.indexOf("</g>", start);
        return section.substring(start, end);
    }
}
