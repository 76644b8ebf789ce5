package dev.drydock.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's Java snippets that show a sample ({@code class XxxSampleTest}) are that sample's code: each of their
 * lines (whitespace and comments aside; lines with {@code ...} are elisions) is in the sample's source, so a README
 * snippet cannot call something the library or the sample does not have.
 */
class ReadmeSamplesTest {
    private static final Pattern JAVA = Pattern.compile("(?s)```java\n(.*?)```");
    private static final Pattern SAMPLE = Pattern.compile("class (\\w+SampleTest)\\b");

    @Test
    void everySampleSnippetIsTheSamplesCode() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher blocks = JAVA.matcher(readme);
        int checked = 0;
        while (blocks.find()) {
            Matcher sample = SAMPLE.matcher(blocks.group(1));
            if (!sample.find()) {
                continue;
            }
            Path source = Path.of("src", "test", "java", "dev", "drydock", "samples", sample.group(1) + ".java");
            assertThat(source).as("the sample the README shows").exists();
            String code = normalize(Files.readString(source));
            List<String> missing = new ArrayList<>();
            for (String line : blocks.group(1).split("\n")) {
                String n = normalize(line);
                if (!n.isEmpty() && !line.contains("...") && !code.contains(n)) {
                    missing.add(line.trim());
                }
            }
            assertThat(missing)
                    .as("README lines of %s that its source does not have", sample.group(1))
                    .isEmpty();
            checked++;
        }
        assertThat(checked).as("sample snippets in the README").isGreaterThanOrEqualTo(3);
    }

    /** Without comments and whitespace. */
    private static String normalize(String code) {
        return code.replaceAll("(?s)/\\*.*?\\*/", "")
                .replaceAll("//[^\n\"]*(\n|$)", "\n")
                .replaceAll("\\s+", "");
    }
}
