package dev.drydock.ecr.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.ecr.internal.backend.EcrBackend;
import dev.drydock.ecr.internal.backend.EcrBackend.RepositoryRecord;
import dev.drydock.ecr.internal.support.EcrOperation;
import software.amazon.awssdk.services.ecr.model.DeleteRepositoryRequest;
import software.amazon.awssdk.services.ecr.model.DeleteRepositoryResponse;

/**
 * DeleteRepository (https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_DeleteRepository.html).
 *
 * <p>A repository with images is deleted only with {@code force} (they go with it).
 */
public final class DeleteRepository extends EcrOperation
        implements Operation<DeleteRepositoryRequest, DeleteRepositoryResponse> {
    public DeleteRepository(EcrBackend backend) {
        super(backend);
    }

    @Override
    public DeleteRepositoryResponse call(DeleteRepositoryRequest request, CallContext context) {
        String name = request.repositoryName();
        authorize(context, "ecr:DeleteRepository", name);
        RepositoryRecord r = backend.deleteRepository(name, Boolean.TRUE.equals(request.force()));
        return DeleteRepositoryResponse.builder().repository(repository(r)).build();
    }
}
