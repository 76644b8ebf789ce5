package dev.drydock.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report model and its HTML, without a browser (HtmlReportTest in junit-extension renders it in Chromium). */
class ReportTest {
    private static final Instant T = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void textThatLooksLikeMarkupCannotLeaveTheDataItIsIn() throws Exception {
        Report report = new Report("</script><script>alert(1)</script>", T);
        report.section("s", "Test", "<b>bold</b>")
                .logs("out", List.of("</script><!-- <script>"), 0)
                .table("t", "a")
                .row("</SCRIPT>");

        String html = report.html();

        String data = between(html, "<script type=\"application/json\" id=\"drydock-report\">", "</script>");
        assertThat(data).doesNotContain("<");
        JsonNode json = new ObjectMapper().readTree(data);
        assertThat(json.get("title").asText()).isEqualTo("</script><script>alert(1)</script>");
        JsonNode section = json.get("sections").get(0);
        assertThat(section.get("title").asText()).isEqualTo("<b>bold</b>");
        assertThat(section.get("blocks").get(0).get("lines").get(0).asText()).isEqualTo("</script><!-- <script>");
        assertThat(section.get("blocks")
                        .get(1)
                        .get("rows")
                        .get(0)
                        .get("cells")
                        .get(0)
                        .asText())
                .isEqualTo("</SCRIPT>");
        assertThat(between(html, "<title>", "</title>"))
                .isEqualTo("Drydock report: &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void sectionsAreOrderedByTheirOrderThenByCreationAndFactsKeepTheirOrder() throws Exception {
        Report report = new Report("r", T);
        report.section("resources", "Resources", "Declared").order(100);
        report.section("ecs/a", "ECS service", "a").fact("z", "1").fact("a", "2");
        report.section("iam", "IAM", "Decisions").order(50);
        report.section("ecs/b", "ECS service", "b");
        report.section("ecs/a", "ignored", "ignored").fact("m", "3");

        assertThat(report.sections()).extracting(Section::id).containsExactly("ecs/a", "ecs/b", "iam", "resources");
        assertThat(report.sections().get(0).facts().keySet()).containsExactly("z", "a", "m");
        assertThat(report.sections().get(0).title()).isEqualTo("a");
    }

    @Test
    void timelinesCarryEpochMillisecondsAndOpenSpans() throws Exception {
        Report report = new Report("r", T);
        Timeline t = report.section("s", "k", "t").timeline("Tasks");
        t.row("task-1", "task 1", "deployment 1")
                .span("PENDING", T, T.plusMillis(250), "ENI attached")
                .span("RUNNING", T.plusMillis(250), null, null)
                .point(T.plusSeconds(1), "exit-failed", "container app exited with code 1")
                .note("EssentialContainerExited");
        t.marker(T, "deployment", "deployment 1 created");

        JsonNode timeline = new ObjectMapper()
                .readTree(between(report.html(), "id=\"drydock-report\">", "</script>"))
                .get("sections")
                .get(0)
                .get("blocks")
                .get(0);
        JsonNode row = timeline.get("rows").get(0);
        assertThat(row.get("group").asText()).isEqualTo("deployment 1");
        assertThat(row.get("spans").get(0).get("to").asLong()).isEqualTo(T.toEpochMilli() + 250);
        assertThat(row.get("spans").get(1).has("to")).isFalse();
        assertThat(row.get("points").get(0).get("kind").asText()).isEqualTo("exit-failed");
        assertThat(timeline.get("markers").get(0).get("at").asLong()).isEqualTo(T.toEpochMilli());
    }

    private static String between(String s, String from, String to) {
        int start = s.indexOf(from) + from.length();
        return s.substring(start, s.indexOf(to, start));
    }
}
