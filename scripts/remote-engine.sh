#!/usr/bin/env bash
# remote-engine.sh: runs a command as if this machine's Docker engine were a remote one (a CI service container, a
# Docker host on the network, Docker Desktop's VM): the command runs in a network namespace of its own whose only way
# to the engine is TCP, so that Drydock must reach the engine the way it does on every non-local engine.
#
#   - a network namespace (drydock-remote) joined to this host by a veth pair with addresses of its own
#     (host side 10.253.0.1/30, namespace side 10.253.0.2/30) and NO default route: the engine's networks (gateways,
#     container IPs) are unreachable from the namespace;
#   - socat forwards 10.253.0.1:2375 (TCP) to the engine's socket; the command gets DOCKER_HOST=tcp://10.253.0.1:2375
#     (and the Testcontainers strategy that reads it), and the engine's unix sockets are hidden from it;
#   - iptables drops NEW connections towards 10.253.0.2 from this host (OUTPUT: the engine, docker-proxy) and from
#     containers (FORWARD, which Docker's DOCKER-USER chain is part of), so neither can open a connection to the JVM;
#   - Maven must run offline inside (-o): fill the local repository first (an `mvn install` outside does).
#
# Everything (namespace, veth, socat, iptables rules) is removed when the command ends, also on failure or Ctrl-C.
# One topology at a time (lock under /tmp). Needs root, iproute2, iptables and socat (installed on Debian if missing).
#
# Usage: scripts/remote-engine.sh COMMAND [ARG...]
#        scripts/remote-engine.sh samples [MAVEN ARG...]   the samples suite (offline Maven), then the leftovers check
#        scripts/remote-engine.sh check                    prove the isolation (what must and must not connect)
# Env:   DRYDOCK_REMOTE_SOCKET   the engine socket to expose (default /var/run/docker.sock)
set -euo pipefail

# shellcheck disable=SC2034  # read by log() in lib.sh
DRYDOCK_SCRIPT=remote-engine
SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(cd "$SCRIPT_DIR/.." && pwd)
# shellcheck source=lib.sh source-path=SCRIPTDIR
. "$SCRIPT_DIR/lib.sh"

NS=drydock-remote
VETH_HOST=dd-remote-h
VETH_NS=dd-remote-n
HOST_IP=10.253.0.1
NS_IP=10.253.0.2
PORT=2375
SOCKET=${DRYDOCK_REMOTE_SOCKET:-/var/run/docker.sock}
LOCK_FILE=/tmp/drydock-remote-engine.lock
SOCAT_LOG=/tmp/drydock-remote-engine-socat.log
SOCAT_PID=""

