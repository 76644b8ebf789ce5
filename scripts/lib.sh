# shellcheck shell=bash
# Shared helpers for Drydock's scripts (sourced, not run): timestamped logging, a flock-based lock,
# "does a Docker engine answer?" checks, apt helpers and safe temp-dir cleanup.
# Callers set `set -euo pipefail` themselves.

# Guard against being sourced twice.
if [[ -n "${DRYDOCK_LIB_SOURCED:-}" ]]; then
    return 0
fi
DRYDOCK_LIB_SOURCED=1

DRYDOCK_DEFAULT_SOCK=/var/run/docker.sock
DRYDOCK_DOCKERD_LOG=${DRYDOCK_DOCKERD_LOG:-/var/log/drydock-dockerd.log}

# log MESSAGE... : timestamped line on stderr, prefixed with the calling script's name.
log() {
    printf '%s %s: %s\n' "$(date '+%H:%M:%S')" "${DRYDOCK_SCRIPT:-drydock}" "$*" >&2
}

# die MESSAGE... : log and exit 1.
die() {
    log "ERROR: $*"
    exit 1
}

# now_s : seconds since the epoch with sub-second precision (bash 5 EPOCHREALTIME).
now_s() {
    printf '%s' "${EPOCHREALTIME:-$(date +%s)}"
}

# elapsed_since START : "1.2" (seconds, one decimal).
elapsed_since() {
    local start=$1 end
    end=$(now_s)
    awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f", e - s }'
}

# take_lock FD FILE TIMEOUT_S WHAT : open FILE on FD and flock it exclusively, waiting at most TIMEOUT_S.
# The lock is released when the process exits. Processes started later inherit FD: close it
# (e.g. `9>&-`) for anything that outlives the script, such as a daemon.
take_lock() {
    local fd=$1 file=$2 timeout=$3 what=$4
    eval "exec ${fd}>>\"\$file\""
    if ! flock -n "$fd"; then
        log "waiting for another ${what} (lock ${file}, up to ${timeout}s)"
        flock -w "$timeout" "$fd" || die "timed out after ${timeout}s waiting for lock ${file}"
    fi
}

# docker_target : the engine address the docker CLI will use, for messages.
docker_target() {
    if [[ -n "${DOCKER_HOST:-}" ]]; then
        printf '%s' "$DOCKER_HOST"
    elif [[ -n "${DOCKER_CONTEXT:-}" ]]; then
        printf 'context %s' "$DOCKER_CONTEXT"
    else
        printf 'unix://%s' "$DRYDOCK_DEFAULT_SOCK"
    fi
}

# uses_default_socket : true when the CLI talks to the local default socket (so starting a local dockerd helps).
uses_default_socket() {
    [[ -z "${DOCKER_CONTEXT:-}" ]] || return 1
    case "${DOCKER_HOST:-}" in
        "" | "unix://${DRYDOCK_DEFAULT_SOCK}" | "unix:///run/docker.sock") return 0 ;;
        *) return 1 ;;
    esac
}

# socket_pings : GET /_ping on the default unix socket answers OK (needs curl).
socket_pings() {
    [[ -S "$DRYDOCK_DEFAULT_SOCK" ]] || return 1
    command -v curl >/dev/null 2>&1 || return 1
    [[ "$(curl -fsS --max-time 5 --unix-socket "$DRYDOCK_DEFAULT_SOCK" http://localhost/_ping 2>/dev/null)" == "OK" ]]
}

# engine_answers : a Docker engine answers where the CLI points (or, without a CLI, on the default socket).
engine_answers() {
    if command -v docker >/dev/null 2>&1; then
        timeout 20 docker version --format '{{.Server.Version}}' >/dev/null 2>&1
    else
        uses_default_socket && socket_pings
    fi
}

