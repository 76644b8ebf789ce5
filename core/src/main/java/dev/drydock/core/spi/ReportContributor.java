package dev.drydock.core.spi;

import dev.drydock.core.report.Report;

/**
 * A {@link ServiceModule} that adds to Drydock's report (the HTML report written after each test class): what it holds
 * (resources), what happened (timelines, events), and what tests want to read when something went wrong (logs). The
 * module adds its own sections ({@code report.section("<svc>/...", ...)}), or adds blocks to another module's section
 * by its id (target health in an ECS service's section, for example), so the report itself knows no service.
 *
 * <p>Called on the thread writing the report, after the class's tests; must be quick (it reads the module's state,
 * and should not wait for Docker) and must not throw (a contributor that throws is noted in the report instead).
 */
public interface ReportContributor {

    /** Adds this module's parts to the report. */
    void contribute(Report report);
}
