package dev.drydock.junit;

import dev.drydock.core.Drydock;
import dev.drydock.core.DrydockException;
import dev.drydock.core.Fixture;
import dev.drydock.core.IamFixtures;
import dev.drydock.ecs.EcsFixtures;
import dev.drydock.junit.internal.ClassResources;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.platform.commons.support.AnnotationSupport;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * The JUnit Jupiter extension behind {@link EcsCluster} and {@link FargateService}: before the first test of a
 * class it starts a {@link Drydock} instance and creates what the class declares; after the last it stops every
 * task and removes every container, network and volume, also when tests failed.
 *
 * <p>While the class runs:
 * <ul>
 *   <li>parameters of type {@link EcsClient}, {@code IamClient} and {@code StsClient} (on test methods, lifecycle
 *       methods and constructors) receive a real SDK v2 client configured for Drydock, signing as the administrator
 *       test principal, or as a session of a role with {@link ActingAs}; injected ECS clients' waiters poll every
 *       200 ms rather than the SDK's 6-15 s;</li>
 *   <li>parameters of type {@link Drydock} and {@link dev.drydock.core.iam.DecisionLog} receive the instance and its
 *       log of IAM decisions (assert on it with {@link DrydockAssertions});</li>
 *   <li>clients that application code builds from the SDK defaults ({@code EcsClient.create()}) reach Drydock too:
 *       the SDK's system properties ({@code aws.endpointUrl}, {@code aws.region}, {@code aws.accessKeyId} ...) point
 *       at it, and are restored afterwards. System properties are global, so test classes using Drydock must not run
 *       in parallel in one JVM;</li>
 *   <li>when a test or lifecycle method fails, the failure carries Drydock's report as a suppressed exception: each
 *       task's state timeline and the last lines of its containers' logs.</li>
 * </ul>
 *
 * <p>Nested test classes share their enclosing class's instance; annotations on a nested class add to it.
 * Registered programmatically ({@code @RegisterExtension static DrydockExtension drydock =
 * DrydockExtension.builder()...build();}) it can add fixtures and settings to what the annotations declare.
 */
