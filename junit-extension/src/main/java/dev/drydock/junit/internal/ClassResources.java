package dev.drydock.junit.internal;

import dev.drydock.core.Drydock;
import dev.drydock.core.report.Report;
import dev.drydock.junit.spi.Injectable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkClient;

/**
 * What one test class uses: its Drydock instance, the SDK defaults pointing at it, and the clients injected into
 * it. Kept in the extension's store; JUnit closes it after the class, last created first closed. It is both a
 * {@code CloseableResource} (what JUnit 5.10-5.12 close) and {@code AutoCloseable} (what JUnit 5.13+ and 6 close);
 * closing twice is harmless.
 */
public final class ClassResources implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClassResources.class);

    private final Drydock drydock;
    private final AutoCloseable sdkDefaults;
    private final Map<List<Object>, Object> clients = new LinkedHashMap<>();
    private final Set<String> declaredOn = new HashSet<>();
    private final Object owner;
    private final String rootId;
    private final Class<?> testClass;
    private final Path reportFile;
    private final int[] outcomes = new int[4];
    private boolean closed;

    /**
     * @param drydock the class's instance; closed with this
     * @param owner the extension instance that set the class up: the only one that resolves parameters
     * @param context the context of the class that set it up (the outermost one)
     * @param reportFile where the class's HTML report goes, or {@code null} for none
     */
    public ClassResources(Drydock drydock, Object owner, ExtensionContext context, Path reportFile) {
        this.drydock = drydock;
        this.owner = owner;
        this.rootId = context.getUniqueId();
        this.testClass = context.getRequiredTestClass();
        this.reportFile = reportFile;
        this.sdkDefaults = drydock.useAsSdkDefault();
    }

    /**
     * Where a class's HTML report goes: {@code <report.directory>/<class name>.html} (the setting's default is
     * {@code target/drydock-reports}, under the working directory, which Maven sets to the module's), or {@code null}
     * when the setting {@code report} is {@code off}.
     */
    public static Path reportFile(Class<?> testClass, Drydock.Builder settings) {
        if ("off".equalsIgnoreCase(settings.settingValue("report").orElse("on"))) {
            return null;
        }
        String dir = settings.settingValue("report.directory").orElse("target/drydock-reports");
        return Path.of(dir).resolve(testClass.getName() + ".html").toAbsolutePath();
    }

    /** Whether {@code context} is the class that set this up (not a nested one). */
    public boolean setUpBy(ExtensionContext context) {
        return rootId.equals(context.getUniqueId());
    }

    /** Counts a test's outcome for the report: 0 passed, 1 failed, 2 aborted, 3 disabled. */
    public synchronized void outcome(int kind) {
        outcomes[kind]++;
    }

    /**
     * Writes the class's HTML report (when reports are on) and logs where; never throws.
     *
     * @return the file, or {@code null} when none was written
     */
    public Path writeReport() {
        if (reportFile == null) {
            return null;
        }
        try {
            String tests;
            synchronized (this) {
                tests = outcomes[0] + " passed, " + outcomes[1] + " failed"
                        + (outcomes[2] > 0 ? ", " + outcomes[2] + " aborted" : "")
                        + (outcomes[3] > 0 ? ", " + outcomes[3] + " disabled" : "");
            }
            long t0 = System.nanoTime();
            Report report = drydock.report(testClass.getName());
            report.fact("tests", tests);
            report.writeHtml(reportFile);
            LOG.info(
                    "Drydock report of {}: {} ({} ms)",
                    testClass.getSimpleName(),
                    reportFile.toUri(),
                    (System.nanoTime() - t0) / 1_000_000);
            return reportFile;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Drydock could not write the report of {} to {}", testClass.getName(), reportFile, e);
            return null;
        }
    }

    /** The extension instance that set the class up. */
    public Object owner() {
        return owner;
    }

    /** The class's Drydock instance. */
    public Drydock drydock() {
        return drydock;
    }

    /**
     * Records that the declarations of the class with this unique id were applied.
     *
     * @return {@code true} the first time for that id
     */
    public synchronized boolean markDeclaredOn(String uniqueId) {
        return declaredOn.add(uniqueId);
    }

    /**
     * The object to inject for a parameter: a client is built once per role and closed with this; any other value
     * is made on each injection.
     *
     * @param actingAs for clients, the role whose session they sign as, or {@code null} for the test principal
     */
    public synchronized Object inject(Injectable<?> injectable, String actingAs) {
        if (!injectable.client()) {
            return injectable.factory().apply(drydock, null);
        }
        return clients.computeIfAbsent(
                Arrays.asList(injectable.type(), actingAs),
                key -> injectable.factory().apply(drydock, actingAs));
    }

    /**
     * Adds Drydock's report (task timelines, container logs) to a failure, as a suppressed exception, with the link
     * to the HTML report (written now as well, and again after the class).
     */
    public void attachReport(Throwable failure) {
        for (Throwable s : failure.getSuppressed()) {
            if (s instanceof DrydockReport) {
                return;
            }
        }
        String report = drydock.diagnostics();
        if (report.isBlank()) {
            return; // nothing happened in Drydock: the report after the class is enough
        }
        Path html = writeReport();
        if (html != null) {
            report = "HTML report (timelines, IAM decisions, logs): " + html.toUri() + "\n" + report;
        }
        failure.addSuppressed(new DrydockReport(report));
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<Object> toClose = new ArrayList<>(clients.values());
        Collections.reverse(toClose);
        for (Object c : toClose) {
            try {
                ((SdkClient) c).close();
            } catch (RuntimeException e) {
                LOG.debug("Closing an injected client failed", e);
            }
        }
        try {
            sdkDefaults.close();
        } catch (Exception e) {
            LOG.warn("Restoring the SDK's system properties failed", e);
        }
        drydock.close();
    }

    /** Drydock's state at the time of a failure, attached to it as a suppressed exception. */
    public static final class DrydockReport extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DrydockReport(String report) {
            super("Drydock state when the test failed:\n" + report, null, false, false);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }
}
