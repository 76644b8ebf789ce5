package dev.drydock.junit.internal;

import dev.drydock.core.Drydock;
import dev.drydock.core.events.EventStream;
import dev.drydock.core.iam.DecisionLog;
import dev.drydock.efs.EfsFiles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.efs.EfsClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * What one test class uses: its Drydock instance, the SDK defaults pointing at it, and the clients injected into
 * it. Kept in the extension's store; JUnit closes it after the class, last created first closed. It is both a
 * {@code CloseableResource} (what JUnit 5.10-5.12 close) and {@code AutoCloseable} (what JUnit 5.13+ and 6 close);
 * closing twice is harmless.
 */
public final class ClassResources implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClassResources.class);

    /** The parameter types the extension injects. */
    public static final Set<Class<?>> INJECTABLE = Set.of(
            Drydock.class,
            DecisionLog.class,
            EventStream.class,
            EcsClient.class,
            IamClient.class,
            StsClient.class,
            EfsClient.class,
            EfsFiles.class,
            EcrClient.class);

    private final Drydock drydock;
    private final AutoCloseable sdkDefaults;
    private final Map<List<Object>, Object> clients = new LinkedHashMap<>();
    private final Set<String> declaredOn = new HashSet<>();
    private final Object owner;
    private boolean closed;

    /**
     * @param drydock the class's instance; closed with this
     * @param owner the extension instance that set the class up: the only one that resolves parameters
     */
    public ClassResources(Drydock drydock, Object owner) {
        this.drydock = drydock;
        this.owner = owner;
        this.sdkDefaults = drydock.useAsSdkDefault();
    }

    /** The extension instance that set the class up. */
    public Object owner() {
        return owner;
    }

    /** The class's Drydock instance. */
    public Drydock drydock() {
        return drydock;
    }

    /**
     * Records that the declarations of the class with this unique id were applied.
     *
     * @return {@code true} the first time for that id
     */
    public synchronized boolean markDeclaredOn(String uniqueId) {
        return declaredOn.add(uniqueId);
    }

    /**
     * The object to inject for a parameter of {@code type} (one of {@link #INJECTABLE}).
     *
     * @param actingAs for clients, the role whose session they sign as, or {@code null} for the test principal
     */
    public synchronized Object inject(Class<?> type, String actingAs) {
        if (type == Drydock.class) {
            return drydock;
        }
        if (type == DecisionLog.class) {
            return drydock.decisionLog();
        }
        if (type == EfsFiles.class) {
            return EfsFiles.of(drydock);
        }
        if (type == EventStream.class) {
            return drydock.events();
        }
        return clients.computeIfAbsent(Arrays.asList(type, actingAs), key -> {
            if (type == EcsClient.class) {
                return FastWaiters.ecs(build(EcsClient.builder(), actingAs));
            }
            if (type == IamClient.class) {
                return build(IamClient.builder(), actingAs);
            }
            if (type == StsClient.class) {
                return build(StsClient.builder(), actingAs);
            }
            if (type == EfsClient.class) {
                return build(EfsClient.builder(), actingAs);
            }
            if (type == EcrClient.class) {
                return build(EcrClient.builder(), actingAs);
            }
            throw new IllegalArgumentException("Drydock cannot inject " + type.getName());
        });
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkClient> C build(
            B builder, String actingAs) {
        return actingAs == null ? drydock.client(builder) : drydock.clientActingAs(actingAs, builder);
    }

    /** Adds Drydock's report (task timelines, container logs) to a failure, as a suppressed exception. */
    public void attachReport(Throwable failure) {
        for (Throwable s : failure.getSuppressed()) {
            if (s instanceof DrydockReport) {
                return;
            }
        }
        String report = drydock.diagnostics();
        if (!report.isBlank()) {
            failure.addSuppressed(new DrydockReport(report));
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<Object> toClose = new ArrayList<>(clients.values());
        Collections.reverse(toClose);
        for (Object c : toClose) {
            try {
                ((SdkClient) c).close();
            } catch (RuntimeException e) {
                LOG.debug("Closing an injected client failed", e);
            }
        }
        try {
            sdkDefaults.close();
        } catch (Exception e) {
            LOG.warn("Restoring the SDK's system properties failed", e);
        }
        drydock.close();
    }

    /** Drydock's state at the time of a failure, attached to it as a suppressed exception. */
    public static final class DrydockReport extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DrydockReport(String report) {
            super("Drydock state when the test failed:\n" + report, null, false, false);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }
}
