package dev.drydock.ecr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.core.Drydock;
import dev.drydock.ecr.internal.EcrServiceModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ecr.EcrClient;

/**
 * On a real Docker engine: an image pushed by one session's {@code EcrFixtures} is not uploaded again by the next
 * session: the layer cache (in the ECR storage directory) gives the new repository the image's blobs before the push,
 * so the Docker CLI reports every layer as already there; with {@code ecr.layer-cache=off} it uploads them.
 */
class LayerCacheDockerTest {
    private static final Pattern PUSHED = Pattern.compile("(?m)^[0-9a-f]{12}: Pushed$");
    private static final Pattern EXISTS = Pattern.compile("(?m)^[0-9a-f]{12}: Layer already exists$");

    @TempDir
    Path storage;

    @TempDir
    Path context;

    @Test
    void theNextSessionFindsThePushedLayersInItsRepository() throws Exception {
        writeContext();
        String tag = "v" + UUID.randomUUID().toString().substring(0, 8);
        try (Drydock first = session("on")) {
            first.apply(EcrFixtures.repository("app").buildImage(context.toString(), tag));
        }
        String local = "drydock-test/layer-cache:" + tag;
        String image = null;
        try (Drydock second = session("on")) {
            image = second.buildImage(context, local); // the same image, from the build cache
            String output = pushWithTheCli(second, local);
            assertThat(count(EXISTS, output)).as(output).isEqualTo(2); // busybox's layer and the 1 MiB one
            assertThat(count(PUSHED, output)).as(output).isZero();
        } finally {
            removeCacheImage(image);
        }
    }

    @Test
    void withoutTheCacheTheNextSessionUploadsThem() throws Exception {
        writeContext();
        String tag = "v" + UUID.randomUUID().toString().substring(0, 8);
        try (Drydock first = session("off")) {
            first.apply(EcrFixtures.repository("app").buildImage(context.toString(), tag));
        }
        assertThat(storage.resolve("layer-cache")).doesNotExist();
        String local = "drydock-test/layer-cache:" + tag;
        String image = null;
        try (Drydock second = session("off")) {
            image = second.buildImage(context, local);
            String output = pushWithTheCli(second, local);
            assertThat(count(PUSHED, output)).as(output).isEqualTo(2);
        } finally {
            removeCacheImage(image);
        }
    }

    private Drydock session(String cache) {
        return Drydock.builder()
                .setting("ecr.storage-directory", storage.toString())
                .setting("ecr.layer-cache", cache)
                .start();
    }

    /** What deploy code would do with the CLI after Drydock's fixture gave the repository the cached blobs. */
    private static String pushWithTheCli(Drydock drydock, String local) throws Exception {
        EcrServiceModule ecr = EcrServiceModule.of(drydock);
        try (EcrClient client = drydock.client(EcrClient.builder());
                DockerCli docker = new DockerCli()) {
            client.createRepository(r -> r.repositoryName("app"));
            ecr.reuseCachedLayers("app", drydock.runtime().inspectImage(local).orElseThrow());
            String target = ecr.registryHost() + "/app:again";
            assertThat(docker.login(ecr.registryHost(), ecr.testPrincipalPassword())
                            .exitCode())
                    .isZero();
            docker.tag(local, target);
            return docker.ok("push", target);
        }
    }

    /** The build cache image of this test's temporary context, which no later build will replace. */
    private static void removeCacheImage(String id) throws Exception {
        if (id != null) {
            try (DockerCli docker = new DockerCli()) {
                docker.run(null, "rmi", "-f", id);
            }
        }
    }

    private void writeContext() throws Exception {
        byte[] payload = new byte[1024 * 1024];
        new Random(11).nextBytes(payload);
        Files.write(context.resolve("payload"), payload);
        Files.writeString(context.resolve("Dockerfile"), "FROM drydock/busybox:1.35-local\nCOPY payload /payload\n");
    }

    private static int count(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
