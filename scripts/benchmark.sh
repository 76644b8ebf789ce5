#!/usr/bin/env bash
# benchmark.sh: builds Drydock and runs its benchmark harness (benchmarks/), printing medians:
#   runtask   RunTask to RUNNING for a one-container task vs. starting the same container by hand (ratio)
#   bridge    RunTask to RUNNING for an EC2 bridge task (dynamic host port) vs. an awsvpc task vs. docker-java
#             create+start (ratios)
#   describe  the in-process DescribeTasks round trip through the SDK
#   startup   Drydock.start() to the endpoint's first answer, in a fresh JVM
#   heap      Drydock's heap with a 10-task service running
#   credentials  the container credentials endpoint round trip, from inside a task's container
#   metadata  the task metadata endpoint (v4) /task round trip, from inside a task's container
#   policy    one IAM authorization decision (JMH, 10-statement policy with conditions)
#   efs       RunTask to RUNNING with an EFS volume vs. the same task without one
#   scale     DescribeServices / ListTasks / DescribeTasks latency for a service of 10 to 10,000 tasks (simulated)
#   registry  docker push/pull of a ~50 MB image through Drydock's ECR registry vs. docker-registry (ratio), heap;
#             and an unchanged ~300 MB @ImageBuild image per test class, with and without reuse (also alone: reuse)
#   report    the HTML report of a class with a 10-task service: size, time to gather and write
#   secrets   GetSecretValue / GetParameter round trips through the SDK in process; Drydock.start() with and without
#             the secrets and logs modules on the classpath (fresh JVMs)
#   taskdefs  RunTask to RUNNING with two secrets (Secrets Manager, SecureString) and awslogs vs. without (added
#             cost); a log line's latency from the container's stdout to GetLogEvents (median, p90)
#   loadbalancer  Drydock's ALB proxy vs. HAProxy 2.6 (same 3 targets, wrk on loopback): requests/s and p99 ratios;
#             and the load test during a rolling deployment of a 3-task service behind an ALB (failed requests)
#   scaling   service auto scaling with compressed time: from a load change to a target tracking policy's new tasks
#             RUNNING, stage by stage (metric published, alarm ALARM, desired count raised, tasks RUNNING), on the
#             simulated and the Docker runtime; ratios to AWS's 3-period floor and to docker-java create+start
# Usage: scripts/benchmark.sh [--remote-engine] [section...]   (default: all). Needs what scripts/run-tests.sh sets up.
#   --remote-engine  runs the harness in scripts/remote-engine.sh's topology (the JVM reaches the engine over TCP only,
#                    through Drydock's helper container; meant for runtask, describe, startup, credentials, metadata)
set -euo pipefail

# shellcheck disable=SC2034  # read by log() in lib.sh
DRYDOCK_SCRIPT=benchmark
SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(cd "$SCRIPT_DIR/.." && pwd)
# shellcheck source=lib.sh source-path=SCRIPTDIR
. "$SCRIPT_DIR/lib.sh"

require_build_tools
"$SCRIPT_DIR/docker-up.sh" -q
"$SCRIPT_DIR/build-images.sh" busybox awscli httpd >/dev/null
require_reference_registry
require_load_tools

REMOTE=()
if [[ "${1:-}" == --remote-engine ]]; then
    shift
    # the helper image this project builds offline (Testcontainers' sshd cannot be pulled here)
    "$SCRIPT_DIR/build-images.sh" helper >/dev/null
    REMOTE=("$SCRIPT_DIR/remote-engine.sh")
fi

cd "$REPO_DIR"
log "building the benchmark harness"
# one reactor build: the classpath names this checkout's modules, never snapshots installed in ~/.m2
mvn -B -ntp -q -pl benchmarks -am package dependency:build-classpath -DskipTests -Dquick \
    -Dmdep.outputFile=target/classpath.txt
CP="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
sections=("$@")
[[ ${#sections[@]} -eq 0 ]] && sections=(startup runtask bridge describe heap credentials metadata policy efs scale registry report secrets taskdefs loadbalancer scaling)
harness=()
for s in "${sections[@]}"; do
    [[ "$s" != policy ]] && harness+=("$s")
done
if [[ ${#harness[@]} -gt 0 ]]; then
    "${REMOTE[@]}" java -Xmx512m -Ddrydock.helper.image=drydock/helper:local -cp "$CP" \
        dev.drydock.benchmarks.Benchmarks "${harness[@]}"
fi
if [[ " ${sections[*]} " == *" policy "* ]]; then
    echo
    echo "One IAM authorization decision (JMH, sample time; the p0.50 row is the median):"
    java -cp "$CP" org.openjdk.jmh.Main PolicyEvaluationBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s 2>&1 \
        | grep -E "^Benchmark |:p0\.(50|90|99) " || true
fi
check_no_leftovers
