package dev.drydock.efs.internal.storage;

import dev.drydock.core.DrydockException;
import dev.drydock.core.runtime.ContainerRuntime;
import dev.drydock.core.runtime.ContainerSpec;
import dev.drydock.core.runtime.RuntimeFailure;
import dev.drydock.core.spi.Labels;
import dev.drydock.core.spi.RuntimeSession;
import dev.drydock.core.spi.ServiceContext;
import dev.drydock.core.spi.TaskVolumeProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files of every file system on an engine whose host this JVM does not share (Docker Desktop, colima, Podman, a
 * remote engine): one Docker volume per session ({@code drydock-<session>-efs}, a directory per file system in it),
 * handled through Drydock's EFS helper container, which mounts the volume at {@code /efs} and runs the few commands
 * {@code EfsFiles} and task mounts need (resolve a path inside a file system without leaving it, create access point
 * root directories with their owner and mode, read, write, list, stat). Tasks mount a file system's directory through a
 * local-driver volume bound to the directory on the engine's host, which works wherever the engine runs (also in a
 * virtual machine), as Docker 20.10 has no volume subpaths.
 *
 * <p>Access point POSIX users and root squashing need a view of the directory that rewrites the owner of created files:
 * the helper mounts it with bindfs (FUSE) when its image has bindfs, which needs a helper with CAP_SYS_ADMIN and /dev/fuse whose mount of
 * the volume propagates to the engine's host ({@code rshared}); {@code efs.ownership=off} runs without (files keep
 * their creator's owner, as on a machine without bindfs). An engine that refuses either fails the first EFS use naming
 * the engine, what it refused and that setting.
 */
public final class EngineFileSystemStore implements FileSystemStore {
    private static final Logger LOG = LoggerFactory.getLogger(EngineFileSystemStore.class);
    private static final String ROOT = "/efs";
    /** Where ownership views are mounted in the helper (inside the volume, so that they appear on the engine's host). */
    private static final String VIEWS = ROOT + "/.views";

    /**
     * The helper's commands: POSIX sh with {@code realpath}, {@code readlink}, {@code stat -c} (busybox or coreutils).
     * {@code walk ROOT PATH CREATE FOLLOW} mirrors {@code EfsStorage.walk}: PATH is already normalized (no {@code ..});
     * components are resolved one at a time, a symbolic link followed only when its real target stays in ROOT (exit 4:
     * dangling, 5: outside, with "link TAB target" on stderr), missing ones appended or created (CREATE "uid:gid:mode",
     * or "-" for root 0755; exit 6 when that fails).
     */
    private static final String SCRIPT = """
            op=$1; shift
            walk() {
              root=$1; path=$2; create=$3; follow=$4
              if [ ! -d "$root" ]; then mkdir -p "$root" && chmod 755 "$root" || exit 6; fi
              rootreal=$(realpath "$root") || exit 6
              rest=${path#/}
              cur=$rootreal
              if [ -z "$rest" ]; then printf '%s\\n' "$cur"; return 0; fi
              oldifs=$IFS; IFS=/; set -f; set -- $rest; IFS=$oldifs; set +f
              n=$#; i=0
              for c in "$@"; do
                i=$((i+1)); next=$cur/$c
                if [ "$follow" = 0 ] && [ "$i" = "$n" ]; then printf '%s\\n' "$next"; return 0; fi
                if [ ! -e "$next" ] && [ ! -L "$next" ]; then
                  if [ -z "$create" ]; then cur=$next; continue; fi
                  if mkdir "$next" 2>/dev/null; then
                    if [ "$create" = - ]; then chmod 755 "$next"; else
                      uid=${create%%:*}; r=${create#*:}; gid=${r%%:*}; mode=${r#*:}
                      chmod "$mode" "$next" && chown "$uid:$gid" "$next" || true
                    fi
                    cur=$next; continue
                  fi
                  [ -e "$next" ] || [ -L "$next" ] || exit 6
                fi
                if [ -L "$next" ]; then
                  target=$(readlink "$next")
                  real=$(realpath "$next" 2>/dev/null) && [ -e "$real" ] || {
                    printf '%s\\t%s\\n' "/${next#"$rootreal"/}" "$target" >&2
                    case "$target" in "$rootreal"/*) exit 4 ;; /*) exit 5 ;; *) exit 4 ;; esac
                  }
                  case "$real" in
                    "$rootreal"|"$rootreal"/*) cur=$real ;;
                    *) printf '%s\\t%s\\n' "/${next#"$rootreal"/}" "$target" >&2; exit 5 ;;
                  esac
                else cur=$next; fi
              done
              printf '%s\\n' "$cur"
            }
            case $op in
              resolve) walk "$1" "$2" "$3" 1 ;;
              entry) walk "$1" "$2" "$3" 0 ;;
              isdir) if [ -d "$1" ] && [ ! -L "$1" ]; then echo yes; else echo no; fi ;;
              read) exec cat "$1" ;;
              write) loc=$(walk "$1" "$2" - 0) || exit $?
                     if [ -L "$loc" ]; then loc=$(walk "$1" "$2" "" 1) || exit $?; fi
                     printf '%s' "$3" | base64 -d > "$loc" && printf '%s\\n' "$loc" ;;
              append) printf '%s' "$2" | base64 -d >> "$1" ;;
              exists) if [ -e "$1" ] || [ -L "$1" ]; then echo yes; else echo no; fi ;;
              list) exec ls -A1 "$1" ;;
              stat) exec stat -c '%u %g %a' "$1" ;;
              bindfs) if command -v bindfs >/dev/null 2>&1; then echo yes; else echo no; fi ;;
              view) if ! mountpoint -q "$2"; then
                      mkdir -p "$2" && bindfs -o allow_other --create-for-user="$3" --create-for-group="$4" \\
                        --chown-ignore --chgrp-ignore "$1" "$2"
                    fi ;;
              unmount) for v in "$@"; do fusermount3 -u -z "$v" 2>/dev/null || fusermount -u -z "$v" 2>/dev/null \\
                         || umount -l "$v"; done ;;
              *) echo "unknown operation $op" >&2; exit 2 ;;
            esac
            """;

