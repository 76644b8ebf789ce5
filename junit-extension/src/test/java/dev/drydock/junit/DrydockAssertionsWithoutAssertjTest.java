package dev.drydock.junit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

/** AssertJ is optional for users: without it, DrydockAssertions says what to add. */
class DrydockAssertionsWithoutAssertjTest {

    @Test
    void namesAssertjWhenItIsMissing() throws Exception {
        URL classes =
                DrydockAssertions.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader withoutAssertj =
                new URLClassLoader(new URL[] {classes}, ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> Class.forName(DrydockAssertions.class.getName(), true, withoutAssertj))
                    .isInstanceOf(NoClassDefFoundError.class)
                    .hasMessage("DrydockAssertions needs AssertJ, which Drydock does not bring: add"
                            + " org.assertj:assertj-core (3.24 or newer) to your test dependencies");
        }
    }
}
