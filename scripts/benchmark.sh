#!/usr/bin/env bash
# benchmark.sh: builds Drydock and runs its benchmark harness (benchmarks/), printing medians:
#   runtask   RunTask to RUNNING for a one-container task vs. starting the same container by hand (ratio)
#   describe  the in-process DescribeTasks round trip through the SDK
#   startup   Drydock.start() to the endpoint's first answer, in a fresh JVM
#   heap      Drydock's heap with a 10-task service running
# Usage: scripts/benchmark.sh [section...]   (default: all). Needs what scripts/run-tests.sh sets up.
set -euo pipefail

# shellcheck disable=SC2034  # read by log() in lib.sh
DRYDOCK_SCRIPT=benchmark
SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(cd "$SCRIPT_DIR/.." && pwd)
# shellcheck source=lib.sh source-path=SCRIPTDIR
. "$SCRIPT_DIR/lib.sh"

require_build_tools
"$SCRIPT_DIR/docker-up.sh" -q
"$SCRIPT_DIR/build-images.sh" busybox >/dev/null

cd "$REPO_DIR"
log "building the benchmark harness"
mvn -B -ntp -q -pl benchmarks -am package -DskipTests
mvn -B -ntp -q -pl benchmarks dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
java -Xmx512m -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
    dev.drydock.benchmarks.Benchmarks "$@"
check_no_leftovers
