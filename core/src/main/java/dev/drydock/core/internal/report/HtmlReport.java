package dev.drydock.core.internal.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.drydock.core.report.Report;
import dev.drydock.core.report.Section;
import dev.drydock.core.report.Table;
import dev.drydock.core.report.Timeline;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Writes a {@link Report} as one self-contained HTML file: the page's CSS and script (from
 * {@code META-INF/drydock/report/report.html}, no network access needed) and the report as JSON in a
 * {@code <script type="application/json">} element, which the script renders (timelines as SVG, tables with filters,
 * folded logs). The file is written to a temporary file and moved into place, so a reader never sees half of it.
 */
public final class HtmlReport {
    private static final JsonFactory JSON = new JsonFactory();
    private static final String DATA = "/*DRYDOCK-REPORT-DATA*/";
    private static volatile String template;

    private HtmlReport() {}

    /** Writes the report to {@code file} (creating its directory), replacing what was there. */
    public static void write(Report report, Path file) throws IOException {
        String html = render(report);
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // not createTempFile: its owner-only permissions would stay on the report
        Path tmp = dir.resolve("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.writeString(tmp, html, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The report as an HTML page. */
    public static String render(Report report) {
        String page = template().replace("<!--TITLE-->", escapeHtml(report.title()));
        int at = page.indexOf(DATA);
        return page.substring(0, at) + json(report) + page.substring(at + DATA.length());
    }

    /**
     * The report as JSON, with every {@code <} written as {@code \u003c}, so no text in it can end the script element
     * it is embedded in.
     */
    static String json(Report report) {
        StringWriter out = new StringWriter(8192);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("title", report.title());
            g.writeNumberField("createdAt", report.createdAt().toEpochMilli());
            writeMap(g, "facts", report.facts());
            g.writeArrayFieldStart("sections");
            for (Section s : report.sections()) {
                writeSection(g, s);
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().replace("<", "\\u003c");
    }

    private static void writeSection(JsonGenerator g, Section s) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", s.id());
        g.writeStringField("kind", s.kind());
        g.writeStringField("title", s.title());
        writeMap(g, "facts", s.facts());
        g.writeArrayFieldStart("blocks");
        for (Object block : s.blocks()) {
            g.writeStartObject();
            if (block instanceof Timeline t) {
                writeTimeline(g, t);
            } else if (block instanceof Table t) {
                writeTable(g, t);
            } else if (block instanceof Section.Logs l) {
                g.writeStringField("type", "logs");
                g.writeStringField("title", l.title());
                g.writeNumberField("omitted", l.omitted());
                g.writeArrayFieldStart("lines");
                for (String line : l.lines()) {
                    g.writeString(line);
                }
                g.writeEndArray();
            } else if (block instanceof Section.Text t) {
                g.writeStringField("type", "text");
                g.writeStringField("text", t.text());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeTimeline(JsonGenerator g, Timeline t) throws IOException {
        g.writeStringField("type", "timeline");
        g.writeStringField("title", t.title());
        g.writeArrayFieldStart("markers");
        for (Timeline.Marker m : t.markers()) {
            g.writeStartObject();
            time(g, "at", m.at());
            g.writeStringField("kind", m.kind());
            g.writeStringField("label", m.label());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("rows");
        for (Timeline.Row r : t.rows()) {
            g.writeStartObject();
            g.writeStringField("id", r.id());
            g.writeStringField("label", r.label());
            if (r.group() != null) {
                g.writeStringField("group", r.group());
            }
            if (r.note() != null) {
                g.writeStringField("note", r.note());
            }
            g.writeArrayFieldStart("spans");
            for (Timeline.Span s : r.spans()) {
                g.writeStartObject();
                g.writeStringField("state", s.state());
                time(g, "from", s.from());
                time(g, "to", s.to());
                if (s.detail() != null) {
                    g.writeStringField("detail", s.detail());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("points");
            for (Timeline.Point p : r.points()) {
                g.writeStartObject();
                time(g, "at", p.at());
                g.writeStringField("kind", p.kind());
                g.writeStringField("label", p.label());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeTable(JsonGenerator g, Table t) throws IOException {
        g.writeStringField("type", "table");
        g.writeStringField("title", t.title());
        if (t.filterColumn() != null) {
            g.writeStringField("filter", t.filterColumn());
        }
        if (t.note() != null) {
            g.writeStringField("note", t.note());
        }
        g.writeArrayFieldStart("columns");
        for (String c : t.columns()) {
            g.writeString(c);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("rows");
        for (Table.Row r : t.rows()) {
            g.writeStartObject();
            g.writeArrayFieldStart("cells");
            for (String c : r.cells()) {
                g.writeString(c);
            }
            g.writeEndArray();
            if (!r.tags().isEmpty()) {
                g.writeArrayFieldStart("tags");
                for (String tag : r.tags()) {
                    g.writeString(tag);
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** Epoch milliseconds (what the page's script computes with), or nothing for {@code null}. */
    private static void time(JsonGenerator g, String field, Instant at) throws IOException {
        if (at != null) {
            g.writeNumberField(field, at.toEpochMilli());
        }
    }

    private static void writeMap(JsonGenerator g, String field, Map<String, String> map) throws IOException {
        g.writeArrayFieldStart(field);
        for (Map.Entry<String, String> e : map.entrySet()) {
            g.writeStartArray();
            g.writeString(e.getKey());
            g.writeString(e.getValue());
            g.writeEndArray();
        }
        g.writeEndArray();
    }

    private static String template() {
        String t = template;
        if (t == null) {
            try (InputStream in = HtmlReport.class.getResourceAsStream("/META-INF/drydock/report/report.html")) {
                if (in == null) {
                    throw new IllegalStateException("META-INF/drydock/report/report.html is missing from drydock-core");
                }
                t = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            template = t;
        }
        return t;
    }

    private static String escapeHtml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
