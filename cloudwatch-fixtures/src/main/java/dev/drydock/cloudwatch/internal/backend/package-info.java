/**
 * The CloudWatch model of one account and region: metrics, statistics, alarms and their evaluation, validated before
 * anything changes, so a refused call changes nothing. Plain Java, testable without Docker and without HTTP.
 */
package dev.drydock.cloudwatch.internal.backend;
