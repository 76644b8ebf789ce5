#!/usr/bin/env bash
# consumer-projects.sh: users' projects (it/, see it/README.md) built against the Drydock that `mvn install` put in the
# local Maven repository: the README's snippet in both orders on JUnit 5.10, 5.14 and 6.0, the JUnit BOM and
# drydock-bom, Spring Boot 3.5 and 4.0 dependency management, an application's AWS SDK and Jackson BOMs older and newer
# than Drydock's, and one setup Drydock must refuse at once with a message naming the artifact.
#
# Run by scripts/run-tests.sh after its `mvn install`; on its own: scripts/consumer-projects.sh (after mvn install).
set -euo pipefail

# shellcheck disable=SC2034  # read by log() in lib.sh
DRYDOCK_SCRIPT=consumer-projects
SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(cd "$SCRIPT_DIR/.." && pwd)
# shellcheck source=lib.sh source-path=SCRIPTDIR
. "$SCRIPT_DIR/lib.sh"

cd "$REPO_DIR/it"
start=$(now_s)

# 1. A setup Drydock does not support (Jackson 2.14, below 2.15) fails when Drydock starts, naming the artifacts, the
#    versions found and the supported range: the check runs before any container. Output goes to a file: only the
#    verdict is printed (the expected failure is not this run's failure).
log "application with Jackson 2.14: Drydock must refuse it at start (it/application-boms)"
refused=$(mktemp)
if mvn -B -ntp -q clean test -pl application-boms -Dit.jackson.version=2.14.1 >"$refused" 2>&1; then
    die "it/application-boms with Jackson 2.14.1 passed: Drydock's dependency check did not refuse it"
fi
expected='com.fasterxml.jackson.core:jackson-databind 2.14.1 (jackson-databind-2.14.1.jar) is outside the versions Drydock supports: 2.15.0 or newer'
if ! grep -qF "$expected" application-boms/target/surefire-reports/com.example.shop.OrdersServiceTest.txt; then
    cat "$refused" >&2
    die "it/application-boms with Jackson 2.14.1 failed, but not with Drydock's dependency check message"
fi
rm -f "$refused"
log "refused at start, as it must be: ${expected%% is outside*} ..."

# 2. Every project on the oldest supported versions, then on the newest; the README's snippet also on its own JUnit.
#    `clean` each time: the tests compile against each run's versions, as a user's build would.
log "it/* on JUnit 5.10.5, AssertJ 3.24.2, Spring Boot 3.5.7, AWS SDK 2.36.2, Jackson 2.15.4"
mvn -B -ntp clean test -Dit.junit.version=5.10.5 -Dit.assertj.version=3.24.2 -Dit.spring-boot.version=3.5.7 \
    -Dit.aws-sdk.version=2.36.2 -Dit.jackson.version=2.15.4
log "it/* but junit-bom on JUnit 6.0.3, Spring Boot 4.0.7, AWS SDK 2.59.1 (efs 2.40.2), Jackson 2.22.4"
# (junit-bom once is enough: spring-boot-dependencies 4.0.7 imports the JUnit BOM 6.0.3 itself)
mvn -B -ntp clean test -pl '!junit-bom' -Dit.junit.version=6.0.3 -Dit.spring-boot.version=4.0.7 \
    -Dit.aws-sdk.version=2.59.1 -Dit.aws-sdk.efs.version=2.40.2 -Dit.jackson.version=2.22.4
log "the README's snippet as written (JUnit 5.14.4), both orders"
mvn -B -ntp clean test -Dit.junit.version=5.14.4 -pl readme-drydock-first,readme-junit-first

log "consumer projects passed in $(elapsed_since "$start")s"
