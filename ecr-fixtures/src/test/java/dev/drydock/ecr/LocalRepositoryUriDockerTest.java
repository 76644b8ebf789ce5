package dev.drydock.ecr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.core.Drydock;
import dev.drydock.core.DrydockException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.AuthorizationData;
import software.amazon.awssdk.services.ecr.model.Repository;

/**
 * {@code ecr.repository-uri=local}: deploy code that logs in to {@code proxyEndpoint} and pushes to the
 * {@code repositoryUri} the API returns, with the real Docker CLI, reaches Drydock's registry without knowing it.
 */
class LocalRepositoryUriDockerTest {

    @Test
    void deployCodeUsingOnlyTheApisAnswersPushesIntoDrydock() throws Exception {
        try (Drydock drydock =
                        Drydock.builder().setting("ecr.repository-uri", "local").start();
                EcrClient ecr = drydock.client(EcrClient.builder());
                DockerCli docker = new DockerCli()) {
            String registry = drydock.service(EcrModule.class).registryHost();

            // what a deploy script does: create (or describe) the repository, log in, tag, push
            Repository repo =
                    ecr.createRepository(r -> r.repositoryName("shop/orders")).repository();
            AuthorizationData auth =
                    ecr.getAuthorizationToken().authorizationData().get(0);
            assertThat(repo.repositoryUri()).isEqualTo(registry + "/shop/orders");
            assertThat(auth.proxyEndpoint()).isEqualTo("https://" + registry);
            assertThat(ecr.describeRepositories(r -> r.repositoryNames("shop/orders"))
                            .repositories()
                            .get(0)
                            .repositoryUri())
                    .isEqualTo(repo.repositoryUri());

            String password = new String(Base64.getDecoder().decode(auth.authorizationToken()), StandardCharsets.UTF_8)
                    .substring("AWS:".length());
            assertThat(docker.login(auth.proxyEndpoint(), password).output()).contains("Login Succeeded");
            docker.tag(RegistryDockerTest.BASE_IMAGE, repo.repositoryUri() + ":v1");
            String push = docker.ok("push", repo.repositoryUri() + ":v1");
            assertThat(push).contains("v1: digest: sha256:");

            assertThat(ecr.describeImages(r -> r.repositoryName("shop/orders"))
                            .imageDetails()
                            .get(0)
                            .imageTags())
                    .containsExactly("v1");
            // both forms of the image URI name this registry's image
            EcrModule module = drydock.service(EcrModule.class);
            assertThat(module.localReference(repo.repositoryUri() + ":v1")).isEqualTo(registry + "/shop/orders:v1");
            assertThat(module.localReference(
                            drydock.accountId() + ".dkr.ecr." + drydock.region() + ".amazonaws.com/shop/orders:v1"))
                    .isEqualTo(registry + "/shop/orders:v1");
        }
    }

    @Test
    void theDefaultIsAwsForm() {
        try (Drydock drydock = Drydock.builder().setting("runtime", "simulated").start();
                EcrClient ecr = drydock.client(EcrClient.builder())) {
            assertThat(ecr.createRepository(r -> r.repositoryName("orders"))
                            .repository()
                            .repositoryUri())
                    .isEqualTo("123456789012.dkr.ecr.us-east-1.amazonaws.com/orders");
            assertThat(ecr.getAuthorizationToken().authorizationData().get(0).proxyEndpoint())
                    .isEqualTo("https://123456789012.dkr.ecr.us-east-1.amazonaws.com");
        }
    }

    @Test
    void anUnknownValueIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> Drydock.builder()
                        .setting("runtime", "simulated")
                        .setting("ecr.repository-uri", "127.0.0.1")
                        .start())
                .isInstanceOf(DrydockException.class)
                .hasMessageContaining("ecr.repository-uri is '127.0.0.1'")
                .hasMessageContaining("'local'");
    }
}
