package dev.drydock.core.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A chart over time: rows (a task each, say) made of spans in named states (PROVISIONING ... STOPPED) and points
 * (a container's exit, a failed health check), under markers that concern every row (a deployment starting, a service
 * event). Times are instants; the chart's axis runs from the earliest to the latest time in it, or to the report's
 * time for spans that have not ended.
 */
public final class Timeline {
    private final String title;
    private final List<Row> rows = new ArrayList<>();
    private final List<Marker> markers = new ArrayList<>();

    Timeline(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /**
     * Adds a row.
     *
     * @param id a stable id, e.g. the task id (the HTML carries it as {@code data-row})
     * @param label what the row is, e.g. {@code 7f3a9c1e (web:3)}
     * @param group rows of one group are drawn together (e.g. a deployment id), or {@code null}
     */
    public Row row(String id, String label, String group) {
        Row r = new Row(id, label, group);
        rows.add(r);
        return r;
    }

    /**
     * Adds a marker across the chart.
     *
     * @param kind what it is, e.g. {@code deployment} or {@code event} (the HTML styles each kind)
     * @param label its text, e.g. {@code deployment ecs-svc/123 created (web:3)}
     */
    public Timeline marker(Instant at, String kind, String label) {
        markers.add(new Marker(at, kind, label));
        return this;
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    public List<Marker> markers() {
        return List.copyOf(markers);
    }

    /** A marker across the chart; see {@link Timeline#marker}. */
    public record Marker(Instant at, String kind, String label) {}

    /** A span of a row in one state, from {@code from} until {@code to} ({@code null}: it has not ended). */
    public record Span(String state, Instant from, Instant to, String detail) {}

    /** A point of a row: something that happened at one time. */
    public record Point(Instant at, String kind, String label) {}

    /** One row of a timeline; see {@link Timeline#row}. */
    public static final class Row {
        private final String id;
        private final String label;
        private final String group;
        private final List<Span> spans = new ArrayList<>();
        private final List<Point> points = new ArrayList<>();
        private String note;

        Row(String id, String label, String group) {
            this.id = id;
            this.label = label;
            this.group = group;
        }

        public String id() {
            return id;
        }

        public String label() {
            return label;
        }

        public String group() {
            return group;
        }

        /** Adds a span in {@code state} (its name is also its style in the HTML, e.g. {@code RUNNING}). */
        public Row span(String state, Instant from, Instant to, String detail) {
            spans.add(new Span(state, from, to, detail));
            return this;
        }

        /** Adds a point, e.g. kind {@code exit} with label {@code container app exited with code 1}. */
        public Row point(Instant at, String kind, String label) {
            points.add(new Point(at, kind, label));
            return this;
        }

        /** A short text shown after the row, e.g. its stop reason. */
        public Row note(String note) {
            this.note = note;
            return this;
        }

        public List<Span> spans() {
            return List.copyOf(spans);
        }

        public List<Point> points() {
            return List.copyOf(points);
        }

        public String note() {
            return note;
        }
    }
}
