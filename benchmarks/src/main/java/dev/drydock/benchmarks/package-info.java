/**
 * Drydock's benchmark harness ({@code scripts/benchmark.sh}): start-up, RunTask to RUNNING against plain Docker, API
 * round trips, heap, the credentials and metadata endpoints, EFS volumes, the control plane at scale and the registry.
 */
package dev.drydock.benchmarks;
