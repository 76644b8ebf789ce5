#!/usr/bin/env bash
# build-images.sh: build the local Docker images Drydock's tests and samples use, OFFLINE (nothing is
# pulled from a registry), skipping every image that is present and up to date.
#
# Images (short name -> tag):
#   busybox -> drydock/busybox:1.35-local   Debian's busybox-static in an empty root (also the task sandbox)
#   httpd   -> drydock/httpd:2.4-local      stand-in for httpd:2.4, FROM drydock/busybox (images/httpd/)
#   java17  -> drydock/java17:local         Debian bookworm minbase + openjdk-17-jre-headless
#   awscli  -> drydock/awscli:local         Debian bookworm minbase + awscli (AWS CLI v2)
#   helper  -> drydock/helper:local         Debian bookworm minbase + openssh-server + bindfs: Drydock's helper on
#                                           engines the JVM does not share a network with (remote, Desktop, Podman)
#   redis   -> drydock/redis:local          Debian bookworm minbase + redis-server, for the Testcontainers sample
#
# "Up to date" means the image carries the label dev.drydock.recipe=<sha256 of its recipe>, where the
# recipe is the build function below plus the files it uses (images/httpd/*), plus the recipe of the image
# it is built FROM. Change a recipe and the next run rebuilds that image (and the ones built from it).
# Every image also carries dev.drydock.image=true. A replaced image is removed once nothing uses it.
#
# Usage: scripts/build-images.sh [--force] [NAME...]
#   NAME     short name or full tag; default: all four. Images a NAME is built FROM are built if needed.
#   --force  rebuild the NAMEd images (all, without NAME) even when up to date.
#   --list   print short name, tag and state of every image, build nothing.
# Env:   DRYDOCK_DEBIAN_MIRROR  Debian mirror for debootstrap (default: the one apt uses here)
#        DRYDOCK_BUILD_JOBS     1 = build the Debian images one after the other (default: concurrently)
# Runs scripts/docker-up.sh first. Concurrent runs are serialized with a lock under /tmp.
# Prints one line per image: "<tag>: built in Xs" or "<tag>: up to date".
set -euo pipefail

# shellcheck disable=SC2034  # read by log() in lib.sh
DRYDOCK_SCRIPT=build-images
SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(cd "$SCRIPT_DIR/.." && pwd)
# shellcheck source=lib.sh source-path=SCRIPTDIR
. "$SCRIPT_DIR/lib.sh"

ALL_IMAGES=(busybox httpd java17 awscli helper redis)
declare -A TAG=(
    [busybox]=drydock/busybox:1.35-local
    [httpd]=drydock/httpd:2.4-local
    [java17]=drydock/java17:local
    [awscli]=drydock/awscli:local
    [helper]=drydock/helper:local
    [redis]=drydock/redis:local
)
# The image each one is built FROM (built first when needed; its recipe is part of the child's recipe).
declare -A PARENT=([httpd]=busybox)
# Images built by this run (a child of one of them is rebuilt as well).
declare -A BUILT=()

DEBIAN_SUITE=bookworm
JAVA17_INCLUDE=ca-certificates,openjdk-17-jre-headless
# python3-cffi-backend: without it debootstrap cannot resolve awscli's dependencies.
AWSCLI_INCLUDE=ca-certificates,awscli,python3-cffi-backend
# sshd carries the tasks' connections back to the JVM; bindfs gives EFS access points their owners on such engines.
HELPER_INCLUDE=openssh-server,bindfs
REDIS_INCLUDE=redis-server
STD_PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
RECIPE_LABEL=dev.drydock.recipe
LOCK_FILE=/tmp/drydock-build-images.lock

# ---------------------------------------------------------------------------------------------------
# Recipes. Everything in these functions is hashed into the image's recipe label (see recipe_text).
# ---------------------------------------------------------------------------------------------------

