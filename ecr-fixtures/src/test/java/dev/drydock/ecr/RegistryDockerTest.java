package dev.drydock.ecr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.core.Drydock;
import dev.drydock.core.IamFixtures;
import dev.drydock.ecr.internal.EcrServiceModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.ImageDetail;
import software.amazon.awssdk.services.ecr.model.Repository;

/** The real Docker CLI and engine against Drydock's registry: login, push, pull, with ECR's view of the result. */
class RegistryDockerTest {
    static final String BASE_IMAGE = "drydock/busybox:1.35-local";
    static Drydock drydock;
    static EcrClient ecr;
    static DockerCli docker;
    static String host;

    @BeforeAll
    static void start() throws Exception {
        drydock = Drydock.builder()
                .fixture(IamFixtures.role("reader")
                        .managedPolicy("arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly"))
                .start();
        ecr = drydock.client(EcrClient.builder());
        docker = new DockerCli();
        host = drydock.service(EcrModule.class).registryHost();
    }

    @AfterAll
    static void stop() throws Exception {
        if (docker != null) {
            docker.close();
        }
        if (drydock != null) {
            drydock.close();
        }
    }

    static String password() {
        String token = ecr.getAuthorizationToken().authorizationData().get(0).authorizationToken();
        String decoded = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
        assertThat(decoded).startsWith("AWS:");
        return decoded.substring(4);
    }

    @Test
    void dockerLoginPushAndPullAnImage() {
        Repository repo =
                ecr.createRepository(r -> r.repositoryName("shop/orders")).repository();
        assertThat(repo.repositoryUri())
                .isEqualTo(drydock.accountId() + ".dkr.ecr." + drydock.region() + ".amazonaws.com/shop/orders");
        String local = drydock.service(EcrModule.class).localReference(repo.repositoryUri() + ":v1");
        assertThat(local).isEqualTo(host + "/shop/orders:v1");

        assertThat(docker.login(host, password()).output()).contains("Login Succeeded");
        docker.tag(BASE_IMAGE, local);
        String push = docker.ok("push", local);
        assertThat(push).contains("v1: digest: sha256:");
        String digest = push.substring(push.indexOf("sha256:"), push.indexOf("sha256:") + 71);

        ImageDetail detail = ecr.describeImages(r -> r.repositoryName("shop/orders"))
                .imageDetails()
                .get(0);
        assertThat(detail.imageDigest()).isEqualTo(digest);
        assertThat(detail.imageTags()).containsExactly("v1");
        assertThat(detail.imageManifestMediaType()).isEqualTo("application/vnd.docker.distribution.manifest.v2+json");
        assertThat(detail.imageSizeInBytes()).isPositive();

        docker.ok("rmi", local);
        docker.removeLater(local);
        String pull = docker.ok("pull", local);
        assertThat(pull).contains("Digest: " + digest);
        assertThat(docker.ok("image", "inspect", "--format", "{{.Id}}", local))
                .isEqualTo(docker.ok("image", "inspect", "--format", "{{.Id}}", BASE_IMAGE));
        docker.removeLater(host + "/shop/orders@" + digest);
        assertThat(docker.ok("pull", host + "/shop/orders@" + digest)).contains(digest);
    }

    @Test
    void pushingTheSameImageToASecondRepositoryMountsItsLayersAndStoresThemOnce() throws Exception {
        ecr.createRepository(r -> r.repositoryName("first"));
        ecr.createRepository(r -> r.repositoryName("second"));
        assertThat(docker.login(host, password()).exitCode()).isZero();
        docker.tag(BASE_IMAGE, host + "/first:v1");
        docker.tag(BASE_IMAGE, host + "/second:v1");
        docker.ok("push", host + "/first:v1");
        long stored = blobFiles();
        String second = docker.ok("push", host + "/second:v1");
        assertThat(second).containsAnyOf("Mounted from first", "Layer already exists");
        // the layer, the config and the manifest are stored once though two repositories hold them
        assertThat(blobFiles()).isEqualTo(stored);
        assertThat(ecr.describeImages(r -> r.repositoryName("second"))
                        .imageDetails()
                        .get(0)
                        .imageDigest())
                .isEqualTo(ecr.describeImages(r -> r.repositoryName("first"))
                        .imageDetails()
                        .get(0)
                        .imageDigest());
    }

    private static long blobFiles() throws IOException {
        var blobs = EcrServiceModule.of(drydock)
                .backend()
                .blobs()
                .root()
                .resolve("blobs")
                .resolve("sha256");
        try (var files = Files.list(blobs)) {
            return files.count();
        }
    }

    @Test
    void wrongPasswordsAndUnknownRepositoriesAreRefused() {
        assertThat(docker.login(host, "not-a-token").output()).contains("401");
        assertThat(docker.login(host, password()).exitCode()).isZero();
        docker.tag(BASE_IMAGE, host + "/missing:v1");
        DockerCli.Result push = docker.run(null, "push", host + "/missing:v1");
        assertThat(push.exitCode()).isNotZero();
        assertThat(push.output())
                .contains("The repository with name 'missing' does not exist in the registry with id '"
                        + drydock.accountId() + "'");
    }

    @Test
    void skopeoCopiesIntoAndInspectsTheRegistry() throws Exception {
        ecr.createRepository(r -> r.repositoryName("skopeo"));
        String creds = "AWS:" + password();
        Process copy = new ProcessBuilder(
                        "skopeo",
                        "copy",
                        "--dest-tls-verify=false",
                        "--dest-creds",
                        creds,
                        "docker-daemon:" + BASE_IMAGE,
                        "docker://" + host + "/skopeo:v1")
                .redirectErrorStream(true)
                .start();
        String copied = new String(copy.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(copy.waitFor()).as(copied).isZero();
        Process inspect = new ProcessBuilder(
                        "skopeo", "inspect", "--tls-verify=false", "--creds", creds, "docker://" + host + "/skopeo:v1")
                .redirectErrorStream(true)
                .start();
        String inspected = new String(inspect.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(inspect.waitFor()).as(inspected).isZero();
        String digest = ecr.describeImages(r -> r.repositoryName("skopeo"))
                .imageDetails()
                .get(0)
                .imageDigest();
        assertThat(inspected).contains("\"Digest\": \"" + digest + "\"");
    }

    @Test
    void aTokenActsAsItsPrincipalAndIamDecidesWhatItMayDo() {
        ecr.createRepository(r -> r.repositoryName("iam"));
        docker.tag(BASE_IMAGE, host + "/iam:v1");
        assertThat(docker.login(host, password()).exitCode()).isZero();
        docker.ok("push", host + "/iam:v1");

        String readerPassword;
        try (EcrClient reader = drydock.clientActingAs("reader", EcrClient.builder())) {
            String token =
                    reader.getAuthorizationToken().authorizationData().get(0).authorizationToken();
            readerPassword = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8).substring(4);
        }
        assertThat(docker.login(host, readerPassword).exitCode()).isZero();
        docker.removeLater(host + "/iam:v2");
        docker.ok("rmi", host + "/iam:v1");
        assertThat(docker.ok("pull", host + "/iam:v1")).contains("Downloaded newer image");
        docker.ok("tag", host + "/iam:v1", host + "/iam:v2");
        DockerCli.Result push = docker.run(null, "push", host + "/iam:v2");
        assertThat(push.exitCode()).isNotZero();
        assertThat(push.output())
                .contains("denied: User: arn:aws:sts::" + drydock.accountId()
                        + ":assumed-role/reader/drydock-test is not authorized to perform: ecr:");
        assertThat(drydock.decisionLog().toString()).isNotEmpty();
    }
}
