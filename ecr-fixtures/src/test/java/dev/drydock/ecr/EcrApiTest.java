package dev.drydock.ecr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.core.Drydock;
import dev.drydock.core.IamFixtures;
import dev.drydock.ecr.internal.EcrServiceModule;
import dev.drydock.ecr.internal.registry.BlobStore;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.AuthorizationData;
import software.amazon.awssdk.services.ecr.model.BatchGetImageResponse;
import software.amazon.awssdk.services.ecr.model.EcrException;
import software.amazon.awssdk.services.ecr.model.ImageAlreadyExistsException;
import software.amazon.awssdk.services.ecr.model.ImageIdentifier;
import software.amazon.awssdk.services.ecr.model.ImageNotFoundException;
import software.amazon.awssdk.services.ecr.model.ImageTagAlreadyExistsException;
import software.amazon.awssdk.services.ecr.model.InvalidLayerException;
import software.amazon.awssdk.services.ecr.model.InvalidParameterException;
import software.amazon.awssdk.services.ecr.model.LayersNotFoundException;
import software.amazon.awssdk.services.ecr.model.LifecyclePolicyNotFoundException;
import software.amazon.awssdk.services.ecr.model.Repository;
import software.amazon.awssdk.services.ecr.model.RepositoryAlreadyExistsException;
import software.amazon.awssdk.services.ecr.model.RepositoryNotEmptyException;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;
import software.amazon.awssdk.services.ecr.model.RepositoryPolicyNotFoundException;
import software.amazon.awssdk.services.ecr.model.TagStatus;
import software.amazon.awssdk.services.ecr.model.UploadNotFoundException;

/** The ECR API through the real SDK v2 EcrClient (no Docker needed). */
class EcrApiTest {
    static Drydock drydock;
    static EcrClient ecr;

    @BeforeAll
    static void start() {
        drydock = Drydock.builder()
                .setting("runtime", "simulated")
                .fixture(IamFixtures.role("reader")
                        .managedPolicy("arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly"))
                .start();
        ecr = drydock.client(EcrClient.builder());
    }

    @AfterAll
    static void stop() {
        if (drydock != null) {
            drydock.close();
        }
    }