# import_rootfs ROOT TAG RECIPE [--change INSTR]... : tar ROOT (owned by root) into a new image TAG.
import_rootfs() {
    local root=$1 tag=$2 recipe=$3
    shift 3
    tar --numeric-owner --owner=0 --group=0 -C "$root" -c . |
        docker import \
            --change "LABEL dev.drydock.image=true ${RECIPE_LABEL}=${recipe}" \
            "$@" - "$tag" >/dev/null
}

# busybox_binary WORK : print the path of a static busybox: Debian's busybox-static .deb, downloaded and
# unpacked under WORK (the host is not modified), else an installed static busybox.
busybox_binary() {
    local work=$1 deb
    mkdir -p "$work/deb"
    # APT::Sandbox::User=root: the _apt user may not write into our private temp dir.
    if (cd "$work/deb" && apt-get -o APT::Sandbox::User=root download busybox-static) >"$work/apt.log" 2>&1 ||
        { apt-get update >>"$work/apt.log" 2>&1 &&
            (cd "$work/deb" && apt-get -o APT::Sandbox::User=root download busybox-static) >>"$work/apt.log" 2>&1; }; then
        deb=$(echo "$work"/deb/busybox-static_*.deb)
        dpkg-deb -x "$deb" "$work/ext"
        printf '%s\t%s\n' "$work/ext/bin/busybox" "busybox-static $(dpkg-deb -f "$deb" Version)"
        return 0
    fi
    local candidate
    for candidate in /bin/busybox /usr/bin/busybox; do
        # ldd fails on a static binary ("not a dynamic executable").
        if [[ -x "$candidate" ]] && ! ldd "$candidate" >/dev/null 2>&1; then
            log "apt-get download busybox-static failed; using the installed static $candidate"
            printf '%s\t%s\n' "$candidate" "host $candidate"
            return 0
        fi
    done
    tail -n 5 "$work/apt.log" >&2
    die "no static busybox: 'apt-get download busybox-static' failed and none is installed"
}

