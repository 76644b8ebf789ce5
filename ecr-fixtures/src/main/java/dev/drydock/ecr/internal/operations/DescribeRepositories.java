package dev.drydock.ecr.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.Page;
import dev.drydock.ecr.internal.EcrErrors;
import dev.drydock.ecr.internal.backend.EcrBackend;
import dev.drydock.ecr.internal.backend.EcrBackend.RepositoryRecord;
import dev.drydock.ecr.internal.support.EcrOperation;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ecr.model.DescribeRepositoriesRequest;
import software.amazon.awssdk.services.ecr.model.DescribeRepositoriesResponse;
import software.amazon.awssdk.services.ecr.model.Repository;

/**
 * DescribeRepositories (https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_DescribeRepositories.html).
 *
 * <p>The named repositories, or all (paginated, up to 1000 per page).
 */
public final class DescribeRepositories extends EcrOperation
        implements Operation<DescribeRepositoriesRequest, DescribeRepositoriesResponse> {
    public DescribeRepositories(EcrBackend backend) {
        super(backend);
    }

    @Override
    public DescribeRepositoriesResponse call(DescribeRepositoriesRequest request, CallContext context) {
        List<Repository> out = new ArrayList<>();
        if (request.hasRepositoryNames() && !request.repositoryNames().isEmpty()) {
            for (String name : request.repositoryNames()) {
                authorize(context, "ecr:DescribeRepositories", name);
                out.add(repository(backend.repository(name)));
            }
            return DescribeRepositoriesResponse.builder().repositories(out).build();
        }
        List<RepositoryRecord> all = backend.repositories();
        for (RepositoryRecord r : all) {
            authorize(context, "ecr:DescribeRepositories", r.name);
            out.add(repository(r));
        }
        Page<Repository> page = EcrErrors.PAGINATOR.page(out, request.maxResults(), request.nextToken());
        return DescribeRepositoriesResponse.builder()
                .repositories(page.items())
                .nextToken(page.nextToken())
                .build();
    }
}
