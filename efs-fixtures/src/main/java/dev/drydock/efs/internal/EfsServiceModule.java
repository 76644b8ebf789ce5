package dev.drydock.efs.internal;

import dev.drydock.core.Drydock;
import dev.drydock.core.spi.AdminCalls;
import dev.drydock.core.spi.ServiceContext;
import dev.drydock.core.spi.TaskVolumeProvider;
import dev.drydock.efs.EfsModule;
import dev.drydock.efs.internal.backend.EfsBackend;
import dev.drydock.efs.internal.backend.EfsStorage;
import dev.drydock.efs.internal.mounts.MountAuthorization;
import dev.drydock.efs.internal.mounts.TaskMounts;
import dev.drydock.efs.internal.storage.EngineFileSystemStore;
import dev.drydock.efs.internal.storage.FileSystemStore;
import dev.drydock.efs.internal.storage.LocalFileSystemStore;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The EFS module: the EFS model, its routing table ({@link EfsApi}), the storage behind every file system, and the
 * {@link TaskVolumeProvider} through which ECS tasks mount {@code efsVolumeConfiguration} volumes. Found by
 * {@link java.util.ServiceLoader}; its public face is {@link EfsModule}.
 */
public final class EfsServiceModule implements EfsModule, TaskVolumeProvider {
    private static final Logger LOG = LoggerFactory.getLogger(EfsServiceModule.class);

    /**
     * What differs from AWS on this machine is said once per JVM: when the first declared file system is created
     * (at the start of a test class with {@code @EfsFileSystem}), or else at the first EFS volume a task mounts.
     */
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private ServiceContext context;
    private EfsBackend backend;
    private EfsStorage storage;
    private TaskMounts mounts;
    /** Chosen on first use: directories of this machine on a local Linux engine, else a volume on the engine. */
    private volatile FileSystemStore store;

    @Override
    public String name() {
        return "efs";
    }

    @Override
    public List<String> sdkEndpointSuffixes() {
        return List.of("Efs");
    }

    @Override
    public void start(ServiceContext context) {
        this.context = context;
        backend = new EfsBackend(context.region(), context.accountId(), context.clock());
        storage = new EfsStorage(
                Path.of(context.settings()
                        .get(
                                "efs.storage-directory",
                                Path.of(System.getProperty("java.io.tmpdir"), "drydock-efs")
                                        .toString())),
                context.sessionId());
        // built on first use (or by the warm-up right after start), so start() loads none of its request classes
        context.registerRestJsonOnFirstUse("elasticfilesystem", () -> EfsApi.service(backend, context.clock()));
        context.resourceTags(backend.tagStore());
        mounts = new TaskMounts(backend, this::store, new MountAuthorization(context), context.region());
    }

    @Override
    public Mount efsVolume(EfsVolumeRequest request) {
        explainSemanticsOnce();
        return mounts.mount(request);
    }

    /**
     * Says once per JVM (SLF4J WARN) where EFS semantics on this machine differ from AWS: an engine on another machine
     * (bind mounts of host paths), or no bindfs (file owners). Not a stable API.
     */
    public void explainSemanticsOnce() {
        if (!WARNED.compareAndSet(false, true)) {
            return;
        }
        if (!store().ownershipSupported()) {
            LOG.warn("Drydock EFS: bindfs is not installed, so file owners are approximate: files created through "
                    + "an access point with a POSIX user, and by root without elasticfilesystem:ClientRootAccess, "
                    + "keep the creating process's uid/gid instead of the access point's user or 65534. Install "
                    + "bindfs (Debian: apt-get install bindfs) for EFS's ownership semantics. See docs/efs.md.");
        }
    }

    @Override
    public String diagnostics() {
        if (backend == null) {
            return "";
        }
        var summaries = backend.summaries();
        StringBuilder b = new StringBuilder();
        summaries.forEach((id, line) -> b.append("  ")
                .append(line)
                .append("; ")
                .append(store == null ? "files in " + storage.location(id) : store.describe(id))
                .append('\n'));
        return summaries.isEmpty() ? "" : "Drydock EFS file systems (" + summaries.size() + "):\n" + b;
    }

    /**
     * The EFS module of a Drydock instance, for Drydock's own fixtures, {@code EfsFiles}, tests and benchmarks. Not a
     * stable API.
     *
     * @throws dev.drydock.core.DrydockException when drydock-efs-fixtures is not on the classpath
     */
    public static EfsServiceModule of(Drydock drydock) {
        return (EfsServiceModule) drydock.service(EfsModule.class);
    }

    /** The EFS API's operations, called as the test principal: what {@code EfsFixtures} use. */
    public AdminCalls adminCalls() {
        return context.adminCalls();
    }

    /** The model, for tests. Not a stable API. */
    public EfsBackend backend() {
        return backend;
    }

    /** This machine's storage directories (what a local Linux engine's tasks bind), for tests. Not a stable API. */
    public EfsStorage storage() {
        return storage;
    }

    /**
     * Where every file system's files live, for {@code EfsFiles} and task mounts: this machine's directories when the
     * engine is a local Linux one (or the runtime is simulated), else a volume on the engine handled through a helper
     * container. Chosen on first use, which waits for the container runtime. Not a stable API.
     */
    public FileSystemStore store() {
        FileSystemStore s = store;
        if (s == null) {
            synchronized (this) {
                s = store;
                if (s == null) {
                    s = context.runtime().engine().direct()
                            ? new LocalFileSystemStore(storage)
                            : new EngineFileSystemStore(context);
                    store = s;
                }
            }
        }
        return s;
    }

    @Override
    public void close() {
        FileSystemStore s = store;
        if (s != null) {
            s.close();
        }
        if (storage != null && !(s instanceof LocalFileSystemStore)) {
            storage.close();
        }
    }
}