    private final ServiceContext context;
    private final Map<String, String> mountVolumes = new ConcurrentHashMap<>();
    private final Map<String, String> views = new ConcurrentHashMap<>();
    private Helper helper;
    private volatile boolean closed;

    /** The helper container and the volume it mounts. */
    private record Helper(
            ContainerRuntime runtime, String containerId, String volume, String hostDirectory, boolean ownership) {}

    public EngineFileSystemStore(ServiceContext context) {
        this.context = context;
    }

    private synchronized Helper helper() {
        if (closed) {
            throw new DrydockException("Drydock's EFS storage is closed.");
        }
        if (helper == null) {
            helper = start(context.runtime());
        }
        return helper;
    }

    private Helper start(RuntimeSession session) {
        ContainerRuntime runtime = session.runtime();
        String prefix = "drydock-" + context.sessionId() + "-efs";
        boolean ownership = !"off".equalsIgnoreCase(context.settings().get("efs.ownership", "auto"));
        String image = context.settings().get("helper.image", "testcontainers/sshd:1.3.0");
        String hostDirectory;
        try {
            runtime.ensureImage(image);
            hostDirectory =
                    runtime.createVolume(prefix, context.labels(Map.of("dev.drydock.efs", "storage")), Map.of());
        } catch (RuntimeFailure e) {
            throw failure(runtime, "could not prepare its EFS storage volume or helper image " + image, e, false);
        }
        ContainerSpec.Builder spec = ContainerSpec.builder(prefix + "-helper", image)
                .entryPoint(List.of("sh", "-c"))
                .command(List.of("trap 'exit 0' TERM INT; while :; do sleep 3600 & wait $!; done"))
                .labels(context.labels(Map.of(Labels.CONTAINER, "~efs")))
                .network(session.network().name(), List.of())
                .mount(
                        ownership
                                ? new ContainerSpec.Mount(hostDirectory, ROOT, false, true, true)
                                : new ContainerSpec.Mount(prefix, ROOT, false, false))
                .init(true);
        if (ownership) {
            // what bindfs (FUSE) needs, no more
            spec.capability("SYS_ADMIN").device("/dev/fuse");
        }
        String id = null;
        try {
            id = runtime.createContainer(spec.build());
            runtime.startContainer(id);
        } catch (RuntimeFailure e) {
            if (id != null) {
                try {
                    runtime.removeContainer(id);
                } catch (RuntimeFailure ignored) {
                    // removed with the session's labels
                }
            }
            throw failure(
                    runtime,
                    "could not start its EFS helper container"
                            + (ownership
                                    ? " with CAP_SYS_ADMIN and /dev/fuse (to mount FUSE views) and its volume's"
                                            + " directory on the engine's host mounted rshared"
                                    : ""),
                    e,
                    ownership);
        }
        Helper started = new Helper(runtime, id, prefix, hostDirectory, ownership);
        if (ownership && !"yes".equals(text(started, "bindfs"))) {
            LOG.warn(
                    "Drydock EFS: the helper image {} has no bindfs, so file owners are approximate on {}: files"
                            + " created through an access point with a POSIX user, and by root without"
                            + " elasticfilesystem:ClientRootAccess, keep the creating process's uid/gid. Set drydock.helper.image"
                            + " to an image with bindfs (scripts/build-images.sh helper builds one).",
                    image,
                    runtime.description());
            started = new Helper(runtime, id, prefix, hostDirectory, false);
        }
        LOG.debug("EFS storage in volume {} ({} on the engine's host), helper {}", prefix, hostDirectory, id);
        return started;
    }

