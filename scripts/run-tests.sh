#!/usr/bin/env bash
# run-tests.sh: Drydock's whole test suite, from a fresh machine.
#
#   1. makes a Docker engine answer (scripts/docker-up.sh: installs and starts one on Debian as root if needed),
#   2. builds the images the tests use, offline (scripts/build-images.sh; quick when they are present),
#   3. `mvn install`: every module's tests (protocol, model, real containers, JUnit extension) and the samples, and
#      every published module's sources and javadoc jars (javadoc errors fail it),
#   4. checks what a release publishes: each published module in drydock-bom, with its name, sources and javadoc,
#   5. Drydock's classes where no Docker engine answers (scripts/without-docker.sh, as root): skipped when marked
#      @DisabledWithoutDocker, failed otherwise,
#   6. users' projects (it/, scripts/consumer-projects.sh) against that one install: the README's snippet in both
#      orders on JUnit 5.10/5.14/6.0, the JUnit BOM, Spring Boot 3.5/4.0, AWS SDK and Jackson BOMs older and newer
#      than Drydock's, and a too-old Jackson that Drydock must refuse at start,
#   7. the samples again on other engines, against that one install (as root): the remote-engine topology
#      (scripts/remote-engine.sh: the JVM in a network namespace reaching the engine over TCP only) and Podman
#      (scripts/podman-engine.sh: Debian's podman serving the Docker API), each ending with its leftovers check,
#   8. checks that nothing Drydock created is left on the Docker engine.
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
if [[ $# -eq 0 ]]; then
    check_published_modules
    check_without_docker
    "$SCRIPT_DIR/consumer-projects.sh"
    check_other_engines
fi

check_no_leftovers
log "all tests passed in $(elapsed_since "$start")s"
