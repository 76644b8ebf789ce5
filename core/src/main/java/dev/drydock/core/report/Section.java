package dev.drydock.core.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One part of a {@link Report}: facts (a summary line of names and values) and blocks (timelines, tables, logs,
 * text), in the order added. See {@link Report#section}.
 */
public final class Section {
    private final String id;
    private final String kind;
    private final String title;
    private final Map<String, String> facts = new LinkedHashMap<>();
    private final List<Object> blocks = new ArrayList<>();
    private int order;

    Section(String id, String kind, String title) {
        this.id = id;
        this.kind = kind;
        this.title = title;
    }

    public String id() {
        return id;
    }

    public String kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    /**
     * Where the section goes: sections are shown by this number (0 unless set), then in the order they were created.
     * Services' sections keep 0; IAM's decisions are 50 and the declared resources 100, at the end.
     */
    public Section order(int order) {
        this.order = order;
        return this;
    }

    public int order() {
        return order;
    }

    /** Adds (or replaces) a fact of the section's summary, e.g. {@code running} {@code 2 of 2}. */
    public Section fact(String name, String value) {
        facts.put(name, value);
        return this;
    }

    /** The facts, in the order added. */
    public Map<String, String> facts() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    }

    /** Adds a timeline chart; fill it through the answer. */
    public Timeline timeline(String title) {
        Timeline t = new Timeline(title);
        blocks.add(t);
        return t;
    }

    /** Adds a table with these column headings; fill it through the answer. */
    public Table table(String title, String... columns) {
        Table t = new Table(title, List.of(columns));
        blocks.add(t);
        return t;
    }

    /**
     * Adds a block of log lines (the last lines of a container's output, say), shown folded.
     *
     * @param title e.g. {@code task 7f3a... container app (exit code 1)}
     * @param omitted how many earlier lines are left out (0 when these are all)
     */
    public Section logs(String title, List<String> lines, int omitted) {
        blocks.add(new Logs(title, List.copyOf(lines), omitted));
        return this;
    }

    /** Adds a paragraph of plain text. */
    public Section text(String text) {
        blocks.add(new Text(text));
        return this;
    }

    /** The blocks in the order added: {@link Timeline}, {@link Table}, {@link Logs} and {@link Text} values. */
    public List<Object> blocks() {
        return List.copyOf(blocks);
    }

    /** Log lines; see {@link Section#logs}. */
    public record Logs(String title, List<String> lines, int omitted) {}

    /** A paragraph; see {@link Section#text}. */
    public record Text(String text) {}
}