    private static DrydockException failure(
            ContainerRuntime runtime, String what, RuntimeFailure cause, boolean privileged) {
        return new DrydockException(
                "Drydock cannot serve EFS file systems on " + runtime.description() + ": the engine's host is not this"
                        + " JVM's, so file systems live in a Docker volume handled by a helper container, and Drydock "
                        + what + " (" + cause.getMessage() + ")."
                        + (privileged
                                ? " Those privileges give access points their POSIX owners (bindfs); set"
                                        + " drydock.efs.ownership=off to run without them (files keep their creator's"
                                        + " owner)."
                                : " Set drydock.helper.image to a local image with sh (scripts/build-images.sh helper"
                                        + " builds one)."),
                cause);
    }

    // ------------------------------------------------------------------------------------------------ operations

    @Override
    public String resolve(String fileSystemId, String path, Owner create) throws IOException {
        String spec =
                create == null ? "" : create.uid() + ":" + create.gid() + ":" + Integer.toOctalString(create.mode());
        return walk("resolve", fileSystemId, path, spec);
    }

    @Override
    public String entry(String fileSystemId, String path, boolean createParents) throws IOException {
        return walk("entry", fileSystemId, path, createParents ? "-" : "");
    }

    private String walk(String op, String fileSystemId, String path, String create) throws IOException {
        String normalized = normalize(fileSystemId, path);
        Helper h = helper();
        ContainerRuntime.ExecResult r = exec(h, op, ROOT + "/" + fileSystemId, normalized, create);
        if (r.exitCode() == 0) {
            return new String(r.stdout(), StandardCharsets.UTF_8).strip();
        }
        String[] link = r.stderr().strip().split("\t", 2);
        String shown = link[0];
        String target = link.length > 1 ? link[1] : "";
        switch (r.exitCode()) {
            case 4 ->
                throw new IllegalArgumentException("The path '" + path + "' in file system " + fileSystemId
                        + " goes through the symbolic link " + shown + " -> " + target
                        + ", which does not resolve to an "
                        + "existing path; Drydock follows links only to existing paths inside the file system.");
            case 5 ->
                throw new IllegalArgumentException("The path '" + path + "' in file system " + fileSystemId
                        + " goes through the symbolic link " + shown + " -> " + target + ", which leads outside the "
                        + "file system; EFS resolves every path inside its file system, so Drydock refuses it.");
            default ->
                throw new IOException(
                        "Drydock's EFS helper could not resolve '" + path + "' in file system " + fileSystemId
                                + " (exit " + r.exitCode() + "): " + r.stderr().strip());
        }
    }

    /** The path without {@code .} and {@code ..}, absolute; refuses one that leaves the file system's root. */
    private static String normalize(String fileSystemId, String path) {
        Path root = Path.of("/");
        Path normalized = root.resolve(path.replaceFirst("^/+", "")).normalize();
        if (!normalized.startsWith(root) || normalized.toString().contains("..")) {
            throw new IllegalArgumentException(
                    "The path '" + path + "' leaves the root of file system " + fileSystemId + ".");
        }
        return normalized.toString();
    }

    @Override
    public boolean isDirectory(String location) {
        return "yes".equals(text(helper(), "isdir", location));
    }

    @Override
    public TaskVolumeProvider.Mount mount(String location, Long ownerUid, Long ownerGid, boolean readOnly) {
        Helper h = helper();
        String source = location;
        if (ownerUid != null && h.ownership()) {
            source = views.computeIfAbsent(location + "|" + ownerUid + ":" + ownerGid, key -> {
                String view =
                        VIEWS + "/" + HexFormat.of().toHexDigits(key.hashCode()) + "-" + ownerUid + "-" + ownerGid;
                ContainerRuntime.ExecResult r =
                        exec(h, "view", location, view, Long.toString(ownerUid), Long.toString(ownerGid));
                if (r.exitCode() != 0) {
                    throw new DrydockException("Drydock's EFS helper could not mount a bindfs view of " + location
                            + " owned by " + ownerUid + ":" + ownerGid + ": "
                            + r.stderr().strip());
                }
                return view;
            });
        }
        String device = h.hostDirectory() + source.substring(ROOT.length());
        String volume = mountVolumes.computeIfAbsent(device, d -> {
            String name = h.volume() + "-" + (mountVolumes.size() + 1);
            h.runtime()
                    .createVolume(
                            name,
                            context.labels(Map.of("dev.drydock.efs", "mount")),
                            Map.of("type", "none", "o", "bind", "device", d));
            return name;
        });
        return new TaskVolumeProvider.Mount(volume, readOnly, true);
    }

