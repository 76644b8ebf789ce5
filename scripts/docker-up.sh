#!/usr/bin/env bash
# docker-up.sh: make sure a Docker engine answers, for Drydock's tests and samples.
#
# - If an engine already answers (DOCKER_HOST, the docker CLI's context, or /var/run/docker.sock),
#   print which engine and version it is and exit 0. Nothing else happens.
# - Otherwise, as root on Debian/Ubuntu: install Debian's docker.io if dockerd (or the docker CLI) is
#   missing, start dockerd detached without systemd (log: /var/log/drydock-dockerd.log), wait until
#   GET /_ping answers OK, and print the version. A dockerd that is already running but slow to answer
#   is waited for, never doubled.
# - Otherwise fail with one message saying what to do (start Docker or point DOCKER_HOST at an engine).
#
# Concurrent invocations are serialized with a lock file under /tmp. Idempotent; a second run takes
# well under a second.
#
# Usage: scripts/docker-up.sh [-q]     (-q: print nothing on success)
# Env:   DRYDOCK_DOCKERD_WAIT  seconds to wait for /_ping after starting dockerd (default 30)
#        DRYDOCK_DOCKERD_LOG   dockerd's log file (default /var/log/drydock-dockerd.log)
set -euo pipefail

# shellcheck disable=SC2034  # read by log() in lib.sh
DRYDOCK_SCRIPT=docker-up
SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib.sh source-path=SCRIPTDIR
. "$SCRIPT_DIR/lib.sh"

QUIET=0
case "${1:-}" in
    -q | --quiet) QUIET=1 ;;
    -h | --help)
        sed -n '2,/^set -euo/{/^#/s/^# \{0,1\}//p}' "${BASH_SOURCE[0]}"
        exit 0
        ;;
    "") ;;
    *) die "unknown argument: $1 (usage: docker-up.sh [-q])" ;;
esac

WAIT_S=${DRYDOCK_DOCKERD_WAIT:-30}
LOCK_FILE=/tmp/drydock-docker-up.lock
START=$(now_s)

report_ok() {
    if [[ $QUIET -eq 0 ]]; then
        printf 'docker-up: %s%s\n' "$(engine_description)" "${1:-}"
    fi
    exit 0
}

# wait_for_ping SECONDS : poll until the engine answers; false on timeout.
wait_for_ping() {
    local deadline=$((SECONDS + $1))
    while ((SECONDS < deadline)); do
        if socket_pings || engine_answers; then
            return 0
        fi
        sleep 0.2
    done
    return 1
}

# 1. Fast path: an engine answers already.
if engine_answers; then
    report_ok
fi

# 2. Only a local engine on the default socket can be brought up by this script.
fail_help() {
    die "no Docker engine answers at $(docker_target). $1 Start Docker (e.g. 'sudo dockerd &' or Docker Desktop), or set DOCKER_HOST to an engine that answers, then re-run."
}
if ! uses_default_socket; then
    fail_help "DOCKER_HOST/DOCKER_CONTEXT point away from the local socket, so this script will not start one."
fi
if [[ $(id -u) -ne 0 ]]; then
    if [[ -S "$DRYDOCK_DEFAULT_SOCK" && ! -w "$DRYDOCK_DEFAULT_SOCK" ]]; then
        fail_help "${DRYDOCK_DEFAULT_SOCK} exists but $(id -un) may not use it: add the user to the 'docker' group (then log in again) or run as root."
    fi
    fail_help "Starting one needs root."
fi
if ! is_debian_like; then
    fail_help "Automatic installation and start is only done on Debian/Ubuntu."
fi

take_lock 9 "$LOCK_FILE" 300 "docker-up.sh"

# Another invocation may have brought it up while we waited for the lock.
if engine_answers; then
    report_ok
fi

# 3. A dockerd that runs but does not answer yet (starting, or busy): wait for it; never start a second.
#    If it exits while we wait (e.g. it was shutting down), go on and start one.
if dockerd_running; then
    log "dockerd is running but not answering yet; waiting up to ${WAIT_S}s"
    deadline=$((SECONDS + WAIT_S))
    while ((SECONDS < deadline)) && dockerd_running; do
        if socket_pings || engine_answers; then
            report_ok " (was starting; waited $(elapsed_since "$START")s)"
        fi
        sleep 0.2
    done
    if dockerd_running; then
        die "dockerd is running but $(docker_target) does not answer after ${WAIT_S}s; see ${DRYDOCK_DOCKERD_LOG} or stop that dockerd and re-run"
    fi
    log "that dockerd exited; starting a new one"
fi

# 4. Install Debian's engine when missing.
if ! command -v dockerd >/dev/null 2>&1 || ! command -v docker >/dev/null 2>&1; then
    log "installing Debian's docker.io (dockerd $(command -v dockerd >/dev/null 2>&1 && echo present || echo missing), docker CLI $(command -v docker >/dev/null 2>&1 && echo present || echo missing))"
    install_start=$(now_s)
    export DEBIAN_FRONTEND=noninteractive
    apt_log=$(mktemp /tmp/drydock-apt.XXXXXX.log)
    # docker.io's maintainer scripts would start the service through its init script (invoke-rc.d).
    # A temporary policy-rc.d that says "no" stops that, so the one dockerd is the one started below.
    policy=/usr/sbin/policy-rc.d
    own_policy=0
    if [[ ! -e "$policy" ]]; then
        printf '#!/bin/sh\n# temporary, from Drydock docker-up.sh\nexit 101\n' >"$policy"
        chmod 0755 "$policy"
        own_policy=1
        trap 'rm -f "$policy"' EXIT
    fi
    apt_rc=0
    { apt-get update && apt-get install -y docker.io; } >"$apt_log" 2>&1 || apt_rc=$?
    if [[ $own_policy -eq 1 ]]; then
        rm -f "$policy"
        trap - EXIT
    fi
    if [[ $apt_rc -ne 0 ]]; then
        tail -n 30 "$apt_log" >&2
        rm -f "$apt_log"
        die "apt-get install docker.io failed"
    fi
    rm -f "$apt_log"
    hash -r
    log "docker.io installed in $(elapsed_since "$install_start")s"
    # The package's maintainer script may have started an engine after all.
    if engine_answers; then
        report_ok " (installed and started by the package in $(elapsed_since "$START")s)"
    fi
fi
command -v dockerd >/dev/null 2>&1 || die "dockerd is still not on PATH after installing docker.io"

# 5. Start dockerd detached, without systemd. Close the lock fd so the daemon does not hold it.
log "starting dockerd (log: ${DRYDOCK_DOCKERD_LOG})"
mkdir -p "$(dirname "$DRYDOCK_DOCKERD_LOG")"
setsid nohup dockerd >>"$DRYDOCK_DOCKERD_LOG" 2>&1 </dev/null 9>&- &
disown || true

if ! wait_for_ping "$WAIT_S"; then
    tail -n 20 "$DRYDOCK_DOCKERD_LOG" >&2 || true
    die "dockerd was started but did not answer within ${WAIT_S}s; see ${DRYDOCK_DOCKERD_LOG}"
fi
report_ok " (started in $(elapsed_since "$START")s)"
