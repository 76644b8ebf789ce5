package dev.drydock.core.iam.policy;

/**
 * Where a statement sits in the original policy text, as IAM's SimulatePrincipalPolicy /
 * SimulateCustomPolicy report it in {@code MatchedStatements[].StartPosition/EndPosition}.
 *
 * <p>Lines and columns are 1-based and count characters as Jackson's token locations do. The start is the
 * statement's opening brace {@code {}; the end is its closing brace {@code }} (inclusive).
 *
 * @param startLine   1-based line of the opening brace
 * @param startColumn 1-based column of the opening brace
 * @param endLine     1-based line of the closing brace
 * @param endColumn   1-based column of the closing brace
 */
public record SourcePosition(int startLine, int startColumn, int endLine, int endColumn) {

    @Override
    public String toString() {
        return startLine + ":" + startColumn + "-" + endLine + ":" + endColumn;
    }
}
