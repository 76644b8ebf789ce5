package dev.drydock.ecs.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.ecs.internal.EcsErrors;
import dev.drydock.ecs.internal.backend.EcsBackend;
import dev.drydock.ecs.internal.support.EcsOperation;
import java.util.List;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.DescribeClustersRequest;
import software.amazon.awssdk.services.ecs.model.DescribeClustersResponse;

/**
 * DescribeClusters: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DescribeClusters.html. Unknown
 * clusters come back as failures with reason MISSING.
 *
 * <p>Authorization, per the Service Authorization Reference (SAR)
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerservice.html):
 * {@code ecs:DescribeClusters} on each cluster's ARN ({@code default} when none is named), with
 * {@code ecs:ResourceTag/*}; the first cluster denied fails the call.
 */
public final class DescribeClusters extends EcsOperation
        implements Operation<DescribeClustersRequest, DescribeClustersResponse> {
    public DescribeClusters(EcsBackend backend) {
        super(backend);
    }

    @Override
    public DescribeClustersResponse call(DescribeClustersRequest request, CallContext context) {
        List<String> refs = request.clusters();
        if (refs.size() > 100) {
            throw EcsErrors.invalidParameter("clusters can have at most 100 items.");
        }
        for (String ref : refs) {
            if (ref == null || ref.isBlank()) {
                throw EcsErrors.invalidParameter("Clusters can not be blank.");
            }
        }
        List<String> wanted = refs.isEmpty() ? List.of("default") : refs;
        for (String ref : wanted) {
            String arn = clusterArnOf(ref);
            context.authorize(
                    "ecs:DescribeClusters", arn, keys().resourceTags(arn).build());
        }
        boolean tags = request.includeAsStrings().contains("TAGS");
        boolean settings = request.includeAsStrings().contains("SETTINGS");
        EcsBackend.Described<Cluster> d = backend.describeClusters(refs, tags, settings);
        return DescribeClustersResponse.builder()
                .clusters(d.found())
                .failures(d.failures())
                .build();
    }
}
