package dev.drydock.core.internal.compat;

import dev.drydock.core.DrydockException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks, when Drydock starts, that the libraries Drydock shares with the application (the AWS SDK, Testcontainers and
 * docker-java, Jackson, SLF4J, JUnit, AssertJ) are versions Drydock supports, so that a conflict fails at once with a
 * message naming the artifact, the version found and the supported range, not as a {@code NoSuchMethodError} deep in a
 * test.
 *
 * <p>Each Drydock module lists what it needs in {@value #RESOURCE} (its build fills in the versions), one artifact a
 * line:
 *
 * <pre>
 * module dev.drydock:drydock-core 0.1.0
 * software.amazon.awssdk:sdk-core [2.36.2,3) 2.40.2 software.amazon.awssdk.core.SdkClient
 * org.assertj:assertj-core        [3.24.0,4) 3.27.7 org.assertj.core.api.AbstractAssert optional
 * </pre>
 *
 * <p>that is: the artifact, the supported range (lowest version included, first unsupported version excluded), the
 * version Drydock was built and tested with, a class in that artifact's jar, and {@code optional} for an artifact the
 * application may leave out. The version found is the one in the jar that holds that class ({@code
 * META-INF/maven/.../pom.properties}, else its manifest); a class that is not in a jar (an IDE's output folder) is not
 * checked. Beyond the ranges it checks that every AWS SDK module is no newer than the {@code sdk-core} it runs on,
 * that jackson-core and jackson-annotations are no older than jackson-databind's minor version (each library's own
 * rule), and that all Drydock modules are one version.
 */
public final class DependencyCheck {
    private static final Logger LOG = LoggerFactory.getLogger(DependencyCheck.class);

    /** Where each module lists what it needs, relative to the classpath root. */
    public static final String RESOURCE = "META-INF/drydock/supported-dependencies.txt";

    private static volatile List<String> cachedProblems;

    private DependencyCheck() {}

    /**
     * Verifies the classpath of Drydock's class loader (once per JVM; later calls answer from memory).
     *
     * @param mode the setting {@code dependency-check}: {@code fail} (the default) throws, {@code warn} logs the
     *     problems and goes on, {@code off} checks nothing
     * @throws DrydockException in mode {@code fail}, naming every artifact whose version Drydock does not support,
     *     the version found, the jar it came from and the supported range; for a mode that is none of the three
     */
    public static void verify(String mode) {
        if (!mode.equals("fail") && !mode.equals("warn") && !mode.equals("off")) {
            throw new DrydockException("The Drydock setting dependency-check is '" + mode
                    + "'; set it to fail (the default), warn or off.");
        }
        if (mode.equals("off")) {
            return;
        }
        List<String> problems = cachedProblems;
        if (problems == null) {
            problems = problems(DependencyCheck.class.getClassLoader());
            cachedProblems = problems;
        }
        if (problems.isEmpty()) {
            return;
        }
        if (mode.equals("warn")) {
            LOG.warn("{}", message(problems));
        } else {
            throw new DrydockException(message(problems));
        }
    }

    /**
     * Starts {@link #verify(String)} on a daemon thread, so that it overlaps Drydock's own start; {@link #await}
     * collects its outcome.
     */
    public static CompletableFuture<Void> verifyInBackground(String mode) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        Thread thread = new Thread(
                () -> {
                    try {
                        verify(mode);
                        result.complete(null);
                    } catch (RuntimeException | Error e) {
                        result.completeExceptionally(e);
                    }
                },
                "drydock-dependency-check");
        thread.setDaemon(true);
        thread.start();
        return result;
    }

    /**
     * Waits for a check {@link #verifyInBackground} started and rethrows what it threw.
     *
     * @param failure what went wrong meanwhile, or null; when the check failed too, the check's exception is thrown
     *     with {@code failure} suppressed in it (an unsupported library version explains e.g. a NoSuchMethodError)
     * @throws DrydockException the check's failure
     */
    public static void await(CompletableFuture<Void> check, Throwable failure) {
        try {
            check.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (failure != null) {
                cause.addSuppressed(failure);
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /**
     * Compares two dotted versions ({@code 2.40.10 > 2.40.9}; a pre-release such as {@code 5.14.0-M1} before its
     * release).
     */
    public static int compareVersions(String a, String b) {
        return Version.compare(a, b);
    }

    /** The problems found on {@code loader}'s classpath; empty when everything is supported. */
    public static List<String> problems(ClassLoader loader) {
        List<Requirement> requirements = new ArrayList<>();
        Map<String, String> modules = new TreeMap<>();
        try {
            Enumeration<URL> lists = loader.getResources(RESOURCE);
            while (lists.hasMoreElements()) {
                read(lists.nextElement(), requirements, modules);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Drydock cannot read " + RESOURCE + " from the classpath", e);
        }
        List<String> problems = new ArrayList<>();
        if (modules.values().stream().distinct().count() > 1) {
            problems.add("Drydock's modules are of different versions " + modules
                    + ": use one version for all of them (import dev.drydock:drydock-bom)");
        }
        Map<String, Found> found = new LinkedHashMap<>();
        for (Requirement r : requirements) {
            if (found.containsKey(r.artifact())) {
                continue; // two modules need the same artifact: the ranges come from one build
            }
            URL classFile = loader.getResource(r.anchorClass().replace('.', '/') + ".class");
            if (classFile == null) {
                if (!r.optional()) {
                    problems.add(r.artifact() + " is missing from the classpath (Drydock needs a version in "
                            + r.range() + "; it was built with " + r.builtWith() + "): was it excluded?");
                }
                continue;
            }
            Optional<String> version = versionOf(classFile, r.artifact());
            if (version.isEmpty()) {
                continue; // not in a jar, or a jar that does not say its version
            }
            Found f = new Found(r, version.get(), jarName(classFile));
            found.put(r.artifact(), f);
            if (!r.range().contains(f.version())) {
                problems.add(r.artifact() + " " + f.version() + " (" + f.jar() + ") is outside the versions Drydock"
                        + " supports: " + r.range().describe() + " (built and tested with " + r.builtWith() + ")");
            }
        }
        alignment(found, problems);
        return List.copyOf(problems);
    }

    /** The libraries' own rules on versions that must go together. */
    private static void alignment(Map<String, Found> found, List<String> problems) {
        Found sdkCore = found.get("software.amazon.awssdk:sdk-core");
        if (sdkCore != null) {
            for (Found f : found.values()) {
                if (f.requirement().artifact().startsWith("software.amazon.awssdk:")
                        && Version.compare(f.version(), sdkCore.version()) > 0) {
                    problems.add(f.requirement().artifact() + " " + f.version() + " is newer than the"
                            + " software.amazon.awssdk:sdk-core " + sdkCore.version() + " it runs on: the AWS SDK needs"
                            + " its modules at one version (import software.amazon.awssdk:bom, or pin sdk-core too)");
                }
            }
        }
        Found databind = found.get("com.fasterxml.jackson.core:jackson-databind");
        if (databind != null) {
            String minor = Version.minor(databind.version());
            for (String other : List.of(
                    "com.fasterxml.jackson.core:jackson-core", "com.fasterxml.jackson.core:jackson-annotations")) {
                Found f = found.get(other);
                if (f != null && Version.compare(f.version(), minor) < 0) {
                    problems.add(other + " " + f.version() + " is older than the jackson-databind " + databind.version()
                            + " it serves: Jackson needs them at the same minor version (import"
                            + " com.fasterxml.jackson:jackson-bom)");
                }
            }
        }
    }

    private static String message(List<String> problems) {
        StringBuilder sb = new StringBuilder("Drydock cannot run with these library versions on the classpath:");
        for (String p : problems) {
            sb.append("\n  - ").append(p);
        }
        sb.append("\nThe version usually comes from a BOM your build imports (spring-boot-dependencies, the AWS SDK or")
                .append(
                        " JUnit BOM) or a dependency you declare; `mvn dependency:tree -Dverbose -Dincludes=GROUP:ARTIFACT`")
                .append(
                        " shows where. Use a supported version, or set the Drydock setting dependency-check=warn (e.g. -Ddrydock.dependency-check=warn) to run anyway.");
        return sb.toString();
    }

    /** Reads one module's list; a malformed line is an error in Drydock's build, reported as such. */
    private static void read(URL list, List<Requirement> requirements, Map<String, String> modules) throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(open(list), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                String[] f = trimmed.split("\\s+");
                if (f[0].equals("module") && f.length == 3) {
                    modules.put(f[1], f[2]);
                } else if (f.length == 4 || (f.length == 5 && f[4].equals("optional"))) {
                    requirements.add(new Requirement(f[0], Range.parse(f[1]), f[2], f[3], f.length == 5));
                } else {
                    throw new IllegalStateException("Malformed line in " + list + ": " + line);
                }
            }
        }
    }

    /**
     * The version of the jar holding {@code classFile}: from its {@code pom.properties} for {@code artifact}, else its
     * manifest's Implementation-Version or Bundle-Version.
     */
    static Optional<String> versionOf(URL classFile, String artifact) {
        if (!"jar".equals(classFile.getProtocol())) {
            return Optional.empty();
        }
        String spec = classFile.toString();
        String root = spec.substring(0, spec.indexOf("!/") + 2);
        String[] ga = artifact.split(":");
        try {
            URL pom = new URL(root + "META-INF/maven/" + ga[0] + "/" + ga[1] + "/pom.properties");
            try (InputStream in = open(pom)) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version");
                if (v != null && !v.isBlank()) {
                    return Optional.of(v.strip());
                }
            } catch (IOException e) {
                // no pom.properties (a jar built by Gradle): the manifest says the version
            }
            URLConnection c = new URL(root).openConnection();
            if (c instanceof JarURLConnection jar) {
                jar.setUseCaches(true);
                Manifest manifest = jar.getManifest();
                if (manifest != null) {
                    Attributes main = manifest.getMainAttributes();
                    String v = main.getValue(Attributes.Name.IMPLEMENTATION_VERSION);
                    if (v == null) {
                        v = main.getValue("Bundle-Version");
                    }
                    return Optional.ofNullable(v).map(String::strip);
                }
            }
        } catch (IOException e) {
            // an unreadable jar: its classes would not load either, and that error names it
        }
        return Optional.empty();
    }

    private static InputStream open(URL url) throws IOException {
        URLConnection c = url.openConnection();
        c.setUseCaches(true);
        return c.getInputStream();
    }

    private static String jarName(URL classFile) {
        String spec = classFile.toString();
        String path = spec.substring(0, spec.indexOf("!/"));
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** One line of a module's list. */
    record Requirement(String artifact, Range range, String builtWith, String anchorClass, boolean optional) {}

    /** An artifact found on the classpath. */
    record Found(Requirement requirement, String version, String jar) {}

    /** A half-open range of versions, {@code [lowest,firstUnsupported)}. */
    record Range(String lowest, String firstUnsupported) {
        static Range parse(String s) {
            if (!s.startsWith("[") || !s.endsWith(")") || s.indexOf(',') < 0) {
                throw new IllegalStateException("A range is written [lowest,firstUnsupported), not " + s);
            }
            String[] parts = s.substring(1, s.length() - 1).split(",", 2);
            return new Range(parts[0].strip(), parts[1].strip());
        }

        boolean contains(String version) {
            // a pre-release of the first unsupported version (7.0.0-M1 for "below 7") is not supported either
            return Version.compare(version, lowest) >= 0 && Version.compareNumbers(version, firstUnsupported) < 0;
        }

        String describe() {
            return lowest + " or newer, below " + firstUnsupported;
        }

        @Override
        public String toString() {
            return "[" + lowest + "," + firstUnsupported + ")";
        }
    }

    /** Dotted versions such as 2.40.2, 5.14.0-M1, 2.21: numbers compared in turn, a qualifier before its release. */
    static final class Version {
        private Version() {}

        static int compare(String a, String b) {
            int byNumbers = compareNumbers(a, b);
            if (byNumbers != 0) {
                return byNumbers;
            }
            boolean qa = qualified(a);
            boolean qb = qualified(b);
            return qa == qb ? 0 : qa ? -1 : 1;
        }

        /** Compares the dotted numbers only: 7.0.0-M1 and 7 are equal. */
        static int compareNumbers(String a, String b) {
            String[] x = numbers(a);
            String[] y = numbers(b);
            for (int i = 0; i < Math.max(x.length, y.length); i++) {
                long p = i < x.length ? parse(x[i]) : 0;
                long q = i < y.length ? parse(y[i]) : 0;
                if (p != q) {
                    return Long.compare(p, q);
                }
            }
            return 0;
        }

        /** {@code 2.21.3} to {@code 2.21}. */
        static String minor(String version) {
            String[] n = numbers(version);
            return n.length >= 2 ? n[0] + "." + n[1] : n[0];
        }

        private static String[] numbers(String v) {
            int end = 0;
            while (end < v.length() && (Character.isDigit(v.charAt(end)) || v.charAt(end) == '.')) {
                end++;
            }
            String n = v.substring(0, end);
            while (n.endsWith(".")) {
                n = n.substring(0, n.length() - 1);
            }
            return n.isEmpty() ? new String[] {"0"} : n.split("\\.");
        }

        private static boolean qualified(String v) {
            String[] n = numbers(v);
            return String.join(".", n).length() < v.length() && !v.endsWith(".Final") && !v.endsWith(".RELEASE");
        }

        private static long parse(String s) {
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                return 0;
            }
        }
    }
}
