package dev.drydock.ecr;

import dev.drydock.ecr.internal.registry.BlobStore;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.ecr.EcrClient;

/** One-layer images pushed through the ECR API (layer uploads, then PutImage), as {@code docker push} would. */
final class TestImages {
    private TestImages() {}

    /** Pushes an image whose one layer holds {@code layerContent}; answers its manifest digest. */
    static String push(EcrClient ecr, String repository, String tag, String layerContent) {
        upload(ecr, repository, layerContent);
        upload(ecr, repository, config(layerContent));
        return ecr.putImage(r -> r.repositoryName(repository)
                        .imageTag(tag)
                        .imageManifest(manifest(layerContent))
                        .imageManifestMediaType("application/vnd.docker.distribution.manifest.v2+json"))
                .image()
                .imageId()
                .imageDigest();
    }

    private static void upload(EcrClient ecr, String repository, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        String digest = BlobStore.digestOf(bytes);
        if (ecr.batchCheckLayerAvailability(r -> r.repositoryName(repository).layerDigests(digest))
                .layers()
                .isEmpty()) {
            String id =
                    ecr.initiateLayerUpload(r -> r.repositoryName(repository)).uploadId();
            ecr.uploadLayerPart(r -> r.repositoryName(repository)
                    .uploadId(id)
                    .partFirstByte(0L)
                    .partLastByte((long) bytes.length - 1)
                    .layerPartBlob(SdkBytes.fromByteArray(bytes)));
            ecr.completeLayerUpload(
                    r -> r.repositoryName(repository).uploadId(id).layerDigests(digest));
        }
    }

    private static String config(String layerContent) {
        return "{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\""
                + BlobStore.digestOf(layerContent.getBytes(StandardCharsets.UTF_8)) + "\"]}}";
    }

    /** The Docker v2 schema 2 manifest of the image. */
    static String manifest(String layerContent) {
        String config = config(layerContent);
        return "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.docker.distribution.manifest.v2+json\","
                + "\"config\":{\"mediaType\":\"application/vnd.docker.container.image.v1+json\",\"size\":"
                + config.length() + ",\"digest\":\"" + BlobStore.digestOf(config.getBytes(StandardCharsets.UTF_8))
                + "\"},\"layers\":[{\"mediaType\":\"application/vnd.docker.image.rootfs.diff.tar.gzip\",\"size\":"
                + layerContent.length() + ",\"digest\":\""
                + BlobStore.digestOf(layerContent.getBytes(StandardCharsets.UTF_8)) + "\"}]}";
    }
}
