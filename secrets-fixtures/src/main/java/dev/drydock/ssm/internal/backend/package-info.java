/**
 * The AWS Systems Manager Parameter Store model of one account and region: its state and state machines, validated before anything changes, so
 * a refused call changes nothing. Plain Java, testable without Docker and without HTTP.
 */
package dev.drydock.ssm.internal.backend;
