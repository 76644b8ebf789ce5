#!/usr/bin/env bash
# without-docker.sh: run a command where no Docker engine answers, on a machine where one does: in a private mount
# namespace (unshare) in which the engine's default socket is covered by /dev/null, with DOCKER_HOST, DOCKER_CONTEXT
# and Testcontainers' TESTCONTAINERS_DOCKER_CLIENT_STRATEGY unset. Nothing outside the command's process tree
# changes: the engine keeps running for everyone else.
#
# Usage: scripts/without-docker.sh COMMAND [ARG...]
#   e.g. scripts/without-docker.sh mvn -B -o -q -pl junit-extension surefire:test -Dtest=WithoutDockerChecks
# Needs root (unshare --mount) on Linux; scripts/run-tests.sh runs Drydock's without-Docker checks with it.
set -euo pipefail

# shellcheck disable=SC2034  # read by log() in lib.sh
DRYDOCK_SCRIPT=without-docker
SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib.sh source-path=SCRIPTDIR
. "$SCRIPT_DIR/lib.sh"

[[ $# -gt 0 ]] || die "usage: scripts/without-docker.sh COMMAND [ARG...]"
[[ $(id -u) -eq 0 ]] || die "hiding the Docker engine needs a mount namespace, which needs root (unshare --mount)"
command -v unshare >/dev/null 2>&1 || die "unshare (util-linux) is missing"

sockets=()
for s in /run/docker.sock /var/run/docker.sock "${XDG_RUNTIME_DIR:-/nonexistent}/docker.sock" "$HOME/.docker/run/docker.sock"; do
    [[ -S "$s" ]] && sockets+=("$(readlink -f "$s")")
done
# shellcheck disable=SC2016  # expanded by the inner shell
exec env -u DOCKER_HOST -u DOCKER_CONTEXT -u TESTCONTAINERS_DOCKER_CLIENT_STRATEGY \
    DRYDOCK_HIDDEN_SOCKETS="${sockets[*]}" \
    unshare --mount --propagation private -- bash -c '
        for s in $DRYDOCK_HIDDEN_SOCKETS; do mount --bind /dev/null "$s"; done
        exec "$@"' without-docker "$@"