public final class DrydockExtension implements BeforeAllCallback, ParameterResolver, TestExecutionExceptionHandler,
        LifecycleMethodExecutionExceptionHandler {
    private static final Namespace NAMESPACE = Namespace.create(DrydockExtension.class);
    private static final String RESOURCES = "resources";

    private final List<Fixture> fixtures;
    private final Map<String, String> settings;

    /** The extension as {@code @ExtendWith} and the annotations create it. */
    public DrydockExtension() {
        this(List.of(), Map.of());
    }

    private DrydockExtension(List<Fixture> fixtures, Map<String, String> settings) {
        this.fixtures = List.copyOf(fixtures);
        this.settings = Map.copyOf(settings);
    }

    /** Starts configuring an extension for {@code @RegisterExtension}. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        ClassResources resources = store.get(RESOURCES, ClassResources.class);
        List<Fixture> declared;
        if (resources == null) {
            Drydock.Builder builder = Drydock.builder();
            settings.forEach(builder::setting);
            resources = new ClassResources(builder.start());
            store.put(RESOURCES, resources);
            declared = declaredFixtures(testClass);
        } else if (resources.markDeclaredOn(context.getUniqueId())) {
            // a nested class: its own annotations add to the enclosing class's instance
            declared = declaredFixtures(testClass).stream().filter(f -> !enclosingDeclares(testClass, f)).toList();
        } else {
            // a second registration of the extension on the same class (annotations plus @RegisterExtension)
            declared = List.of();
        }
        resources.markDeclaredOn(context.getUniqueId());
        try {
            for (Fixture f : declared) {
                resources.drydock().apply(f);
            }
            for (Fixture f : fixtures) {
                resources.drydock().apply(f);
            }
        } catch (DrydockException e) {
            throw new DrydockException(testClass.getSimpleName() + ": " + e.getMessage(), e.getCause());
        }
    }

    private static boolean enclosingDeclares(Class<?> testClass, Fixture fixture) {
        for (Class<?> c = testClass.getEnclosingClass(); c != null; c = c.getEnclosingClass()) {
            for (Fixture f : declaredFixtures(c)) {
                if (f.describe().equals(fixture.describe())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Fixtures from the annotations on the class, its superclasses and composed annotations: roles first (task
     * definitions name them), then clusters, then services.
     */
    private static List<Fixture> declaredFixtures(Class<?> testClass) {
        List<Fixture> result = new ArrayList<>();
        for (IamRole r : AnnotationSupport.findRepeatableAnnotations(testClass, IamRole.class)) {
            result.add(role(r));
        }
        for (EcsCluster c : AnnotationSupport.findRepeatableAnnotations(testClass, EcsCluster.class)) {
            result.add(cluster(c));
        }
        for (FargateService s : AnnotationSupport.findRepeatableAnnotations(testClass, FargateService.class)) {
            result.add(service(s));
        }
        return result;
    }

    private static Fixture role(IamRole r) {
        IamFixtures.RoleFixture fixture = IamFixtures.role(r.name()).path(r.path());
        for (String policy : r.policy()) {
            fixture.policy(policy);
        }
        for (String arn : r.managedPolicies()) {
            fixture.managedPolicy(arn);
        }
        if (!r.permissionsBoundary().isEmpty()) {
            fixture.permissionsBoundary(r.permissionsBoundary());
        }
        if (!r.trustPolicy().isEmpty()) {
            fixture.trustPolicy(r.trustPolicy());
        }
        return fixture.describedAs("@IamRole(name = \"" + r.name() + "\")");
    }

    private static Fixture cluster(EcsCluster c) {
        return EcsFixtures.cluster(c.name()).describedAs("@EcsCluster(name = \"" + c.name() + "\")");
    }

    private static Fixture service(FargateService s) {
        String description = "@FargateService(cluster = \"" + s.cluster() + "\", name = \"" + s.name()
                + "\", taskDefinition = \"" + s.taskDefinition() + "\")";
        if (s.desiredCount() < 0) {
            throw new DrydockException(description + ": desiredCount is " + s.desiredCount()
                    + "; it must be 0 or more.");
        }
        var fixture = EcsFixtures.fargateService(s.cluster(), s.name(), s.taskDefinition())
                .desiredCount(s.desiredCount());
        if (s.subnets().length > 0) {
            fixture.subnets(s.subnets());
        }
        return fixture.describedAs(description);
    }

    // ------------------------------------------------------------------------------------ parameter injection

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return ClassResources.INJECTABLE.contains(type) && resources(context).isPresent();
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ClassResources resources = resources(context).orElseThrow(() -> new ParameterResolutionException(
                "Drydock is not running for " + context.getDisplayName() + ": annotate the test class with "
                        + "@EcsCluster (or another Drydock annotation) to inject " + parameter.getParameter()));
        String role = parameter.findAnnotation(ActingAs.class).map(ActingAs::value).orElse(null);
        return resources.inject(parameter.getParameter().getType(), role);
    }

    private static Optional<ClassResources> resources(ExtensionContext context) {
        return Optional.ofNullable(context.getStore(NAMESPACE).get(RESOURCES, ClassResources.class));
    }

    // ------------------------------------------------------------------------------------------ failure report

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        throw withReport(context, throwable);
    }

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable throwable)
            throws Throwable {
        throw withReport(context, throwable);
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable throwable)
            throws Throwable {
        throw withReport(context, throwable);
    }

    @Override
    public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable throwable)
            throws Throwable {
        throw withReport(context, throwable);
    }

    @Override
    public void handleAfterAllMethodExecutionException(ExtensionContext context, Throwable throwable)
            throws Throwable {
        throw withReport(context, throwable);
    }

    private static Throwable withReport(ExtensionContext context, Throwable throwable) {
        resources(context).ifPresent(r -> r.attachReport(throwable));
        return throwable;
    }

    /** Builds a {@link DrydockExtension} for {@code @RegisterExtension}. */
    public static final class Builder {
        private final List<Fixture> fixtures = new ArrayList<>();
        private final Map<String, String> settings = new LinkedHashMap<>();

        private Builder() {
        }

        /** Infrastructure to create after what the annotations declare, in the order added. */
        public Builder fixture(Fixture fixture) {
            fixtures.add(fixture);
            return this;
        }

        /** A configuration value, as the system property {@code drydock.<key>} would set it. */
        public Builder setting(String key, String value) {
            settings.put(key, value);
            return this;
        }

        public DrydockExtension build() {
            return new DrydockExtension(fixtures, settings);
        }
    }
}
