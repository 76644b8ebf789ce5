package dev.drydock.junit.internal;

import dev.drydock.core.DrydockException;
import dev.drydock.junit.spi.AnnotationBinding;
import dev.drydock.junit.spi.DrydockAnnotation;
import dev.drydock.junit.spi.DrydockPlugin;
import dev.drydock.junit.spi.Injectable;
import java.lang.annotation.Annotation;
import java.lang.annotation.Repeatable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link DrydockPlugin}s on the classpath, found once with {@link ServiceLoader}: their annotations in the order
 * their fixtures apply, and their injectable types. A plug-in whose module is missing fails to load and is left out
 * (logged at DEBUG); an annotation of such a plug-in fails the test class with the artifact to add.
 */
public final class Plugins {
    private static final Logger LOG = LoggerFactory.getLogger(Plugins.class);
    private static volatile Plugins loaded;

    private final List<String> names = new ArrayList<>();
    private final List<String> unavailable = new ArrayList<>();
    private final List<AnnotationBinding<?>> bindings = new ArrayList<>();
    private final Map<Class<?>, Injectable<?>> injectables = new LinkedHashMap<>();
    private final Set<Class<? extends Annotation>> handled = new HashSet<>();

    private Plugins(ClassLoader loader) {
        List<DrydockPlugin> found = new ArrayList<>();
        Iterator<DrydockPlugin> it =
                ServiceLoader.load(DrydockPlugin.class, loader).iterator();
        while (true) {
            DrydockPlugin plugin;
            try {
                if (!it.hasNext()) {
                    break;
                }
                plugin = it.next();
                plugin.annotations();
                plugin.injectables();
            } catch (ServiceConfigurationError | LinkageError e) {
                unavailable.add(String.valueOf(e.getCause() != null ? e.getCause() : e));
                LOG.debug("A Drydock JUnit plug-in is not available (its module is not on the classpath)", e);
                continue;
            }
            found.add(plugin);
        }
        found.sort(Comparator.comparing(DrydockPlugin::name));
        for (DrydockPlugin p : found) {
            names.add(p.name());
            bindings.addAll(p.annotations());
            for (Injectable<?> i : p.injectables()) {
                if (injectables.putIfAbsent(i.type(), i) != null) {
                    throw new IllegalStateException(
                            "Two Drydock JUnit plug-ins inject " + i.type().getName());
                }
            }
        }
        // stable: within a stage, plug-ins by name, then in the order each lists its annotations
        bindings.sort(Comparator.comparing(AnnotationBinding::stage));
        for (AnnotationBinding<?> b : bindings) {
            handled.add(b.type());
            Repeatable repeatable = b.type().getAnnotation(Repeatable.class);
            if (repeatable != null) {
                handled.add(repeatable.value());
            }
        }
    }

    /** The plug-ins of the extension's class loader (found on first use). */
    public static Plugins get() {
        Plugins p = loaded;
        if (p == null) {
            synchronized (Plugins.class) {
                p = loaded;
                if (p == null) {
                    p = new Plugins(Plugins.class.getClassLoader());
                    loaded = p;
                }
            }
        }
        return p;
    }

    /** The names of the plug-ins that loaded, sorted. */
    public List<String> names() {
        return List.copyOf(names);
    }

    /** Why the plug-ins that did not load failed (for diagnostics). */
    public List<String> unavailable() {
        return List.copyOf(unavailable);
    }

    /** Every annotation binding, in the order their fixtures apply ({@link dev.drydock.junit.spi.Stage}). */
    public List<AnnotationBinding<?>> bindings() {
        return List.copyOf(bindings);
    }

    /** What injects parameters of exactly {@code type}, if a plug-in does. */
    public Optional<Injectable<?>> injectable(Class<?> type) {
        return Optional.ofNullable(injectables.get(type));
    }

    /**
     * Refuses a test class that carries a Drydock annotation no loaded plug-in handles (its module is missing).
     *
     * @throws DrydockException naming the annotation and the artifact to add
     */
    public void checkModules(Class<?> testClass) {
        Set<Class<?>> visited = new HashSet<>();
        for (Class<?> c = testClass; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Annotation a : c.getDeclaredAnnotations()) {
                check(a, visited);
            }
        }
    }

    private void check(Annotation a, Set<Class<?>> visited) {
        Class<? extends Annotation> type = a.annotationType();
        if (!visited.add(type) || type.getName().startsWith("java.lang.annotation.")) {
            return;
        }
        DrydockAnnotation marker = type.getAnnotation(DrydockAnnotation.class);
        if (marker != null && !handled.contains(type)) {
            throw new DrydockException("@" + type.getSimpleName() + " needs " + marker.module() + " on the test "
                    + "classpath: add it as a test dependency (Drydock's JUnit plug-in for it did not load"
                    + (unavailable.isEmpty() ? "" : ": " + String.join("; ", unavailable)) + ").");
        }
        for (Annotation meta : type.getDeclaredAnnotations()) {
            check(meta, visited);
        }
    }
}