    @Override
    public byte[] read(String location) throws IOException {
        ContainerRuntime.ExecResult r = exec(helper(), "read", location);
        if (r.exitCode() != 0) {
            throw new IOException(location + ": " + r.stderr().strip());
        }
        return r.stdout();
    }

    /**
     * Writes through the command line (base64, in chunks well under Linux's 128 KiB limit for one argument): the
     * engine API's exec has no reliable end of standard input on every transport.
     */
    @Override
    public void write(String fileSystemId, String path, byte[] content) throws IOException {
        Helper h = helper();
        int chunk = 48 * 1024;
        byte[] first = Arrays.copyOfRange(content, 0, Math.min(chunk, content.length));
        ContainerRuntime.ExecResult r = exec(
                h,
                "write",
                ROOT + "/" + fileSystemId,
                normalize(fileSystemId, path),
                Base64.getEncoder().encodeToString(first));
        if (r.exitCode() == 4 || r.exitCode() == 5) {
            walk("resolve", fileSystemId, path, ""); // throws the link's message
        }
        if (r.exitCode() != 0) {
            throw new IOException("Drydock's EFS helper could not write '" + path + "' in file system " + fileSystemId
                    + ": " + r.stderr().strip());
        }
        String location = new String(r.stdout(), StandardCharsets.UTF_8).strip();
        for (int from = chunk; from < content.length; from += chunk) {
            byte[] part = Arrays.copyOfRange(content, from, Math.min(from + chunk, content.length));
            ContainerRuntime.ExecResult a =
                    exec(h, "append", location, Base64.getEncoder().encodeToString(part));
            if (a.exitCode() != 0) {
                throw new IOException("Drydock's EFS helper could not write '" + path + "' in file system "
                        + fileSystemId + ": " + a.stderr().strip());
            }
        }
    }

    @Override
    public boolean exists(String location) {
        return "yes".equals(text(helper(), "exists", location));
    }

    @Override
    public List<String> list(String location) throws IOException {
        ContainerRuntime.ExecResult r = exec(helper(), "list", location);
        if (r.exitCode() != 0) {
            throw new IOException(location + ": " + r.stderr().strip());
        }
        String out = new String(r.stdout(), StandardCharsets.UTF_8).strip();
        List<String> names = new ArrayList<>(out.isEmpty() ? List.of() : Arrays.asList(out.split("\n")));
        names.sort(null);
        return names;
    }

    @Override
    public long[] stat(String location) throws IOException {
        ContainerRuntime.ExecResult r = exec(helper(), "stat", location);
        if (r.exitCode() != 0) {
            throw new IOException(location + ": " + r.stderr().strip());
        }
        String[] f = new String(r.stdout(), StandardCharsets.UTF_8).strip().split(" ");
        return new long[] {Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2], 8)};
    }

    @Override
    public boolean ownershipSupported() {
        return helper().ownership();
    }

    @Override
    public String describe(String fileSystemId) {
        Helper h = helper;
        return h == null
                ? "files in Docker volume drydock-" + context.sessionId() + "-efs"
                : "files in Docker volume " + h.volume() + " (" + h.hostDirectory() + "/" + fileSystemId
                        + " on the engine's host)";
    }

    private String text(Helper h, String op, String... args) {
        ContainerRuntime.ExecResult r = exec(h, op, args);
        return new String(r.stdout(), StandardCharsets.UTF_8).strip();
    }

    private static ContainerRuntime.ExecResult exec(Helper h, String op, String... args) {
        List<String> command = new ArrayList<>(List.of("sh", "-c", SCRIPT, "efs", op));
        command.addAll(Arrays.asList(args));
        return h.runtime().exec(h.containerId(), command);
    }

    /**
     * Unmounts the ownership views (so that the volume can be removed) and removes the helper; the volumes go with the
     * session's labels.
     */
    @Override
    public synchronized void close() {
        closed = true;
        Helper h = helper;
        if (h == null) {
            return;
        }
        try {
            if (!views.isEmpty()) {
                exec(h, "unmount", views.values().toArray(String[]::new));
            }
            h.runtime().removeContainer(h.containerId());
            for (String volume : mountVolumes.values()) {
                h.runtime().removeVolume(volume);
            }
            h.runtime().removeVolume(h.volume());
        } catch (RuntimeException e) {
            LOG.warn(
                    "Could not remove Drydock's EFS storage on {}: {}",
                    h.runtime().description(),
                    e.getMessage());
        }
    }
}
