package dev.drydock.ecr.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.ecr.internal.EcrErrors;
import dev.drydock.ecr.internal.backend.EcrBackend;
import dev.drydock.ecr.internal.support.EcrOperation;
import software.amazon.awssdk.services.ecr.model.ImageTagMutability;
import software.amazon.awssdk.services.ecr.model.PutImageTagMutabilityRequest;
import software.amazon.awssdk.services.ecr.model.PutImageTagMutabilityResponse;

/**
 * PutImageTagMutability (https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_PutImageTagMutability.html).
 *
 * <p>{@code MUTABLE} or {@code IMMUTABLE}.
 */
public final class PutImageTagMutability extends EcrOperation
        implements Operation<PutImageTagMutabilityRequest, PutImageTagMutabilityResponse> {
    public PutImageTagMutability(EcrBackend backend) {
        super(backend);
    }

    @Override
    public PutImageTagMutabilityResponse call(PutImageTagMutabilityRequest request, CallContext context) {
        String name = request.repositoryName();
        String mutability = request.imageTagMutabilityAsString();
        authorize(context, "ecr:PutImageTagMutability", name);
        if (!mutability.equals(ImageTagMutability.MUTABLE.toString())
                && !mutability.equals(ImageTagMutability.IMMUTABLE.toString())) {
            throw EcrErrors.invalidParameter("Invalid parameter at 'imageTagMutability' failed to satisfy "
                    + "constraint: 'Member must satisfy enum value set: [MUTABLE, IMMUTABLE]'");
        }
        backend.update(name, r -> r.imageTagMutability = mutability);
        return PutImageTagMutabilityResponse.builder()
                .registryId(backend.accountId())
                .repositoryName(name)
                .imageTagMutability(mutability)
                .build();
    }
}
