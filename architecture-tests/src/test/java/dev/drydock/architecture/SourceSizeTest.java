package dev.drydock.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Classes with one job each stay small: no main source file of any module is over {@value #MAX_LINES} lines (a
 * class that grows past it mixes jobs; split it into parts as docs/architecture.md describes). Reads every
 * {@code <module>/src/main/java} of the repository this module is built in.
 */
class SourceSizeTest {
    static final int MAX_LINES = 700;

    @Test
    void noMainSourceFileIsOver700Lines() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        List<Path> sources;
        try (Stream<Path> modules = Files.list(root)) {
            sources = modules.map(m -> m.resolve("src/main/java"))
                    .filter(Files::isDirectory)
                    .flatMap(SourceSizeTest::javaFiles)
                    .toList();
        }
        assertThat(sources).as("main sources under %s", root).hasSizeGreaterThan(100);
        assertThat(sources)
                .filteredOn(f -> lines(f) > MAX_LINES)
                .as("main source files over %d lines (split them into parts with one job each)", MAX_LINES)
                .isEmpty();
    }

    private static Stream<Path> javaFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
