#!/usr/bin/env bash
# podman-engine.sh: runs a command against Podman instead of Docker: Debian's podman (4.3) serving the Docker API
# (`podman system service`) on a socket of its own, with a storage root of its own (so nothing touches Docker's or
# another Podman's images), netavark networks with aardvark-dns (container names and aliases resolve on a network).
#
#   - installs podman, netavark, aardvark-dns and catatonit on Debian when missing (root);
#   - copies the images the tests use from Docker's store into Podman's (`docker save | podman load`) when Podman's copy
#     is missing or was built from another recipe (scripts/build-images.sh builds them in Docker first);
#   - runs the command with DOCKER_HOST=unix:///run/drydock-podman.sock (and the Testcontainers strategy that reads it),
#     TESTCONTAINERS_HOST_OVERRIDE=localhost (these machines carry /.dockerenv, which makes Testcontainers look for a
#     gateway as if it ran in a container), and stops the service afterwards.
#
# Usage: scripts/podman-engine.sh COMMAND [ARG...]
#        scripts/podman-engine.sh samples [MAVEN ARG...]   the samples suite (offline Maven), then the leftovers check
# Env:   DRYDOCK_PODMAN_ROOT   Podman's storage and run directories (default /var/lib/drydock-podman)
set -euo pipefail

# shellcheck disable=SC2034  # read by log() in lib.sh
DRYDOCK_SCRIPT=podman-engine
SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(cd "$SCRIPT_DIR/.." && pwd)
# shellcheck source=lib.sh source-path=SCRIPTDIR
. "$SCRIPT_DIR/lib.sh"

ROOT=${DRYDOCK_PODMAN_ROOT:-/var/lib/drydock-podman}
SOCKET=/run/drydock-podman.sock
LOCK_FILE=/tmp/drydock-podman-engine.lock
IMAGES=(drydock/busybox:1.35-local drydock/httpd:2.4-local drydock/java17:local drydock/awscli:local
    drydock/helper:local drydock/redis:local)
SERVICE_PID=""

[[ $# -gt 0 ]] || die "usage: podman-engine.sh COMMAND [ARG...] | samples [MAVEN ARG...]"
[[ $(id -u) -eq 0 ]] || die "the Podman engine here runs as root (rootful podman system service)"
# catatonit: podman's init for containers started with an init process (Drydock's sandboxes and helpers)
if ! command -v podman >/dev/null 2>&1 || [[ ! -x /usr/lib/podman/netavark || ! -x /usr/lib/podman/aardvark-dns ]] ||
    [[ ! -x /usr/libexec/podman/catatonit ]]; then
    log "installing podman, netavark, aardvark-dns and catatonit"
    apt_install podman netavark aardvark-dns catatonit
fi

take_lock 6 "$LOCK_FILE" 1800 "podman engine"

mkdir -p "$ROOT/storage" "$ROOT/run" "$ROOT/config"
# Mounts made inside containers under the storage (the EFS helper's bindfs views in its volume, mounted rshared) reach
# the host, and so other containers, only when the storage is a shared mount, as dockerd makes /var/lib/docker; Podman
# leaves it to the machine (here / is private): a shared bind mount of the storage onto itself, kept for later runs.
if [[ "$(findmnt -n -o PROPAGATION -T "$ROOT/storage")" != shared ]]; then
    if [[ "$(findmnt -n -o TARGET -T "$ROOT/storage")" != "$ROOT/storage" ]]; then
        mount --bind "$ROOT/storage" "$ROOT/storage"
    fi
    mount --make-rshared "$ROOT/storage"
fi
# netavark (not CNI): aardvark-dns resolves container names and network aliases, as Docker's embedded DNS does
# Rootful podman raises each container's open files and processes limits to the maximum, which needs CAP_SYS_RESOURCE;
# these machines' root lacks it ("error setting rlimit type 7" / "type 6"): containers get this shell's open files
# limit and 32768 processes (measured: the most runc may set here) instead.
cat >"$ROOT/config/containers.conf" <<EOF
[containers]
default_ulimits = ["nofile=$(ulimit -Hn):$(ulimit -Hn)", "nproc=32768:32768"]

[network]
network_backend = "netavark"
EOF
export CONTAINERS_CONF="$ROOT/config/containers.conf"
PODMAN=(podman --root "$ROOT/storage" --runroot "$ROOT/run" --cgroup-manager cgroupfs)

teardown() {
    if [[ -n "$SERVICE_PID" ]]; then
        kill "$SERVICE_PID" 2>/dev/null || true
        wait "$SERVICE_PID" 2>/dev/null || true
    fi
    rm -f "$SOCKET"
}
trap teardown EXIT
trap 'exit 130' INT TERM

rm -f "$SOCKET"
# 9>&- 8>&- 7>&- 6>&-: the service must not hold the scripts' locks
"${PODMAN[@]}" system service --time=0 "unix://$SOCKET" >"$ROOT/service.log" 2>&1 9>&- 8>&- 7>&- 6>&- &
SERVICE_PID=$!
for _ in $(seq 1 100); do
    [[ "$(curl -fsS --max-time 2 --unix-socket "$SOCKET" http://localhost/_ping 2>/dev/null)" == OK ]] && break
    kill -0 "$SERVICE_PID" 2>/dev/null || { tail -20 "$ROOT/service.log" >&2; die "podman system service exited"; }
    sleep 0.1
done
[[ "$(curl -fsS --max-time 2 --unix-socket "$SOCKET" http://localhost/_ping)" == OK ]] ||
    die "podman system service does not answer on $SOCKET"
log "$(DOCKER_HOST="unix://$SOCKET" docker version --format '{{.Server.Platform.Name}} {{.Server.Version}} (API {{.Server.APIVersion}})' 2>/dev/null || echo Podman) at unix://$SOCKET"

# the test images, from Docker's store, unless Podman has them from the same recipe
recipe() { "$@" image inspect --format '{{index .Config.Labels "dev.drydock.recipe"}}' "$IMAGE" 2>/dev/null || true; }
for IMAGE in "${IMAGES[@]}"; do
    want=$(recipe docker)
    [[ -n "$want" ]] || die "$IMAGE is not in Docker's image store: run scripts/build-images.sh first"
    if [[ "$(recipe "${PODMAN[@]}")" != "$want" ]]; then
        start=$(now_s)
        docker save "$IMAGE" | "${PODMAN[@]}" load -q >/dev/null
        log "$IMAGE copied into Podman's store in $(elapsed_since "$start")s"
    fi
done

in_podman() {
    env DOCKER_HOST="unix://$SOCKET" \
        TESTCONTAINERS_DOCKER_CLIENT_STRATEGY=org.testcontainers.dockerclient.EnvironmentAndSystemPropertyClientProviderStrategy \
        TESTCONTAINERS_HOST_OVERRIDE=localhost \
        TESTCONTAINERS_RYUK_DISABLED=true \
        "$@"
}

case "$1" in
    samples)
        shift
        start=$(now_s)
        cd "$REPO_DIR"
        # every sample but those that need what Podman 4.3 does differently (README, "Podman 4.3 differences"): health
        # checks (run by systemd timers, which this machine has not) and plain-HTTP pushes to a loopback registry
        in_podman mvn -o -B -ntp -pl samples test -Dquick \
            -Dtest='!ContainerDependenciesSampleTest,!EcrImageSampleTest' "$@"
        DOCKER_HOST="unix://$SOCKET" check_no_leftovers
        log "samples passed on Podman in $(elapsed_since "$start")s"
        ;;
    *)
        in_podman "$@"
        ;;
esac
