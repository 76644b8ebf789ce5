package dev.drydock.core.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A table of text cells. A column may be a filter: the HTML offers a button per value it holds (e.g. the decision
 * column's {@code allowed} and {@code denied}), and a row may carry a tag its readers can hide rows by (e.g.
 * {@code test-principal} on the test principal's own calls).
 */
public final class Table {
    private final String title;
    private final List<String> columns;
    private final List<Row> rows = new ArrayList<>();
    private String filterColumn;
    private String note;

    Table(String title, List<String> columns) {
        this.title = title;
        this.columns = List.copyOf(columns);
    }

    public String title() {
        return title;
    }

    public List<String> columns() {
        return columns;
    }

    /** Offers a filter button for each value of this column. */
    public Table filterBy(String column) {
        if (!columns.contains(column)) {
            throw new IllegalArgumentException("no column " + column + " in " + columns);
        }
        this.filterColumn = column;
        return this;
    }

    public String filterColumn() {
        return filterColumn;
    }

    /** A line under the table, e.g. how many rows were left out. */
    public Table note(String note) {
        this.note = note;
        return this;
    }

    public String note() {
        return note;
    }

    /** Adds a row; as many cells as columns ({@code null} cells are empty). */
    public Table row(String... cells) {
        return taggedRow(List.of(), cells);
    }

    /**
     * Adds a row with tags (the HTML can hide rows by tag).
     *
     * @throws IllegalArgumentException when the number of cells differs from the number of columns
     */
    public Table taggedRow(List<String> tags, String... cells) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException(
                    cells.length + " cells for the " + columns.size() + " columns " + columns);
        }
        List<String> values = new ArrayList<>();
        for (String c : cells) {
            values.add(c == null ? "" : c);
        }
        rows.add(new Row(values, List.copyOf(tags)));
        return this;
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    /** One row: its cells and tags. */
    public record Row(List<String> cells, List<String> tags) {}
}