    @Test
    void repositoriesAreCreatedDescribedAndDeleted() {
        Repository created = ecr.createRepository(
                        r -> r.repositoryName("team/api").tags(t -> t.key("env").value("test")))
                .repository();
        assertThat(created.repositoryArn()).isEqualTo("arn:aws:ecr:us-east-1:123456789012:repository/team/api");
        assertThat(created.repositoryUri()).isEqualTo("123456789012.dkr.ecr.us-east-1.amazonaws.com/team/api");
        assertThat(created.registryId()).isEqualTo("123456789012");
        assertThat(created.imageTagMutabilityAsString()).isEqualTo("MUTABLE");
        assertThat(created.encryptionConfiguration().encryptionTypeAsString()).isEqualTo("AES256");
        assertThat(ecr.describeRepositories(r -> r.repositoryNames("team/api")).repositories())
                .containsExactly(created);
        assertThat(ecr.listTagsForResource(r -> r.resourceArn(created.repositoryArn()))
                        .tags())
                .extracting(t -> t.key() + "=" + t.value())
                .containsExactly("env=test");

        assertThatThrownBy(() -> ecr.createRepository(r -> r.repositoryName("team/api")))
                .isInstanceOf(RepositoryAlreadyExistsException.class)
                .hasMessageStartingWith("The repository with name 'team/api' already exists in the registry with id "
                        + "'123456789012'");
        assertThatThrownBy(() -> ecr.createRepository(r -> r.tags(List.of())))
                .isInstanceOfSatisfying(
                        EcrException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"))
                .hasMessageStartingWith("1 validation error detected: Value null at 'repositoryName' failed to "
                        + "satisfy constraint: Member must not be null");
        assertThatThrownBy(() -> ecr.createRepository(r -> r.repositoryName("Bad_Name")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("repositoryName");
        assertThatThrownBy(() -> ecr.describeRepositories(r -> r.repositoryNames("nope")))
                .isInstanceOf(RepositoryNotFoundException.class)
                .hasMessageStartingWith(
                        "The repository with name 'nope' does not exist in the registry with id " + "'123456789012'");

        pushImage("team/api", "v1", "layer one");
        assertThatThrownBy(() -> ecr.deleteRepository(r -> r.repositoryName("team/api")))
                .isInstanceOf(RepositoryNotEmptyException.class);
        assertThat(ecr.deleteRepository(r -> r.repositoryName("team/api").force(true))
                        .repository()
                        .repositoryName())
                .isEqualTo("team/api");
        assertThatThrownBy(() -> ecr.listImages(r -> r.repositoryName("team/api")))
                .isInstanceOf(RepositoryNotFoundException.class);
    }

    @Test
    void getAuthorizationTokenAnswersAwsColonPasswordForTwelveHours() {
        AuthorizationData data = ecr.getAuthorizationToken().authorizationData().get(0);
        String decoded = new String(Base64.getDecoder().decode(data.authorizationToken()), StandardCharsets.UTF_8);
        assertThat(decoded).startsWith("AWS:").hasSizeGreaterThan(40);
        assertThat(data.proxyEndpoint()).isEqualTo("https://123456789012.dkr.ecr.us-east-1.amazonaws.com");
        assertThat(data.expiresAt()).isAfter(Instant.now().plusSeconds(11 * 3600));
    }

    @Test
    void imagesPushedThroughTheApiAreListedDescribedFetchedAndDeleted() {
        ecr.createRepository(r -> r.repositoryName("images"));
        String digest = pushImage("images", "v1", "some layer");
        ecr.putImage(r -> r.repositoryName("images").imageTag("latest").imageManifest(manifest("some layer")));

        assertThat(ecr.listImages(r -> r.repositoryName("images")).imageIds())
                .extracting(ImageIdentifier::imageTag)
                .containsExactlyInAnyOrder("latest", "v1");
        assertThat(drydock.diagnostics())
                .contains("123456789012.dkr.ecr.us-east-1.amazonaws.com/images: 1 image, " + "latest -> "
                        + digest.substring(0, 19) + ", v1 -> " + digest.substring(0, 19));
        var detail = ecr.describeImages(r -> r.repositoryName("images"))
                .imageDetails()
                .get(0);
        assertThat(detail.imageDigest()).isEqualTo(digest);
        assertThat(detail.imageTags()).containsExactly("latest", "v1");
        assertThat(detail.imageSizeInBytes()).isEqualTo("some layer".length());
        assertThat(detail.artifactMediaType()).isEqualTo("application/vnd.docker.container.image.v1+json");

        BatchGetImageResponse got = ecr.batchGetImage(r -> r.repositoryName("images")
                .imageIds(
                        ImageIdentifier.builder().imageTag("v1").build(),
                        ImageIdentifier.builder().imageTag("v9").build()));
        assertThat(got.images()).hasSize(1);
        assertThat(got.images().get(0).imageManifest()).isEqualTo(manifest("some layer"));
        assertThat(got.failures())
                .extracting(f -> f.failureCodeAsString() + ": " + f.failureReason())
                .containsExactly("ImageNotFound: Requested image not found");

        assertThatThrownBy(() -> ecr.putImage(
                        r -> r.repositoryName("images").imageTag("v1").imageManifest(manifest("some layer"))))
                .isInstanceOf(ImageAlreadyExistsException.class);
        assertThatThrownBy(() -> ecr.describeImages(r -> r.repositoryName("images")
                        .imageIds(ImageIdentifier.builder().imageTag("v9").build())))
                .isInstanceOf(ImageNotFoundException.class)
                .hasMessageStartingWith("The image with imageId {imageTag:'v9'} does not exist within the repository "
                        + "with name 'images' in the registry with id '123456789012'");

        // deleting one tag keeps the image; deleting its last tag deletes it
        ecr.batchDeleteImage(r -> r.repositoryName("images")
                .imageIds(ImageIdentifier.builder().imageTag("latest").build()));
        assertThat(ecr.listImages(r -> r.repositoryName("images")).imageIds()).hasSize(1);
        var deleted = ecr.batchDeleteImage(r -> r.repositoryName("images")
                .imageIds(
                        ImageIdentifier.builder().imageTag("v1").build(),
                        ImageIdentifier.builder().imageTag("v1").build()));
        assertThat(deleted.imageIds()).extracting(ImageIdentifier::imageDigest).containsExactly(digest);
        assertThat(deleted.failures()).hasSize(1);
        assertThat(ecr.listImages(r -> r.repositoryName("images").filter(f -> f.tagStatus(TagStatus.ANY)))
                        .imageIds())
                .isEmpty();
    }

    @Test
    void immutableRepositoriesRefuseToMoveATag() {
        ecr.createRepository(r -> r.repositoryName("frozen").imageTagMutability("IMMUTABLE"));
        pushImage("frozen", "v1", "first");
        assertThatThrownBy(() -> pushImage("frozen", "v1", "second"))
                .isInstanceOf(ImageTagAlreadyExistsException.class)
                .hasMessageStartingWith("The image tag 'v1' already exists in the 'frozen' repository and cannot be "
                        + "overwritten because the repository is immutable.");
        ecr.putImageTagMutability(r -> r.repositoryName("frozen").imageTagMutability("MUTABLE"));
        pushImage("frozen", "v1", "second");
        assertThat(ecr.describeImages(r -> r.repositoryName("frozen").filter(f -> f.tagStatus(TagStatus.UNTAGGED)))
                        .imageDetails())
                .hasSize(1);
    }

    @Test
    void badUploadsAndManifestsAreRefusedAndLeaveNothingBehind() {
        ecr.createRepository(r -> r.repositoryName("strict"));
        String uploadId =
                ecr.initiateLayerUpload(r -> r.repositoryName("strict")).uploadId();
        ecr.uploadLayerPart(r -> r.repositoryName("strict")
                .uploadId(uploadId)
                .partFirstByte(0L)
                .partLastByte(3L)
                .layerPartBlob(SdkBytes.fromUtf8String("abcd")));
        assertThatThrownBy(() -> ecr.completeLayerUpload(r -> r.repositoryName("strict")
                        .uploadId(uploadId)
                        .layerDigests(BlobStore.digestOf("other".getBytes(StandardCharsets.UTF_8)))))
                .isInstanceOf(InvalidLayerException.class);
        assertThatThrownBy(() -> ecr.uploadLayerPart(r -> r.repositoryName("strict")
                        .uploadId(uploadId)
                        .partFirstByte(4L)
                        .partLastByte(4L)
                        .layerPartBlob(SdkBytes.fromUtf8String("e"))))
                .isInstanceOf(UploadNotFoundException.class);
        assertThat(ecr.batchCheckLayerAvailability(r -> r.repositoryName("strict")
                                .layerDigests(BlobStore.digestOf("abcd".getBytes(StandardCharsets.UTF_8))))
                        .failures())
                .extracting(f -> f.failureCodeAsString())
                .containsExactly("MissingLayerDigest");

        assertThatThrownBy(() -> ecr.putImage(
                        r -> r.repositoryName("strict").imageTag("v1").imageManifest(manifest("never uploaded"))))
                .isInstanceOf(LayersNotFoundException.class);
        assertThatThrownBy(() -> ecr.putImage(r -> r.repositoryName("strict")
                        .imageTag("v1")
                        .imageManifest("{\"schemaVersion\": 2, \"layers\": 3}")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("imageManifest");
        assertThatThrownBy(() -> ecr.putImage(
                        r -> r.repositoryName("strict").imageTag("v1").imageManifest("not json")))
                .isInstanceOf(InvalidParameterException.class);
        assertThat(ecr.listImages(r -> r.repositoryName("strict")).imageIds()).isEmpty();
        try (var files =
                Files.list(EcrServiceModule.of(drydock).backend().blobs().root().resolve("uploads"))) {
            assertThat(files).isEmpty();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void repositoryPoliciesAreStoredAndEvaluated() {
        ecr.createRepository(r -> r.repositoryName("guarded"));
        pushImage("guarded", "v1", "guarded layer");
        assertThatThrownBy(() -> ecr.getRepositoryPolicy(r -> r.repositoryName("guarded")))
                .isInstanceOf(RepositoryPolicyNotFoundException.class);
        String deny = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":{\"AWS\":"
                + "\"arn:aws:iam::123456789012:role/reader\"},\"Action\":\"ecr:BatchGetImage\"}]}";
        ecr.setRepositoryPolicy(r -> r.repositoryName("guarded").policyText(deny));
        assertThat(ecr.getRepositoryPolicy(r -> r.repositoryName("guarded")).policyText())
                .isEqualTo(deny);
        try (EcrClient reader = drydock.clientActingAs("reader", EcrClient.builder())) {
            assertThat(reader.listImages(r -> r.repositoryName("guarded")).imageIds())
                    .hasSize(1);
            assertThatThrownBy(() -> reader.batchGetImage(r -> r.repositoryName("guarded")
                            .imageIds(ImageIdentifier.builder().imageTag("v1").build())))
                    .isInstanceOf(EcrException.class)
                    .hasMessageContaining("is not authorized to perform: ecr:BatchGetImage on resource: "
                            + "arn:aws:ecr:us-east-1:123456789012:repository/guarded with an explicit deny in a "
                            + "resource-based policy");
            ecr.deleteRepositoryPolicy(r -> r.repositoryName("guarded"));
            assertThat(reader.batchGetImage(r -> r.repositoryName("guarded")
                                    .imageIds(ImageIdentifier.builder()
                                            .imageTag("v1")
                                            .build()))
                            .images())
                    .hasSize(1);
        }
        assertThatThrownBy(() ->
                        ecr.setRepositoryPolicy(r -> r.repositoryName("guarded").policyText("{}")))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void lifecyclePoliciesExpireImagesAndPreviewWhatTheyWould() {
        ecr.createRepository(r -> r.repositoryName("cycled"));
        pushImage("cycled", "v1", "a");
        pushImage("cycled", "v2", "b");
        pushImage("cycled", "v3", "c");
        String keepTwo = "{\"rules\":[{\"rulePriority\":1,\"description\":\"keep two\",\"selection\":{\"tagStatus\":"
                + "\"tagged\",\"tagPrefixList\":[\"v\"],\"countType\":\"imageCountMoreThan\",\"countNumber\":2},"
                + "\"action\":{\"type\":\"expire\"}}]}";
        ecr.startLifecyclePolicyPreview(r -> r.repositoryName("cycled").lifecyclePolicyText(keepTwo));
        var preview = ecr.getLifecyclePolicyPreview(r -> r.repositoryName("cycled"));
        assertThat(preview.statusAsString()).isEqualTo("COMPLETE");
        assertThat(preview.previewResults()).extracting(p -> p.imageTags()).containsExactly(List.of("v1"));
        assertThat(ecr.listImages(r -> r.repositoryName("cycled")).imageIds()).hasSize(3);

        assertThatThrownBy(() -> ecr.getLifecyclePolicy(r -> r.repositoryName("cycled")))
                .isInstanceOf(LifecyclePolicyNotFoundException.class);
        ecr.putLifecyclePolicy(r -> r.repositoryName("cycled").lifecyclePolicyText(keepTwo));
        assertThat(ecr.listImages(r -> r.repositoryName("cycled")).imageIds())
                .extracting(ImageIdentifier::imageTag)
                .containsExactlyInAnyOrder("v2", "v3");
        pushImage("cycled", "v4", "d");
        assertThat(ecr.listImages(r -> r.repositoryName("cycled")).imageIds())
                .extracting(ImageIdentifier::imageTag)
                .containsExactlyInAnyOrder("v3", "v4");
        assertThat(ecr.getLifecyclePolicy(r -> r.repositoryName("cycled")).lifecyclePolicyText())
                .isEqualTo(keepTwo);
        ecr.deleteLifecyclePolicy(r -> r.repositoryName("cycled"));
        assertThatThrownBy(() ->
                        ecr.putLifecyclePolicy(r -> r.repositoryName("cycled").lifecyclePolicyText("{\"rules\":[]}")))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void indexesListTheirManifestsWhichMustBeInTheRepository() throws Exception {
        ecr.createRepository(r -> r.repositoryName("multi"));
        String amd64 = pushImage("multi", "amd64", "amd64 layer");
        String arm64 = pushImage("multi", "arm64", "arm64 layer");
        String index = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":["
                + "{\"mediaType\":\"application/vnd.docker.distribution.manifest.v2+json\",\"size\":"
                + manifest("amd64 layer").length() + ",\"digest\":\"" + amd64 + "\",\"platform\":{\"architecture\":"
                + "\"amd64\",\"os\":\"linux\"}},{\"mediaType\":\"application/vnd.docker.distribution.manifest.v2+json\","
                + "\"size\":" + manifest("arm64 layer").length() + ",\"digest\":\"" + arm64 + "\",\"platform\":"
                + "{\"architecture\":\"arm64\",\"os\":\"linux\"}}]}";
        ecr.putImage(r -> r.repositoryName("multi").imageTag("v1").imageManifest(index));
        var detail = ecr.describeImages(r -> r.repositoryName("multi")
                        .imageIds(ImageIdentifier.builder().imageTag("v1").build()))
                .imageDetails()
                .get(0);
        assertThat(detail.imageManifestMediaType()).isEqualTo("application/vnd.oci.image.index.v1+json");
        assertThat(detail.imageSizeInBytes()).isEqualTo("amd64 layer".length() + "arm64 layer".length());

        // the registry serves it with its media type
        String token = ecr.getAuthorizationToken().authorizationData().get(0).authorizationToken();
        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://"
                                        + drydock.service(EcrModule.class).registryHost() + "/v2/multi/manifests/v1"))
                                .header("Authorization", "Basic " + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/vnd.oci.image.index.v1+json");
        assertThat(response.body()).isEqualTo(index);

        String missing = BlobStore.digestOf("no such manifest".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> ecr.putImage(
                        r -> r.repositoryName("multi").imageTag("v2").imageManifest(index.replace(arm64, missing))))
                .isInstanceOf(LayersNotFoundException.class)
                .hasMessageContaining(missing);
    }

    /** Pushes a one-layer image through the API (upload the layer and the config, then PutImage). */
    static String pushImage(String repository, String tag, String layerContent) {
        String digest = TestImages.push(ecr, repository, tag, layerContent);
        assertThat(digest).isEqualTo(BlobStore.digestOf(manifest(layerContent).getBytes(StandardCharsets.UTF_8)));
        return digest;
    }

    static String manifest(String layerContent) {
        return TestImages.manifest(layerContent);
    }
}