# engine_description : "Docker Engine 20.10.24+dfsg1 (API 1.41, linux/amd64) at unix:///var/run/docker.sock"
engine_description() {
    local desc=""
    if command -v docker >/dev/null 2>&1; then
        desc=$(timeout 20 docker version --format \
            '{{if .Server.Platform.Name}}{{.Server.Platform.Name}}{{else}}Docker Engine{{end}} {{.Server.Version}} (API {{.Server.APIVersion}}, {{.Server.Os}}/{{.Server.Arch}})' \
            2>/dev/null || true)
    fi
    if [[ -z "$desc" ]] && socket_pings; then
        local json
        json=$(curl -fsS --max-time 5 --unix-socket "$DRYDOCK_DEFAULT_SOCK" http://localhost/version 2>/dev/null || true)
        desc="Docker Engine $(sed -n 's/.*"Version":"\([^"]*\)".*"ApiVersion".*/\1/p' <<<"$json") (no docker CLI on PATH)"
    fi
    printf '%s at %s' "${desc:-unknown engine}" "$(docker_target)"
}

# dockerd_running : a live (not zombie) process named dockerd exists. Pure bash, no procps needed.
# Zombies matter: where PID 1 reaps slowly, a killed dockerd lingers as a zombie for a while.
dockerd_running() {
    local f stat state
    for f in /proc/[0-9]*/stat; do
        read -r stat 2>/dev/null <"$f" || continue
        [[ "$stat" == *" (dockerd) "* ]] || continue
        state=${stat##*) }
        state=${state%% *}
        [[ "$state" == Z || "$state" == X ]] && continue
        return 0
    done
    return 1
}

# is_debian_like : /etc/os-release says Debian or a derivative (Ubuntu, ...).
is_debian_like() {
    [[ -r /etc/os-release ]] || return 1
    local id="" id_like=""
    # shellcheck disable=SC1091
    id=$(. /etc/os-release && printf '%s' "${ID:-}")
    # shellcheck disable=SC1091
    id_like=$(. /etc/os-release && printf '%s' "${ID_LIKE:-}")
    [[ "$id" == debian || "$id" == ubuntu || " $id_like " == *" debian "* ]]
}

# apt_install PKG... : install Debian packages non-interactively; runs `apt-get update` first only
# when the install fails (e.g. no package lists yet on a fresh machine).
apt_install() {
    local logf
    logf=$(mktemp /tmp/drydock-apt.XXXXXX.log)
    export DEBIAN_FRONTEND=noninteractive
    if ! apt-get install -y --no-install-recommends "$@" >"$logf" 2>&1; then
        log "apt-get update (package lists missing or stale)"
        if ! { apt-get update && apt-get install -y --no-install-recommends "$@"; } >"$logf" 2>&1; then
            tail -n 20 "$logf" >&2
            rm -f "$logf"
            die "apt-get install $* failed"
        fi
    fi
    rm -f "$logf"
}

# safe_rm_tree DIR : unmount anything still mounted under DIR (e.g. proc/sys left by a failed
# debootstrap), then delete DIR without ever crossing into another file system.
safe_rm_tree() {
    local dir=$1 mnt
    [[ -n "$dir" && "$dir" == /tmp/* && -d "$dir" ]] || return 0
    # /proc/mounts lists mount points in mount order; unmount deepest (last) first.
    while read -r mnt; do
        umount -l "$mnt" 2>/dev/null || true
    done < <(awk -v d="$dir" '$2 == d || index($2, d "/") == 1 { print $2 }' /proc/mounts | sort -r)
    rm -rf --one-file-system "$dir"
}

# require_build_tools : Java 17+ and Maven are on PATH (installs them on Debian as root when missing).
require_build_tools() {
    if ! command -v mvn >/dev/null 2>&1 || ! command -v java >/dev/null 2>&1; then
        if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
            log "installing Java 17 and Maven with apt-get"
            DEBIAN_FRONTEND=noninteractive apt-get update -qq
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jdk-headless maven >/dev/null
        else
            die "Drydock builds with Java 17+ and Maven 3.8+: install them (e.g. apt-get install openjdk-17-jdk-headless maven) and run again."
        fi
    fi
    local major
    major=$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
    if [[ -n "$major" && "${major%%.*}" -lt 17 ]]; then
        die "Drydock needs Java 17 or newer; 'java' is version $major. Set JAVA_HOME to a JDK 17+ and run again."
    fi
}

# check_no_leftovers : fails when containers, networks or volumes labelled dev.drydock are left on the engine.
check_no_leftovers() {
    # Objects of a Drydock JVM that still runs (another build, an IDE run on the same engine) are that session's,
    # not leaks; everything whose owning process has ended must be gone.
    local leaked=0 live=0 id pid kind
    for kind in container network volume; do
        while read -r id pid; do
            [[ -z "$id" ]] && continue
            if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
                live=$((live + 1))
            else
                leaked=$((leaked + 1))
                echo "left behind: $kind $id (process ${pid:-?} has ended)" >&2
            fi
        done < <(case $kind in
            container) docker ps -a --filter label=dev.drydock --format '{{.ID}} {{.Label "dev.drydock.pid"}}' ;;
            network) docker network ls --filter label=dev.drydock --format '{{.ID}} {{.Label "dev.drydock.pid"}}' ;;
            volume) docker volume ls --filter label=dev.drydock --format '{{.Name}} {{.Label "dev.drydock.pid"}}' ;;
        esac 2>/dev/null)
    done
    if [[ "$leaked" -gt 0 ]]; then
        die "Drydock left $leaked containers, networks or volumes on the engine (label dev.drydock, listed above): teardown leaks."
    fi
    local views
    views=$(grep -c ' [^ ]*/drydock-efs/[^ ]* fuse' /proc/mounts 2>/dev/null || true)
    if [[ "${views:-0}" -gt 0 ]]; then
        grep ' [^ ]*/drydock-efs/' /proc/mounts >&2 || true
        die "Drydock left $views bindfs views of EFS file systems mounted: teardown leaks."
    fi
    if [[ "$live" -gt 0 ]]; then
        log "nothing left on the Docker engine ($live objects belong to Drydock sessions still running elsewhere)"
    else
        log "nothing left on the Docker engine"
    fi
}

# ensure_bindfs : Drydock's EFS model gives access point POSIX users and root squashing their file owners through
# bindfs (FUSE) mounts on the Docker host. Install Debian's bindfs when it is missing and we may (root, apt-get,
# /dev/fuse); otherwise say what differs. Never fails the run.
ensure_bindfs() {
    command -v bindfs >/dev/null 2>&1 && return 0
    # apt_install in a subshell: its failure is said (and reported below), not fatal
    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1 && [[ -e /dev/fuse ]] && (apt_install bindfs); then
        log "bindfs installed (EFS access point owners)"
        return 0
    fi
    log "bindfs is not installed: EFS access point POSIX users and root squashing keep the creating process's owner (see docs/efs.md)"
}

# require_chromium : Debian's chromium, in which a test opens Drydock's HTML report headless and checks what it
# renders (installed on Debian as root when missing; otherwise that test fails saying what to install).
require_chromium() {
    command -v chromium >/dev/null 2>&1 && return 0
    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
        log "installing chromium (a test renders Drydock's HTML report in it, headless)"
        apt_install chromium
    else
        log "chromium is missing: the HTML report's rendering test will fail; install it (apt-get install chromium)"
    fi
}

# prepare_machine : what the README's commands need before Maven runs: Java and Maven, a Docker engine that answers,
# the project's offline images, and the tools tests compare with or render in. Leaves the shell in the repository's
# root.
prepare_machine() {
    require_build_tools
    "$SCRIPT_DIR/docker-up.sh"
    ensure_bindfs
    "$SCRIPT_DIR/build-images.sh"
    require_reference_registry
    require_chromium
    cd "$REPO_DIR" || die "cannot enter $REPO_DIR"
}

# check_without_docker : after the install, Drydock's classes where no Docker engine answers (scripts/without-docker.sh:
# the engine's socket hidden in a mount namespace): a class marked @DisabledWithoutDocker is skipped, every other one
# (as all of Drydock's own tests) fails saying how to start Docker. Needs root for the namespace.
check_without_docker() {
    if [[ $(id -u) -ne 0 ]]; then
        log "not root: the without-Docker checks (junit-extension WithoutDockerChecks) need a mount namespace; not run"
        return 0
    fi
    log "without Docker: @DisabledWithoutDocker classes skip, the others fail (WithoutDockerChecks)"
    "$SCRIPT_DIR/without-docker.sh" mvn -B -ntp -o -q -pl junit-extension surefire:test -Dtest=WithoutDockerChecks
}

# check_other_engines : the samples on the remote-engine topology and on Podman (scripts/remote-engine.sh samples,
# scripts/podman-engine.sh samples), against what the one `mvn install` put in the local repository. Needs root (network
# namespaces, iptables, rootful Podman).
check_other_engines() {
    if [[ $(id -u) -ne 0 ]]; then
        log "not root: the samples on the remote-engine topology and on Podman need root; not run"
        return 0
    fi
    log "the samples on the remote-engine topology (scripts/remote-engine.sh samples)"
    "$SCRIPT_DIR/remote-engine.sh" samples
    log "the samples on Podman (scripts/podman-engine.sh samples)"
    "$SCRIPT_DIR/podman-engine.sh" samples
}

# require_reference_registry : Debian's docker-registry (the reference OCI distribution implementation), which the
# ECR conformance tests and benchmark compare Drydock's registry with, and skopeo, a second registry client the ECR
# tests use (installed on Debian as root when missing).
require_reference_registry() {
    [[ -x /usr/bin/docker-registry && -x /usr/bin/skopeo ]] && return 0
    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
        log "installing docker-registry and skopeo (the ECR tests compare with and use them)"
        apt_install docker-registry skopeo
    else
        log "docker-registry or skopeo is missing: ECR tests will fail; install them (apt-get install docker-registry skopeo)"
    fi
}

# require_load_tools : Debian's haproxy and wrk, which the load balancer benchmark compares with and drives.
require_load_tools() {
    command -v haproxy >/dev/null 2>&1 && command -v wrk >/dev/null 2>&1 && return 0
    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
        log "installing haproxy and wrk (the load balancer benchmark compares with and drives them)"
        apt_install haproxy wrk
    else
        log "haproxy or wrk is missing: the load balancer benchmark is skipped; install them (apt-get install haproxy wrk)"
    fi
}

# check_published_modules : after `mvn install`, for every module of the root pom.xml that is published (a jar
# without maven.deploy.skip): drydock-bom lists it, its pom.xml has its own <name> and <description> (Maven does not
# inherit <name>; url, licenses, scm and developers come from build-parent), and its sources and javadoc jars exist.
check_published_modules() {
    local module pom artifact version count=0
    version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$REPO_DIR/build-parent/pom.xml" | head -1)
    for module in $(sed -n 's:^ *<module>\(.*\)</module>:\1:p' "$REPO_DIR/pom.xml"); do
        pom="$REPO_DIR/$module/pom.xml"
        grep -q '<packaging>pom</packaging>' "$pom" && continue
        grep -q '<maven.deploy.skip>true</maven.deploy.skip>' "$pom" && continue
        artifact=$(sed -n '/<\/parent>/,$ s:^  <artifactId>\(.*\)</artifactId>:\1:p' "$pom" | head -1)
        grep -q "<artifactId>$artifact</artifactId>" "$REPO_DIR/bom/pom.xml" ||
            die "$module ($artifact) is published but bom/pom.xml does not list it: add it to drydock-bom"
        grep -q '^  <name>' "$pom" || die "$module/pom.xml has no <name> (Maven Central requires one)"
        grep -q '^  <description>' "$pom" || die "$module/pom.xml has no <description> (Maven Central requires one)"
        for kind in sources javadoc; do
            [[ -s "$REPO_DIR/$module/target/$artifact-$version-$kind.jar" ]] ||
                die "$module: target/$artifact-$version-$kind.jar was not built (Maven Central requires it)"
        done
        count=$((count + 1))
    done
    log "$count published modules: each in drydock-bom, with name, description, sources and javadoc jars"
}
