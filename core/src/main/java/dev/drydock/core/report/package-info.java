/**
 * Drydock's report of what a test class did: per service, what it declared and what happened (task state timelines
 * with deployments and events, IAM decisions, container logs), as a model that each service module fills through
 * {@link dev.drydock.core.spi.ReportContributor} and {@code Drydock.writeReport(Path)} turns into one self-contained
 * HTML file. The JUnit extension writes it after every test class.
 */
package dev.drydock.core.report;
