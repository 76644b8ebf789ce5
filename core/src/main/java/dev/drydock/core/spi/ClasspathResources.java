package dev.drydock.core.spi;

import dev.drydock.core.DrydockException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads the classpath files fixtures name (policies, task definitions), with errors that say where to put them. */
public final class ClasspathResources {
    private ClasspathResources() {}

    /**
     * The text of a classpath resource, from the thread's context class loader, else Drydock's.
     *
     * @param resource e.g. {@code iam/orders-task.json} (a leading {@code /} is ignored)
     * @param what what the file is, for the error, e.g. {@code policy}
     * @throws DrydockException when it is missing or unreadable
     */
    public static String read(String resource, String what) {
        String name = resource.startsWith("/") ? resource.substring(1) : resource;
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        InputStream in = loader == null ? null : loader.getResourceAsStream(name);
        if (in == null) {
            in = ClasspathResources.class.getClassLoader().getResourceAsStream(name);
        }
        if (in == null) {
            throw new DrydockException("The " + what + " file '" + resource + "' is not on the test classpath. "
                    + "Put it under src/test/resources/" + name + ".");
        }
        try (InputStream stream = in) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DrydockException("Cannot read the " + what + " file '" + resource + "': " + e, e);
        }
    }
}
