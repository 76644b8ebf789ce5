package dev.drydock.junit;

import dev.drydock.core.Drydock;
import dev.drydock.core.DrydockException;
import dev.drydock.core.Fixture;
import dev.drydock.junit.internal.ClassResources;
import dev.drydock.junit.internal.Plugins;
import dev.drydock.junit.spi.AnnotationBinding;
import dev.drydock.junit.spi.Injectable;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;
import org.opentest4j.TestAbortedException;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * The JUnit Jupiter extension behind {@link EcsCluster} and {@link FargateService}: before the first test of a
 * class it starts a {@link Drydock} instance and creates what the class declares; after the last it stops every
 * task and removes every container, network and volume, also when tests failed.
 *
 * <p>While the class runs:
 * <ul>
 *   <li>parameters of type {@link EcsClient}, {@code EfsClient}, {@code IamClient} and {@code StsClient} (on test
 *       methods, lifecycle methods and constructors) receive a real SDK v2 client configured for Drydock, signing as the administrator
 *       test principal, or as a session of a role with {@link ActingAs}; injected ECS clients' waiters poll every
 *       200 ms rather than the SDK's 6-15 s;</li>
 *   <li>parameters of type {@code EcrClient} likewise (with {@link EcrRepository});</li>
 *   <li>parameters of type {@link Drydock} and {@link dev.drydock.core.iam.DecisionLog} receive the instance and its
 *       log of IAM decisions (assert on it with {@link DrydockAssertions}); parameters of type
 *       {@code dev.drydock.efs.EfsFiles} the files of the {@link EfsFileSystem}s; parameters of type
 *       {@link dev.drydock.core.events.EventStream} receive its EventBridge-format events, to subscribe to or
 *       await;</li>
 *   <li>{@link DrydockSetting} annotations configure the instance, e.g. the simulated runtime for the class;</li>
 *   <li>clients that application code builds from the SDK defaults ({@code EcsClient.create()}) reach Drydock too:
 *       the SDK's system properties ({@code aws.endpointUrl}, {@code aws.region}, {@code aws.accessKeyId} ...) point
 *       at it, and are restored afterwards. System properties are global, so test classes using Drydock must not run
 *       in parallel in one JVM;</li>
 *   <li>when a test or lifecycle method fails, the failure carries Drydock's report as a suppressed exception: each
 *       task's state timeline, the last lines of its containers' logs and the last IAM decisions (of the whole
 *       class so far, not only of the failing test), with the link to the HTML report. Skipped tests (failed
 *       assumptions) get none, nor do failures when there is nothing to report;</li>
 *   <li>after the class, Drydock writes its HTML report, {@code target/drydock-reports/<class name>.html} (one
 *       self-contained file: per service a timeline of every task's states with the deployments and events, the IAM
 *       decisions with allowed/denied filters, container logs, the declared resources), and logs its location; the
 *       settings {@code report.directory} and {@code report=off} change or stop that;</li>
 *   <li>a class marked {@link DisabledWithoutDocker} is skipped, not failed, when no Docker engine answers.</li>
 * </ul>
 *
 * <p>Nested test classes share their enclosing class's instance; annotations on a nested class add to it (and stay
 * for the rest of the enclosing class), and may repeat but not change what an enclosing class declares.
 * Registered programmatically in a static field ({@code @RegisterExtension static DrydockExtension drydock =
 * DrydockExtension.builder()...build();}) it adds fixtures and settings to what the annotations declare: however many
 * times the extension is registered on a class, there is one instance, started with the settings of every
 * registration, and every declaration is applied once. A registration on a method or in an instance field does not
 * start Drydock; injecting then fails with an error that says so. With {@code @TestInstance(PER_CLASS)}, Drydock
 * starts before the test instance is constructed, so constructors can take injected clients too.
 */
