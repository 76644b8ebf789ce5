package dev.drydock.core.internal.docker;

import dev.drydock.core.runtime.ContainerRuntime;
import dev.drydock.core.spi.Labels;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes what crashed Drydock sessions left on the engine: every object labelled with a session whose owning JVM
 * ran on this host and no longer runs (its pid is gone, or now belongs to a process that started at another time).
 * Sessions of live JVMs and of other hosts are left alone.
 */
public final class SessionSweeper {
    private static final Logger LOG = LoggerFactory.getLogger(SessionSweeper.class);
    private static final String HOST_NAME = resolveHostName();

    private SessionSweeper() {}

    /** The host name stamped on every object, to tell this machine's sessions from others'. */
    public static String hostName() {
        return HOST_NAME;
    }

    /**
     * Sweeps the sessions of dead JVMs on this host.
     *
     * @return the session ids swept
     */
    public static Set<String> sweepDeadSessions(ContainerRuntime runtime) {
        Set<String> dead = new TreeSet<>();
        for (Map<String, String> labels : runtime.labelledObjects(Map.of(Labels.DRYDOCK, "true"))) {
            String session = labels.get(Labels.SESSION);
            if (session != null && HOST_NAME.equals(labels.get(Labels.HOST)) && !Labels.ownerAlive(labels)) {
                dead.add(session);
            }
        }
        for (String session : dead) {
            int removed = runtime.removeLabelled(Map.of(Labels.SESSION, session));
            LOG.info("Removed {} Docker objects left by crashed Drydock session {}", removed, session);
        }
        return dead;
    }

    private static String resolveHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String env = System.getenv("HOSTNAME");
            return env == null ? "unknown-host" : env;
        }
    }
}
