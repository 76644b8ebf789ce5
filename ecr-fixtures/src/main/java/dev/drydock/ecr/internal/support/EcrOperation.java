package dev.drydock.ecr.internal.support;

import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.CallContext;
import dev.drydock.ecr.internal.EcrErrors;
import dev.drydock.ecr.internal.backend.EcrBackend;
import dev.drydock.ecr.internal.backend.EcrBackend.ImageRecord;
import dev.drydock.ecr.internal.backend.EcrBackend.RepositoryRecord;
import dev.drydock.ecr.internal.registry.BlobStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.ecr.model.EncryptionConfiguration;
import software.amazon.awssdk.services.ecr.model.ImageFailure;
import software.amazon.awssdk.services.ecr.model.ImageIdentifier;
import software.amazon.awssdk.services.ecr.model.ImageScanningConfiguration;
import software.amazon.awssdk.services.ecr.model.Repository;
import software.amazon.awssdk.services.ecr.model.Tag;

/**
 * What the ECR operation handlers share: the backend, authorization and the model's SDK shapes.
 *
 * <p>Each handler authorizes its call as the Service Authorization Reference for Amazon ECR says
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerregistry.html):
 * the action named like the operation ({@code ecr:<Operation>}), on the repository's ARN
 * ({@code arn:aws:ecr:<region>:<account>:repository/<name>}), or on {@code *} for GetAuthorizationToken, with the
 * repository policy in play as the resource-based policy.
 */
public abstract class EcrOperation {
    protected final EcrBackend backend;

    protected EcrOperation(EcrBackend backend) {
        this.backend = backend;
    }

    /** Authorizes {@code action} on a repository (existing or not), with its repository policy. */
    protected void authorize(CallContext context, String action, String repository) {
        authorize(context, action, repository, Map.of());
    }

    /**
     * Authorizes {@code action} on the repository {@code name}, then finds it.
     *
     * @throws dev.drydock.core.spi.AwsException RepositoryNotFoundException when there is none
     */
    protected RepositoryRecord existing(CallContext context, String action, String name) {
        authorize(context, action, name);
        return backend.repository(name);
    }

    protected void authorize(CallContext context, String action, String repository, Map<String, List<String>> keys) {
        String arn = backend.repositoryArn(repository);
        context.authorize(
                action, arn, keys, RepositoryPolicies.of(backend, repository).orElse(null), backend.accountId());
    }

    protected Repository repository(RepositoryRecord r) {
        return Repository.builder()
                .repositoryArn(r.arn)
                .registryId(backend.accountId())
                .repositoryName(r.name)
                .repositoryUri(r.uri)
                .createdAt(r.createdAt)
                .imageTagMutability(r.imageTagMutability)
                .imageScanningConfiguration(ImageScanningConfiguration.builder()
                        .scanOnPush(r.scanOnPush)
                        .build())
                .encryptionConfiguration(EncryptionConfiguration.builder()
                        .encryptionType(r.encryptionType)
                        .kmsKey(r.kmsKey)
                        .build())
                .build();
    }

    protected static ImageIdentifier imageId(String digest, String tag) {
        return ImageIdentifier.builder().imageDigest(digest).imageTag(tag).build();
    }

    /** ECR's way of naming an image id in messages: {@code {imageDigest:'sha256:...', imageTag:'v1'}}. */
    protected static String describe(ImageIdentifier id) {
        StringBuilder b = new StringBuilder("{");
        if (id.imageDigest() != null) {
            b.append("imageDigest:'").append(id.imageDigest()).append('\'');
        }
        if (id.imageTag() != null) {
            if (b.length() > 1) {
                b.append(", ");
            }
            b.append("imageTag:'").append(id.imageTag()).append('\'');
        }
        return b.append('}').toString();
    }

    /** The image an identifier names, if any (a digest and a tag must name the same image). */
    protected Optional<ImageRecord> find(String repository, ImageIdentifier id) {
        if (id.imageDigest() != null) {
            Optional<ImageRecord> byDigest = backend.image(repository, id.imageDigest());
            if (id.imageTag() != null
                    && byDigest.isPresent()
                    && !backend.tagsOf(repository, id.imageDigest()).contains(id.imageTag())) {
                return Optional.empty();
            }
            return byDigest;
        }
        return id.imageTag() == null ? Optional.empty() : backend.image(repository, id.imageTag());
    }

    /**
     * The repository a resource ARN names.
     *
     * @throws dev.drydock.core.spi.AwsException InvalidParameterException for an ARN that is not a repository ARN of
     *     this registry, RepositoryNotFoundException for one that does not exist
     */
    protected RepositoryRecord byArn(String arn) {
        return backend.findByArn(arn).orElseThrow(() -> {
            String prefix = backend.repositoryArn("");
            if (!arn.startsWith(prefix)) {
                return EcrErrors.invalidParameter("Invalid parameter at 'resourceArn' failed to satisfy "
                        + "constraint: 'Invalid ARN " + arn + "'");
            }
            return EcrErrors.repositoryNotFound(arn.substring(prefix.length()), backend.accountId());
        });
    }

    /** Request tags as a map, in order (a tag without a key never gets here: the model check refuses it). */
    protected static Map<String, String> tags(List<Tag> tags) {
        Map<String, String> map = new LinkedHashMap<>();
        if (tags != null) {
            for (Tag t : tags) {
                map.put(t.key(), t.value() == null ? "" : t.value());
            }
        }
        return map;
    }

    /** The failure BatchGetImage and BatchDeleteImage report for an image id that is not valid, if it is not. */
    protected static Optional<ImageFailure> invalid(ImageIdentifier id) {
        if (id.imageDigest() == null && id.imageTag() == null) {
            return Optional.of(ImageFailure.builder()
                    .imageId(id)
                    .failureCode("MissingDigestAndTag")
                    .failureReason("Invalid request parameters: both tag and digest cannot be null")
                    .build());
        }
        if (id.imageDigest() != null
                && !BlobStore.DIGEST.matcher(id.imageDigest()).matches()) {
            return Optional.of(ImageFailure.builder()
                    .imageId(id)
                    .failureCode("InvalidImageDigest")
                    .failureReason("Invalid request parameters: image digest should satisfy the regex "
                            + "'[a-zA-Z0-9-_+.]+:[a-fA-F0-9]+'")
                    .build());
        }
        if (id.imageTag() != null && !EcrBackend.TAG.matcher(id.imageTag()).matches()) {
            return Optional.of(ImageFailure.builder()
                    .imageId(id)
                    .failureCode("InvalidImageTag")
                    .failureReason("Invalid request parameters: image tag is invalid")
                    .build());
        }
        return Optional.empty();
    }

    /** UploadNotFoundException for an upload id the repository does not have. */
    protected AwsException uploadNotFound(String id, String name) {
        return AwsException.client(
                "UploadNotFoundException",
                "Upload with id '" + id + "' is not found for the " + "repository with name '" + name
                        + "' in the registry with id '" + backend.accountId() + "'");
    }
}
