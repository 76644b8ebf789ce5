#!/usr/bin/env bash
# run-samples.sh: runs Drydock's samples (samples/), from a fresh machine: makes a Docker engine answer, builds the
# images the samples use offline, builds Drydock, and runs the sample tests, which start AWS's own task definitions
# as Fargate services in real containers and drive them with the AWS SDK.
#
# Idempotent; the second run skips the setup. Extra arguments go to Maven (e.g. -Dtest=WebServerSampleTest).
set -euo pipefail

# shellcheck disable=SC2034  # read by log() in lib.sh
DRYDOCK_SCRIPT=run-samples
SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(cd "$SCRIPT_DIR/.." && pwd)
# shellcheck source=lib.sh source-path=SCRIPTDIR
. "$SCRIPT_DIR/lib.sh"

start=$(now_s)
prepare_machine
log "building Drydock and running the samples"
mvn -B -ntp -pl samples -am install -Dquick -Dtest='dev.drydock.samples.**' -Dsurefire.failIfNoSpecifiedTests=false "$@"

check_no_leftovers
log "samples passed in $(elapsed_since "$start")s; test reports in samples/target/surefire-reports, Drydock's HTML report of each class in samples/target/drydock-reports"
