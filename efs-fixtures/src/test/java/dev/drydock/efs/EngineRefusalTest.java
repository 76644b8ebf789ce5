package dev.drydock.efs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.core.Drydock;
import dev.drydock.core.DrydockException;
import dev.drydock.core.runtime.ContainerRuntime;
import dev.drydock.core.runtime.ContainerSpec;
import dev.drydock.core.runtime.RuntimeFailure;
import dev.drydock.core.spi.Labels;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An engine that refuses the privileges Drydock's EFS helper asks for on engines whose host the JVM does not share
 * (CAP_SYS_ADMIN and /dev/fuse, for bindfs ownership views), as an engine with an authorization plugin, a rootless
 * engine or a locked-down CI service does: the first EFS use fails at once naming the engine, what it refused and the
 * setting that runs without them ({@code drydock.efs.ownership=off}), which then works on the same engine. The real
 * engine with every request passed on, except that privileged containers are refused with the error an authorization
 * plugin gives; the remote topology (Drydock's helper) on the local engine.
 */
class EngineRefusalTest {
    /** What Docker answers when an authorization plugin refuses a request (the plugin's name, its reason). */
    static final String REFUSAL =
            "authorization denied by plugin drydock-test-authz: privileged containers are not allowed";

    private static Drydock.Builder onAnEngineRefusingPrivileges() {
        return Drydock.builder()
                .setting("engine.topology", "remote")
                .setting("helper.image", "drydock/helper:local")
                // published ports of the local engine answer on this machine's loopback address
                .setting("engine.host", "127.0.0.1")
                .runtime(() -> refusingPrivileges(ContainerRuntime.docker()))
                .fixture(EfsFixtures.fileSystem("uploads"));
    }

    @Test
    void theFirstEfsUseFailsNamingTheEngineWhatItRefusedAndTheSetting() {
        String session;
        try (Drydock drydock = onAnEngineRefusingPrivileges().start()) {
            session = drydock.sessionId();
            String engine = drydock.runtime().description();
            assertThatThrownBy(() -> EfsFiles.of(drydock).writeString("uploads", "/hello.txt", "hi"))
                    .isInstanceOf(DrydockException.class)
                    .hasMessageContaining("Drydock cannot serve EFS file systems on " + engine)
                    .hasMessageContaining("could not start its EFS helper container with CAP_SYS_ADMIN and /dev/fuse")
                    .hasMessageContaining(REFUSAL)
                    .hasMessageContaining("set drydock.efs.ownership=off");
        }
        assertThat(labelled(session))
                .as("Docker objects of session %s", session)
                .isZero();
    }

    @Test
    void withOwnershipOffTheSameEngineServesFileSystems() {
        String session;
        try (Drydock drydock =
                onAnEngineRefusingPrivileges().setting("efs.ownership", "off").start()) {
            session = drydock.sessionId();
            EfsFiles files = EfsFiles.of(drydock);
            files.writeString("uploads", "/hello.txt", "hi");
            assertThat(files.readString("uploads", "/hello.txt")).isEqualTo("hi");
        }
        assertThat(labelled(session))
                .as("Docker objects of session %s", session)
                .isZero();
    }

    /** The runtime, refusing to create a container with added capabilities or host devices. */
    private static ContainerRuntime refusingPrivileges(ContainerRuntime engine) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("createContainer")
                    && args[0] instanceof ContainerSpec spec
                    && (!spec.capabilitiesAdded().isEmpty() || !spec.devices().isEmpty())) {
                throw new RuntimeFailure(
                        RuntimeFailure.Kind.CONTAINER_START,
                        "create container " + spec.name() + ": Status 403: " + REFUSAL,
                        null);
            }
            try {
                return method.invoke(engine, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (ContainerRuntime) Proxy.newProxyInstance(
                ContainerRuntime.class.getClassLoader(), new Class<?>[] {ContainerRuntime.class}, handler);
    }

    private static long labelled(String session) {
        try (ContainerRuntime runtime = ContainerRuntime.docker()) {
            return runtime.labelledObjects(Map.of(Labels.SESSION, session)).size();
        }
    }
}
