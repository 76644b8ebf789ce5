#!/usr/bin/env bash
# run-tests.sh: Drydock's whole test suite, from a fresh machine.
#
#   1. makes a Docker engine answer (scripts/docker-up.sh: installs and starts one on Debian as root if needed),
#   2. builds the images the tests use, offline (scripts/build-images.sh; quick when they are present),
#   3. `mvn install`: every module's tests (protocol, model, real containers, JUnit extension) and the samples,
#   4. a separate user project (it/consumer-project) that declares only drydock-junit-extension, JUnit and AssertJ,
#      once with the oldest supported JUnit (5.10) and once with JUnit 6,
#   5. checks that nothing Drydock created is left on the Docker engine.
#
# Idempotent; the second run skips the setup. Extra arguments go to the main `mvn install`
# (e.g. scripts/run-tests.sh -pl core -am).
set -euo pipefail

# shellcheck disable=SC2034  # read by log() in lib.sh
DRYDOCK_SCRIPT=run-tests
SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(cd "$SCRIPT_DIR/.." && pwd)
# shellcheck source=lib.sh source-path=SCRIPTDIR
. "$SCRIPT_DIR/lib.sh"

start=$(now_s)
prepare_machine
log "mvn install (all modules, all tests)"
mvn -B -ntp install "$@"

for junit in 5.10.5 6.0.3; do
    log "user project with JUnit $junit (it/consumer-project)"
    mvn -B -ntp -f it/consumer-project/pom.xml clean test -Djunit.version="$junit"
done

check_no_leftovers
log "all tests passed in $(elapsed_since "$start")s"
