/** Drydock's CloudWatch module: wiring, routing table and errors. Not API. */
package dev.drydock.cloudwatch.internal;
