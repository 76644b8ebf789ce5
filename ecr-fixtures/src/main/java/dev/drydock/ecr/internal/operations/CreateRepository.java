package dev.drydock.ecr.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.TagConditions;
import dev.drydock.ecr.internal.backend.EcrBackend;
import dev.drydock.ecr.internal.backend.EcrBackend.RepositoryRecord;
import dev.drydock.ecr.internal.support.EcrOperation;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecr.model.CreateRepositoryRequest;
import software.amazon.awssdk.services.ecr.model.CreateRepositoryResponse;

/**
 * CreateRepository (https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_CreateRepository.html).
 *
 * <p>Authorizes {@code ecr:CreateRepository}, and {@code ecr:TagResource} when the request carries tags.
 */
public final class CreateRepository extends EcrOperation
        implements Operation<CreateRepositoryRequest, CreateRepositoryResponse> {
    public CreateRepository(EcrBackend backend) {
        super(backend);
    }

    @Override
    public CreateRepositoryResponse call(CreateRepositoryRequest request, CallContext context) {
        String name = request.repositoryName();
        Map<String, String> tags = tags(request.tags());
        Map<String, List<String>> keys = TagConditions.request(tags);
        authorize(context, "ecr:CreateRepository", name, keys);
        if (!tags.isEmpty()) {
            authorize(context, "ecr:TagResource", name, keys);
        }
        RepositoryRecord r = backend.createRepository(
                name,
                request.imageTagMutabilityAsString(),
                request.imageScanningConfiguration() != null
                        && Boolean.TRUE.equals(
                                request.imageScanningConfiguration().scanOnPush()),
                request.encryptionConfiguration() == null
                        ? null
                        : request.encryptionConfiguration().encryptionTypeAsString(),
                request.encryptionConfiguration() == null
                        ? null
                        : request.encryptionConfiguration().kmsKey(),
                tags);
        return CreateRepositoryResponse.builder().repository(repository(r)).build();
    }
}
