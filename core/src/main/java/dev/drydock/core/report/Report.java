package dev.drydock.core.report;

import dev.drydock.core.internal.report.HtmlReport;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a Drydock instance did, for people to look at: a title, facts about the instance, and sections, in the order
 * they were first asked for. Any module may add to any section by its id (the ECS module adds a section per service;
 * a load balancing module can add target health to that service's section), so the report knows no service. Not
 * thread-safe: built by one thread, then written.
 */
public final class Report {
    private final String title;
    private final Instant createdAt;
    private final Map<String, String> facts = new LinkedHashMap<>();
    private final Map<String, Section> sections = new LinkedHashMap<>();

    /**
     * @param title e.g. the test class's name
     * @param createdAt when the report was taken (the time axis of its timelines ends there for what still runs)
     */
    public Report(String title, Instant createdAt) {
        this.title = title;
        this.createdAt = createdAt;
    }

    public String title() {
        return title;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** Adds (or replaces) a fact shown at the top, e.g. {@code region} {@code us-east-1}. */
    public Report fact(String name, String value) {
        facts.put(name, value);
        return this;
    }

    /** The facts, in the order added. */
    public Map<String, String> facts() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    }

    /**
     * The section with this id, created with {@code title} if there is none yet.
     *
     * @param id a stable id, e.g. {@code ecs/service/shop/web}; also the HTML anchor
     * @param kind what the section is about, e.g. {@code ECS service}, {@code IAM}, {@code Resources}
     * @param title e.g. {@code shop/web}
     */
    public Section section(String id, String kind, String title) {
        return sections.computeIfAbsent(id, k -> new Section(id, kind, title));
    }

    /**
     * Writes the report as one self-contained HTML file (no network access needed to view it: its own script draws the
     * timelines and filters), replacing the file; its directory is created.
     *
     * @throws IOException when the file cannot be written
     */
    public void writeHtml(Path file) throws IOException {
        HtmlReport.write(this, file);
    }

    /** The report as the HTML page {@link #writeHtml} writes. */
    public String html() {
        return HtmlReport.render(this);
    }

    /** The sections by {@link Section#order()}, then in the order they were created. */
    public List<Section> sections() {
        List<Section> result = new ArrayList<>(sections.values());
        result.sort(Comparator.comparingInt(Section::order));
        return result;
    }
}