build_busybox() {
    local tag=$1 recipe=$2 work=$3 found bb source root applet
    found=$(busybox_binary "$work")
    bb=${found%%$'\t'*}
    source=${found#*$'\t'}
    root=$work/root
    mkdir -p "$root/bin" "$root/etc" "$root/root" "$root/tmp" "$root/var/tmp" "$root/usr/bin" "$root/usr/local/bin"
    chmod 1777 "$root/tmp" "$root/var/tmp"
    chmod 0700 "$root/root"
    install -m 0755 "$bb" "$root/bin/busybox"
    # One link per applet, all in /bin (the busybox binary decides by argv[0]).
    for applet in $("$root/bin/busybox" --list); do
        [[ "$applet" == busybox ]] || ln -s busybox "$root/bin/$applet"
    done
    [[ -L "$root/bin/sh" && -L "$root/bin/sleep" && -L "$root/bin/nc" ]] || die "busybox lacks sh, sleep or nc"
    ln -s /bin/env "$root/usr/bin/env" # for #!/usr/bin/env scripts
    # root and nobody, so a container `user` of root, nobody, 0 or 65534 resolves.
    printf '%s\n' 'root:x:0:0:root:/root:/bin/sh' 'nobody:x:65534:65534:nobody:/nonexistent:/bin/false' >"$root/etc/passwd"
    printf '%s\n' 'root:x:0:' 'nobody:x:65534:' >"$root/etc/group"
    chmod 0644 "$root/etc/passwd" "$root/etc/group"
    import_rootfs "$root" "$tag" "$recipe" \
        --change "LABEL dev.drydock.source=\"${source}\"" \
        --change "ENV PATH=${STD_PATH}" \
        --change 'CMD ["sh"]'
}

build_httpd() {
    local tag=$1 recipe=$2 work=$3 ctx=$3/context
    mkdir -p "$ctx"
    cp "$REPO_DIR/images/httpd/Dockerfile" "$REPO_DIR/images/httpd/index.html" "$REPO_DIR/images/httpd/httpd-foreground" "$ctx/"
    chmod 0755 "$ctx/httpd-foreground"
    chmod 0644 "$ctx/index.html" "$ctx/Dockerfile"
    local -a cache=()
    if [[ "${FORCE_BUILD:-0}" == 1 ]]; then
        cache=(--no-cache)
    fi
    # The classic builder: FROM a local image, never pulls, needs no buildx plugin.
    if ! DOCKER_BUILDKIT=0 docker build --pull=false --rm --force-rm "${cache[@]}" \
        --label dev.drydock.image=true --label "${RECIPE_LABEL}=${recipe}" \
        --label "dev.drydock.source=images/httpd, FROM ${TAG[busybox]}" \
        -t "$tag" "$ctx" >"$work/build.log" 2>&1; then
        tail -n 20 "$work/build.log" >&2
        die "docker build of $tag failed"
    fi
}

# debian_mirror : the Debian mirror apt uses here (deb822 .sources or sources.list), else deb.debian.org.
debian_mirror() {
    if [[ -n "${DRYDOCK_DEBIAN_MIRROR:-}" ]]; then
        printf '%s' "$DRYDOCK_DEBIAN_MIRROR"
        return 0
    fi
    local uri=""
    # shellcheck disable=SC1091
    if [[ -r /etc/os-release ]] && [[ "$(. /etc/os-release && printf '%s' "${ID:-}")" == debian ]]; then
        uri=$(cat /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '
                tolower($1) == "uris:" { for (i = 2; i <= NF; i++) if ($i !~ /security/) { print $i; exit } }')
        if [[ -z "$uri" ]]; then
            uri=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | awk '
                $1 == "deb" { for (i = 2; i <= NF; i++) if ($i ~ /^(https?|ftp):/) { if ($i !~ /security/) { print $i; exit } else break } }')
        fi
    fi
    printf '%s' "${uri:-http://deb.debian.org/debian}"
}

# debootstrap_rootfs ROOT INCLUDE : Debian minbase with INCLUDE packages, then slimmed.
debootstrap_rootfs() {
    local root=$1 include=$2 mirror logf
    mirror=$(debian_mirror)
    logf="$(dirname "$root")/debootstrap.log"
    if ! debootstrap --variant=minbase --include="$include" "$DEBIAN_SUITE" "$root" "$mirror" >"$logf" 2>&1; then
        tail -n 20 "$logf" >&2
        die "debootstrap $DEBIAN_SUITE ($include) from $mirror failed; log above"
    fi
    # Slim: no package caches or lists, docs (copyright files kept), man/info pages, locales, logs.
    rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/cache/apt/*.bin "$root"/var/lib/apt/lists/* \
        "$root"/usr/share/man/* "$root"/usr/share/info/* "$root"/usr/share/locale/* "$root"/usr/share/lintian \
        "$root"/var/cache/debconf/*-old "$root"/var/lib/dpkg/*-old "$root"/tmp/* "$root"/var/tmp/*
    find "$root/usr/share/doc" -mindepth 1 ! -type d ! -name copyright -delete
    find "$root/usr/share/doc" -mindepth 1 -type d -empty -delete
    find "$root/var/log" -type f -delete
    # Host files debootstrap copied in; the engine provides its own at run time.
    rm -f "$root/etc/hostname"
    : >"$root/etc/resolv.conf"
}

# pkg_version ROOT PKG : version of PKG installed in ROOT.
pkg_version() {
    dpkg-query --admindir="$1/var/lib/dpkg" -W -f='${Version}' "$2"
}

build_java17() {
    local tag=$1 recipe=$2 work=$3 root=$3/root java_home
    debootstrap_rootfs "$root" "$JAVA17_INCLUDE"
    java_home=$(cd "$root" && echo usr/lib/jvm/java-17-openjdk-*)
    [[ -x "$root/$java_home/bin/java" ]] || die "no java in $root/$java_home"
    import_rootfs "$root" "$tag" "$recipe" \
        --change "LABEL dev.drydock.source=\"debian ${DEBIAN_SUITE} minbase, openjdk-17-jre-headless $(pkg_version "$root" openjdk-17-jre-headless)\"" \
        --change "ENV PATH=${STD_PATH}" \
        --change "ENV JAVA_HOME=/${java_home}" \
        --change 'ENV LANG=C.UTF-8' \
        --change 'CMD ["java","-version"]'
}

build_awscli() {
    local tag=$1 recipe=$2 work=$3 root=$3/root
    debootstrap_rootfs "$root" "$AWSCLI_INCLUDE"
    [[ -x "$root/usr/bin/aws" ]] || die "no /usr/bin/aws in the awscli root"
    # No ENTRYPOINT: task definitions set their own command (e.g. ["aws","sts","get-caller-identity"]).
    import_rootfs "$root" "$tag" "$recipe" \
        --change "LABEL dev.drydock.source=\"debian ${DEBIAN_SUITE} minbase, awscli $(pkg_version "$root" awscli)\"" \
        --change "ENV PATH=${STD_PATH}" \
        --change 'ENV LANG=C.UTF-8' \
        --change 'CMD ["aws","--version"]'
}

# debian_service_image TAG RECIPE WORK INCLUDE BINARY PACKAGE [--change INSTR]... : Debian minbase with INCLUDE,
# checked for BINARY, imported as TAG with PACKAGE's version in its source label, PATH and LANG set.
debian_service_image() {
    local tag=$1 recipe=$2 root=$3/root include=$4 binary=$5 package=$6
    shift 6
    debootstrap_rootfs "$root" "$include"
    [[ -x "$root$binary" ]] || die "no $binary in the root of $tag"
    import_rootfs "$root" "$tag" "$recipe" \
        --change "LABEL dev.drydock.source=\"debian ${DEBIAN_SUITE} minbase, ${package} $(pkg_version "$root" "$package")\"" \
        --change "ENV PATH=${STD_PATH}" \
        --change 'ENV LANG=C.UTF-8' \
        "$@"
}

build_helper() {
    # sshd's privilege separation directory is made by Drydock's command (a service manager would make it); host keys
    # come from the package. Drydock starts it with its own command, which Testcontainers' sshd image takes too
    # (PASSWORD, chpasswd, sshd); bindfs is there for EFS access point owners on such engines.
    debian_service_image "$1" "$2" "$3" "$HELPER_INCLUDE" /usr/sbin/sshd openssh-server \
        --change 'EXPOSE 22' \
        --change 'CMD ["/usr/sbin/sshd","-D","-e"]'
}

build_redis() {
    # like the official image: every address, no protected mode (no password), no persistence
    debian_service_image "$1" "$2" "$3" "$REDIS_INCLUDE" /usr/bin/redis-server redis-server \
        --change 'EXPOSE 6379' \
        --change 'CMD ["redis-server","--protected-mode","no","--save","","--appendonly","no"]'
}

# recipe_text NAME : everything that defines image NAME, as text. Its sha256 is the recipe label.
recipe_text() {
    local name=$1
    printf 'recipe-format 1\nname %s\ntag %s\n' "$name" "${TAG[$name]}"
    case "$name" in
        busybox)
            declare -f import_rootfs busybox_binary build_busybox
            printf 'PATH=%s\n' "$STD_PATH"
            ;;
        httpd)
            declare -f build_httpd
            local f
            for f in Dockerfile httpd-foreground index.html; do
                printf 'file %s\n' "$f"
                cat "$REPO_DIR/images/httpd/$f"
            done
            ;;
        java17 | awscli | helper | redis)
            declare -f import_rootfs debian_mirror debootstrap_rootfs pkg_version "build_$name"
            [[ "$name" == helper || "$name" == redis ]] && declare -f debian_service_image
            local include
            case "$name" in
                java17) include=$JAVA17_INCLUDE ;;
                awscli) include=$AWSCLI_INCLUDE ;;
                helper) include=$HELPER_INCLUDE ;;
                redis) include=$REDIS_INCLUDE ;;
            esac
            printf 'suite=%s include=%s PATH=%s\n' "$DEBIAN_SUITE" "$include" "$STD_PATH"
            ;;
    esac
    if [[ -n "${PARENT[$name]:-}" ]]; then
        printf 'parent %s\n' "$(recipe_hash "${PARENT[$name]}")"
    fi
}

recipe_hash() {
    recipe_text "$1" | sha256sum | cut -d' ' -f1
}

# ---------------------------------------------------------------------------------------------------
# Driver
# ---------------------------------------------------------------------------------------------------

# image_recipe TAG : the recipe label of image TAG, or nothing when the image is absent.
image_recipe() {
    docker image inspect --format "{{index .Config.Labels \"${RECIPE_LABEL}\"}}" "$1" 2>/dev/null || true
}

image_id() {
    docker image inspect --format '{{.Id}}' "$1" 2>/dev/null || true
}

# build_one NAME FORCE : build image NAME unless up to date; print its line.
build_one() {
    local name=$1 force=$2 tag=${TAG[$1]} recipe old_id start work size
    recipe=$(recipe_hash "$name")
    old_id=$(image_id "$tag")
    # An image built FROM one rebuilt in this run is rebuilt too, even if its recipe is unchanged.
    if [[ -n "${PARENT[$name]:-}" && -n "${BUILT[${PARENT[$name]}]:-}" ]]; then
        force=1
    fi
    if [[ "$force" != 1 && -n "$old_id" && "$(image_recipe "$tag")" == "$recipe" ]]; then
        printf '%s: up to date\n' "$tag"
        return 0
    fi
    start=$(now_s)
    work=$(mktemp -d "$TOP/$name.XXXXXX")
    log "building $tag ($([[ -n "$old_id" ]] && echo "replacing ${old_id:7:12}" || echo "not present"))"
    FORCE_BUILD=$force "build_$name" "$tag" "$recipe" "$work"
    safe_rm_tree "$work"
    [[ "$(image_recipe "$tag")" == "$recipe" ]] || die "$tag was built but does not carry ${RECIPE_LABEL}=${recipe}"
    if [[ -n "$old_id" && "$old_id" != "$(image_id "$tag")" ]]; then
        echo "$old_id" >>"$TOP/replaced"
    fi
    size=$(docker image inspect --format '{{.Size}}' "$tag" | awk '{ printf "%.0f MB", $1 / 1000000 }')
    printf '%s: built in %ss (%s)\n' "$tag" "$(elapsed_since "$start")" "$size"
    BUILT[$name]=1
}

# remove_replaced : delete images this run replaced, newest first, when untagged and unused.
remove_replaced() {
    [[ -s "$TOP/replaced" ]] || return 0
    local id
    while read -r id; do
        if [[ "$(docker image inspect --format '{{len .RepoTags}}' "$id" 2>/dev/null || echo x)" == 0 ]]; then
            docker rmi "$id" >/dev/null 2>&1 || log "kept replaced image ${id:7:12} (still in use)"
        fi
    done < <(tac "$TOP/replaced")
}

# on_exit : stop our own background builds (if interrupted) and delete the temp tree.
on_exit() {
    local rc=$? pids
    mapfile -t pids < <(jobs -p)
    if ((${#pids[@]} > 0)); then
        kill "${pids[@]}" 2>/dev/null || true
        wait 2>/dev/null || true
    fi
    safe_rm_tree "$TOP"
    exit "$rc"
}

usage() {
    sed -n '2,/^set -euo/{/^#/s/^# \{0,1\}//p}' "${BASH_SOURCE[0]}"
}

main() {
    local force=0 list=0 arg name
    local -a wanted=()
    for arg in "$@"; do
        case "$arg" in
            --force | -f) force=1 ;;
            --list) list=1 ;;
            -h | --help) usage; exit 0 ;;
            -*) die "unknown option $arg (see --help)" ;;
            *)
                local found=""
                for name in "${ALL_IMAGES[@]}"; do
                    if [[ "$arg" == "$name" || "$arg" == "${TAG[$name]}" || "$arg" == "${TAG[$name]%%:*}" ]]; then
                        found=$name
                    fi
                done
                [[ -n "$found" ]] || die "unknown image '$arg'; known: ${ALL_IMAGES[*]}"
                wanted+=("$found")
                ;;
        esac
    done
    ((${#wanted[@]} > 0)) || wanted=("${ALL_IMAGES[@]}")

    "$SCRIPT_DIR/docker-up.sh" -q

    if [[ $list -eq 1 ]]; then
        for name in "${ALL_IMAGES[@]}"; do
            local state="absent" have
            have=$(image_recipe "${TAG[$name]}")
            if [[ -n "$(image_id "${TAG[$name]}")" ]]; then
                [[ "$have" == "$(recipe_hash "$name")" ]] && state="up to date" || state="out of date"
            fi
            printf '%-8s %-28s %s\n' "$name" "${TAG[$name]}" "$state"
        done
        exit 0
    fi

    # Wanted images, plus what they are built FROM, plus present images built FROM them (so nothing
    # stays on a replaced base). FORCE applies to the named ones only.
    declare -A selected=() forced=()
    local child
    for name in "${wanted[@]}"; do
        selected[$name]=1
        forced[$name]=$force
        if [[ -n "${PARENT[$name]:-}" ]]; then
            selected[${PARENT[$name]}]=1
        fi
        for child in "${!PARENT[@]}"; do
            if [[ "${PARENT[$child]}" == "$name" && -n "$(image_id "${TAG[$child]}")" ]]; then
                selected[$child]=1
            fi
        done
    done

    take_lock 8 "$LOCK_FILE" 1800 "build-images.sh"
    TOP=$(mktemp -d /tmp/drydock-images.XXXXXX)
    trap on_exit EXIT
    trap 'exit 130' INT TERM

    # Small images first, in order (httpd needs busybox).
    for name in busybox httpd; do
        if [[ -n "${selected[$name]:-}" ]]; then
            build_one "$name" "${forced[$name]:-0}"
        fi
    done

    # The Debian images: debootstrap and, where needed, install it first.
    local -a debian=()
    for name in java17 awscli helper redis; do
        [[ -z "${selected[$name]:-}" ]] || debian+=("$name")
    done
    if ((${#debian[@]} > 0)); then
        local -a todo=()
        for name in "${debian[@]}"; do
            if [[ "${forced[$name]:-0}" == 1 || "$(image_recipe "${TAG[$name]}")" != "$(recipe_hash "$name")" ]]; then
                todo+=("$name")
            else
                printf '%s: up to date\n' "${TAG[$name]}"
            fi
        done
        if ((${#todo[@]} > 0)); then
            if [[ $(id -u) -ne 0 ]]; then
                die "building ${todo[*]} needs root (debootstrap); run as root, or build only busybox httpd"
            fi
            if ! command -v debootstrap >/dev/null 2>&1; then
                log "installing debootstrap"
                apt_install debootstrap
            fi
            if ((${#todo[@]} > 1)) && [[ "${DRYDOCK_BUILD_JOBS:-2}" != 1 ]]; then
                # Two debootstraps into separate directories share nothing: safe to run concurrently.
                local -a pids=()
                local failed=0 pid
                for name in "${todo[@]}"; do
                    build_one "$name" 1 &
                    pids+=("$!")
                done
                for pid in "${pids[@]}"; do
                    wait "$pid" || failed=1
                done
                [[ $failed -eq 0 ]] || die "building ${todo[*]} failed"
            else
                for name in "${todo[@]}"; do
                    build_one "$name" 1
                done
            fi
        fi
    fi
    remove_replaced
}

main "$@"