public final class DrydockExtension
        implements ExecutionCondition,
                BeforeAllCallback,
                AfterAllCallback,
                TestWatcher,
                TestInstancePreConstructCallback,
                ParameterResolver,
                TestExecutionExceptionHandler,
                LifecycleMethodExecutionExceptionHandler {
    private static final Namespace NAMESPACE = Namespace.create(DrydockExtension.class);
    private static final String RESOURCES = "resources";

    private final List<Fixture> fixtures;
    private final Map<String, String> settings;
    private final boolean disabledWithoutDocker;

    /** The extension as {@code @ExtendWith} and the annotations create it. */
    public DrydockExtension() {
        this(List.of(), Map.of(), false);
    }

    private DrydockExtension(List<Fixture> fixtures, Map<String, String> settings, boolean disabledWithoutDocker) {
        this.fixtures = List.copyOf(fixtures);
        this.settings = Map.copyOf(settings);
        this.disabledWithoutDocker = disabledWithoutDocker;
    }

    /** Starts configuring an extension for {@code @RegisterExtension}. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Disables a top-level class marked {@link DisabledWithoutDocker} (or registered with
     * {@link Builder#disabledWithoutDocker()}) when its runtime is Docker and no engine answers, unless the setting
     * {@code docker.required} is {@code true}; every other class and method is enabled here.
     */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<Class<?>> testClass = context.getTestClass();
        if (context.getTestMethod().isPresent()
                || testClass.isEmpty()
                || testClass.get().getEnclosingClass() != null
                        && resources(context).isPresent()) {
            return ConditionEvaluationResult.enabled("Drydock decides per top-level class");
        }
        List<DrydockExtension> registered = registeredOn(testClass.get());
        boolean optedIn = AnnotationSupport.isAnnotated(testClass.get(), DisabledWithoutDocker.class)
                || disabledWithoutDocker
                || registered.stream().anyMatch(e -> e.disabledWithoutDocker);
        if (!optedIn) {
            return ConditionEvaluationResult.enabled("not @DisabledWithoutDocker");
        }
        Drydock.Builder builder = Drydock.builder();
        mergedSettings(testClass.get(), registered).forEach(builder::setting);
        Optional<String> unavailable = builder.dockerUnavailable();
        if (unavailable.isEmpty()) {
            return ConditionEvaluationResult.enabled("a Docker engine answers, or the class needs none");
        }
        if (Boolean.parseBoolean(builder.settingValue("docker.required").orElse("false"))) {
            return ConditionEvaluationResult.enabled(
                    "docker.required is true: the class runs, and fails without Docker");
        }
        return ConditionEvaluationResult.disabled(testClass.get().getSimpleName() + " is @DisabledWithoutDocker and "
                + "no Docker engine answers, so it is skipped (set drydock.docker.required=true to fail instead): "
                + unavailable.get());
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        setUp(context);
    }

    /**
     * After the last test of the class that started Drydock (not of a nested class), writes the class's HTML report
     * ({@code target/drydock-reports/<class>.html} unless the settings {@code report.directory} or {@code report=off}
     * say otherwise) and logs where it is.
     */
    @Override
    public void afterAll(ExtensionContext context) {
        resources(context).filter(r -> r.owner() == this && r.setUpBy(context)).ifPresent(ClassResources::writeReport);
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
        outcome(context, 0);
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        outcome(context, 1);
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        outcome(context, 2);
    }

    @Override
    public void testDisabled(ExtensionContext context, Optional<String> reason) {
        outcome(context, 3);
    }

    /** Counts a test's outcome for the report, once however many times the extension is registered. */
    private void outcome(ExtensionContext context, int kind) {
        resources(context).filter(r -> r.owner() == this).ifPresent(r -> r.outcome(kind));
    }

    /**
     * With {@code @TestInstance(PER_CLASS)} JUnit constructs the test instance before the before-all callbacks; set
     * up now, so that its constructor can take injected clients and application code in it finds Drydock.
     */
    @Override
    public void preConstructTestInstance(TestInstanceFactoryContext factoryContext, ExtensionContext context) {
        if (context.getTestMethod().isEmpty()
                && context.getTestClass().isPresent()
                && context.getTestInstanceLifecycle().orElse(Lifecycle.PER_METHOD) == Lifecycle.PER_CLASS) {
            setUp(context);
        }
    }

    /**
     * Applies what a test class declares, once per class however many times the extension is registered on it (the
     * annotations register it; {@code @RegisterExtension} may register more instances): the first call for a class
     * starts Drydock with the settings of every registered instance and applies the annotations' fixtures, then the
     * builders' fixtures; a nested class adds its own to its enclosing class's instance.
     */
    private void setUp(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        synchronized (DrydockExtension.class) {
            ClassResources resources = store.get(RESOURCES, ClassResources.class);
            if (resources != null && !resources.markDeclaredOn(context.getUniqueId())) {
                return; // already set up for this class, by another registration of the extension
            }
            List<DrydockExtension> registered = registeredOn(testClass);
            try {
                List<Fixture> declared = new ArrayList<>();
                if (resources == null) {
                    if (registered.stream().noneMatch(r -> r == this)) {
                        registered.add(0, this); // registered some other way, e.g. by the annotations
                    }
                    Drydock.Builder builder = Drydock.builder();
                    mergedSettings(testClass, registered).forEach(builder::setting);
                    declared.addAll(declaredFixtures(testClass));
                    resources = new ClassResources(
                            builder.start(), this, context, ClassResources.reportFile(testClass, builder));
                    store.put(RESOURCES, resources);
                    resources.markDeclaredOn(context.getUniqueId());
                } else {
                    // a nested class: its own declarations add to the enclosing class's instance (this may be an
                    // enclosing class's registration: those were applied already)
                    for (DrydockExtension e : registered) {
                        if (!e.settings.isEmpty()) {
                            throw new DrydockException("DrydockExtension.builder().setting(...) on the @Nested class "
                                    + testClass.getName() + " cannot change the Drydock instance its enclosing class "
                                    + "already started (settings " + e.settings.keySet() + "). Register the extension "
                                    + "with its settings on the outermost test class.");
                        }
                    }
                    checkNestedSettings(testClass);
                    declared.addAll(nestedFixtures(testClass));
                }
                for (DrydockExtension e : registered) {
                    declared.addAll(e.fixtures);
                }
                for (Fixture f : declared) {
                    resources.drydock().apply(f);
                }
            } catch (DrydockException e) {
                throw new DrydockException(
                        testClass.getSimpleName() + ": " + e.getMessage(), e.getCause() != null ? e.getCause() : e);
            }
        }
    }

    /**
     * The instances of this extension registered on {@code testClass} through static {@code @RegisterExtension}
     * fields (of the class and its superclasses, top down; not of enclosing classes).
     */
    private static List<DrydockExtension> registeredOn(Class<?> testClass) {
        List<DrydockExtension> result = new ArrayList<>();
        List<Field> fields = ReflectionSupport.findFields(
                testClass,
                f -> Modifier.isStatic(f.getModifiers()) && f.isAnnotationPresent(RegisterExtension.class),
                HierarchyTraversalMode.TOP_DOWN);
        for (Field field : fields) {
            Object value = ReflectionSupport.tryToReadFieldValue(field, null)
                    .toOptional()
                    .orElse(null);
            if (value instanceof DrydockExtension e && result.stream().noneMatch(r -> r == e)) {
                result.add(e);
            }
        }
        return result;
    }

    /**
     * The settings of the class's {@link DrydockSetting} annotations and of every registration; refuses two that set
     * one key differently.
     */
    private static Map<String, String> mergedSettings(Class<?> testClass, List<DrydockExtension> registered) {
        Map<String, String> merged = annotatedSettings(testClass);
        for (DrydockExtension e : registered) {
            e.settings.forEach((key, value) -> {
                String previous = merged.putIfAbsent(key, value);
                if (previous != null && !previous.equals(value)) {
                    throw new DrydockException("Two DrydockExtension registrations on " + testClass.getName() + " set "
                            + "'" + key + "' differently ('" + previous + "' and '" + value + "'). Register one "
                            + "DrydockExtension with all the settings.");
                }
            });
        }
        return merged;
    }

    /** The {@link DrydockSetting} annotations of a class; refuses two that set one key differently. */
    private static Map<String, String> annotatedSettings(Class<?> testClass) {
        Map<String, String> result = new LinkedHashMap<>();
        for (DrydockSetting d : AnnotationSupport.findRepeatableAnnotations(testClass, DrydockSetting.class)) {
            String previous = result.putIfAbsent(d.key(), d.value());
            if (previous != null && !previous.equals(d.value())) {
                throw new DrydockException("@DrydockSetting(key = \"" + d.key() + "\") is declared twice on "
                        + testClass.getName() + ", differently ('" + previous + "' and '" + d.value() + "'). Remove "
                        + "one of them.");
            }
        }
        return result;
    }

    /** Refuses a nested class's {@link DrydockSetting} that differs from what its enclosing classes declare. */
    private static void checkNestedSettings(Class<?> testClass) {
        Map<String, String> enclosing = new LinkedHashMap<>();
        for (Class<?> c = testClass.getEnclosingClass(); c != null; c = c.getEnclosingClass()) {
            annotatedSettings(c).forEach(enclosing::putIfAbsent);
        }
        annotatedSettings(testClass).forEach((key, value) -> {
            if (!value.equals(enclosing.get(key))) {
                throw new DrydockException("@DrydockSetting(key = \"" + key + "\", value = \"" + value + "\") on the "
                        + "@Nested class " + testClass.getName() + " cannot change the Drydock instance its enclosing "
                        + "class already started. Put the setting on the outermost test class.");
            }
        });
    }

    /**
     * A nested class's own declarations, less those its enclosing classes already applied; one that declares the same
     * resource differently is refused (it could not change the running resource).
     */
    private static List<Fixture> nestedFixtures(Class<?> testClass) {
        Map<String, Declaration> enclosing = new LinkedHashMap<>();
        for (Class<?> c = testClass.getEnclosingClass(); c != null; c = c.getEnclosingClass()) {
            for (Declaration d : declarations(c)) {
                enclosing.putIfAbsent(d.resource(), d);
            }
        }
        List<Fixture> result = new ArrayList<>();
        for (Declaration d : declarations(testClass)) {
            Declaration outer = enclosing.get(d.resource());
            if (outer == null) {
                result.add(d.fixture());
            } else if (!outer.annotation().equals(d.annotation())) {
                throw new DrydockException(d.resource() + " is declared differently on the @Nested class ("
                        + simpleName(d.annotation()) + ") than on its enclosing class ("
                        + simpleName(outer.annotation())
                        + "). A nested class adds to its enclosing class's Drydock instance and cannot change what that "
                        + "declares: give the nested one another name, or remove it.");
            }
        }
        return result;
    }

    /** Fixtures from the annotations on the class; see {@link #declarations(Class)}. */
    private static List<Fixture> declaredFixtures(Class<?> testClass) {
        return declarations(testClass).stream().map(Declaration::fixture).toList();
    }

    /** One declared resource: its identity (e.g. {@code @EcsCluster(name = "shop")}), the annotation, the fixture. */
    private record Declaration(String resource, Annotation annotation, Fixture fixture) {}

    /**
     * The annotations on the class, its superclasses and composed annotations, as the plug-ins bind them, in the order
     * their stages say (roles first: task definitions name them; then file systems and repositories, which tasks mount
     * and pull; then clusters; then services). Identical declarations count once; different ones of one resource are
     * refused; an annotation whose module is missing is refused with the artifact to add.
     */
    private static List<Declaration> declarations(Class<?> testClass) {
        Plugins plugins = Plugins.get();
        plugins.checkModules(testClass);
        Map<String, Declaration> result = new LinkedHashMap<>();
        for (AnnotationBinding<?> binding : plugins.bindings()) {
            addAll(result, testClass, binding);
        }
        return List.copyOf(result.values());
    }

    private static <A extends Annotation> void addAll(
            Map<String, Declaration> result, Class<?> testClass, AnnotationBinding<A> binding) {
        for (A a : AnnotationSupport.findRepeatableAnnotations(testClass, binding.type())) {
            add(
                    result,
                    new Declaration(
                            binding.resource().apply(a), a, binding.fixture().apply(a)),
                    binding.uniqueness());
        }
    }

    /** Adds a declaration; refuses two different declarations of one resource (identical ones count once). */
    private static void add(Map<String, Declaration> declarations, Declaration d, String rule) {
        Declaration previous = declarations.putIfAbsent(d.resource(), d);
        if (previous != null && !previous.annotation().equals(d.annotation())) {
            throw new DrydockException(d.resource() + " is declared twice, differently: "
                    + simpleName(previous.annotation()) + " and " + simpleName(d.annotation()) + "; " + rule
                    + ". Remove one of them, or give it another name.");
        }
    }

    private static String simpleName(Annotation a) {
        return a.toString()
                .replace(
                        "@" + a.annotationType().getName(),
                        "@" + a.annotationType().getSimpleName());
    }

    // ------------------------------------------------------------------------------------ parameter injection

    /**
     * Claims parameters of the injectable types. When the extension is registered several times on a class
     * (annotations plus {@code @RegisterExtension}), only the instance that set the class up answers, so JUnit does
     * not see competing resolvers.
     */
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        if (Plugins.get().injectable(parameter.getParameter().getType()).isEmpty()) {
            return false;
        }
        Optional<ClassResources> resources = resources(context);
        if (resources.isPresent()) {
            return resources.get().owner() == this;
        }
        // not set up (registered only on a method, or in an instance field): the first instance asked answers,
        // with an error that says what to do
        Object claimant = context.getStore(NAMESPACE)
                .getOrComputeIfAbsent(
                        List.of("unresolvable", parameter.getDeclaringExecutable(), parameter.getIndex()), k -> this);
        return claimant == this;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ClassResources resources = resources(context)
                .orElseThrow(() -> new ParameterResolutionException("Drydock is not running for "
                        + context.getDisplayName() + ", so it cannot inject "
                        + parameter.getParameter() + ". Annotate the test class with @EcsCluster, @FargateService "
                        + "or @IamRole, or register DrydockExtension on the class (@ExtendWith(DrydockExtension.class)"
                        + " on the class, or @RegisterExtension on a static field), not on a method or an instance "
                        + "field."));
        Injectable<?> injectable =
                Plugins.get().injectable(parameter.getParameter().getType()).orElseThrow();
        Optional<ActingAs> actingAs = parameter.findAnnotation(ActingAs.class);
        if (actingAs.isPresent() && !injectable.client()) {
            throw new ParameterResolutionException("@ActingAs applies to injected clients (EcsClient, IamClient, "
                    + "StsClient), not to " + parameter.getParameter() + ". Remove it from that parameter.");
        }
        return resources.inject(injectable, actingAs.map(ActingAs::value).orElse(null));
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
    public void handleAfterAllMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        throw withReport(context, throwable);
    }

    private static Throwable withReport(ExtensionContext context, Throwable throwable) {
        if (throwable instanceof TestAbortedException) {
            return throwable; // an assumption failed: the test was skipped, nothing to diagnose
        }
        resources(context).ifPresent(r -> r.attachReport(throwable));
        return throwable;
    }

    /** Builds a {@link DrydockExtension} for {@code @RegisterExtension}. */
    public static final class Builder {
        private final List<Fixture> fixtures = new ArrayList<>();
        private final Map<String, String> settings = new LinkedHashMap<>();
        private boolean disabledWithoutDocker;

        private Builder() {}

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

        /** Skips the class when no Docker engine answers, as {@link DisabledWithoutDocker} does. */
        public Builder disabledWithoutDocker() {
            disabledWithoutDocker = true;
            return this;
        }

        /** The extension, for a static {@code @RegisterExtension} field. */
        public DrydockExtension build() {
            return new DrydockExtension(fixtures, settings, disabledWithoutDocker);
        }
    }
}