[[ $# -gt 0 ]] || die "usage: remote-engine.sh COMMAND [ARG...] | samples [MAVEN ARG...] | check"
[[ $(id -u) -eq 0 ]] || die "the remote-engine topology needs root (network namespaces, iptables)"
command -v ip >/dev/null 2>&1 || apt_install iproute2
command -v iptables >/dev/null 2>&1 || apt_install iptables
command -v socat >/dev/null 2>&1 || apt_install socat
[[ -S "$SOCKET" ]] || die "no engine socket at $SOCKET (scripts/docker-up.sh starts one)"

take_lock 7 "$LOCK_FILE" 1800 "remote-engine topology"

# rules: "chain spec..." each inserted at setup and deleted at teardown
RULES=(
    "OUTPUT -d $NS_IP/32 -m conntrack --ctstate NEW -j DROP"
    "FORWARD -d $NS_IP/32 -m conntrack --ctstate NEW -j DROP"
)

teardown() {
    local rule
    if [[ -n "$SOCAT_PID" ]]; then
        kill "$SOCAT_PID" 2>/dev/null || true
        wait "$SOCAT_PID" 2>/dev/null || true
    fi
    for rule in "${RULES[@]}"; do
        # shellcheck disable=SC2086  # a rule is several words
        while iptables -C $rule 2>/dev/null; do iptables -D $rule; done
    done
    ip link del "$VETH_HOST" 2>/dev/null || true
    ip netns del "$NS" 2>/dev/null || true
}

setup() {
    teardown # what a killed run left
    ip netns add "$NS"
    ip link add "$VETH_HOST" type veth peer name "$VETH_NS"
    ip link set "$VETH_NS" netns "$NS"
    ip addr add "$HOST_IP/30" dev "$VETH_HOST"
    ip link set "$VETH_HOST" up
    ip -n "$NS" addr add "$NS_IP/30" dev "$VETH_NS"
    ip -n "$NS" link set "$VETH_NS" up
    ip -n "$NS" link set lo up
    local rule
    for rule in "${RULES[@]}"; do
        # shellcheck disable=SC2086
        iptables -I $rule
    done
    # the engine's API over TCP on the host side of the pair only; 9>&- 7>&-: socat must not hold the scripts' locks
    # (its per-connection messages, such as a client closing a streamed log early, go to a log of their own)
    socat "TCP-LISTEN:$PORT,bind=$HOST_IP,fork,reuseaddr" "UNIX-CONNECT:$SOCKET" 9>&- 7>&- 2>"$SOCAT_LOG" &
    SOCAT_PID=$!
    local i
    for i in $(seq 1 50); do
        if ip netns exec "$NS" curl -fsS --max-time 2 "http://$HOST_IP:$PORT/_ping" >/dev/null 2>&1; then
            return 0
        fi
        sleep 0.1
    done
    die "the engine does not answer at tcp://$HOST_IP:$PORT from namespace $NS"
}

# in_namespace COMMAND... : runs COMMAND in the namespace, with DOCKER_HOST pointing at the forwarded engine and the
# engine's unix sockets hidden (a private mount namespace binds /dev/null over them).
in_namespace() {
    ip netns exec "$NS" unshare --mount --propagation private -- env \
        DOCKER_HOST="tcp://$HOST_IP:$PORT" \
        TESTCONTAINERS_DOCKER_CLIENT_STRATEGY=org.testcontainers.dockerclient.EnvironmentAndSystemPropertyClientProviderStrategy \
        TESTCONTAINERS_RYUK_DISABLED=true \
        DRYDOCK_HIDE_SOCKETS="/run/docker.sock /var/run/docker.sock /run/podman/podman.sock /run/drydock-podman.sock" \
        bash -c 'for s in $DRYDOCK_HIDE_SOCKETS; do [[ -S $s ]] && mount --bind /dev/null "$s"; done; unset DRYDOCK_HIDE_SOCKETS; exec "$@"' \
        bash "$@"
}

# check : what the topology must guarantee, measured: the engine answers over TCP; the unix socket, the engine's
# network gateways and container IPs do not; and the engine's host cannot open a connection to the namespace.
check() {
    in_namespace docker version --format 'engine over TCP: {{.Server.Version}} (API {{.Server.APIVersion}})'
    if in_namespace curl -fsS --max-time 2 --unix-socket /var/run/docker.sock http://localhost/_ping >/dev/null 2>&1; then
        die "the engine's unix socket answers inside the namespace"
    fi
    local gateway
    gateway=$(docker network inspect bridge --format '{{(index .IPAM.Config 0).Gateway}}')
    if in_namespace timeout 3 bash -c "echo > /dev/tcp/$gateway/$PORT" 2>/dev/null; then
        die "the bridge gateway $gateway is reachable from the namespace"
    fi
    # a listener in the namespace; the host (as the engine would) and a container must not reach it
    in_namespace timeout 8 socat -T 5 "TCP-LISTEN:4999,bind=$NS_IP,reuseaddr" - >/dev/null 2>&1 &
    local listener=$!
    sleep 0.5
    if timeout 3 bash -c "echo hello > /dev/tcp/$NS_IP/4999" 2>/dev/null; then
        kill "$listener" 2>/dev/null || true
        die "this host (where the engine runs) opened a connection to the namespace"
    fi
    if docker run --rm --label dev.drydock.check=true drydock/busybox:1.35-local \
        sh -c "echo hello | nc -w 2 $NS_IP 4999" >/dev/null 2>&1; then
        kill "$listener" 2>/dev/null || true
        die "a container opened a connection to the namespace"
    fi
    kill "$listener" 2>/dev/null || true
    wait "$listener" 2>/dev/null || true
    log "isolation holds: TCP to the engine only; no socket, gateway or container IP from inside; nothing from the engine's host or containers into it"
}

trap teardown EXIT
trap 'exit 130' INT TERM
setup
log "namespace $NS ($NS_IP) reaches the engine at tcp://$HOST_IP:$PORT only"

case "$1" in
    check)
        check
        ;;
    samples)
        shift
        start=$(now_s)
        cd "$REPO_DIR"
        # the samples against the Drydock artifacts the one `mvn install` put in the local repository
        in_namespace mvn -o -B -ntp -pl samples test -Dquick "$@"
        check_no_leftovers
        log "samples passed on the remote-engine topology in $(elapsed_since "$start")s"
        ;;
    *)
        in_namespace "$@"
        ;;
esac
