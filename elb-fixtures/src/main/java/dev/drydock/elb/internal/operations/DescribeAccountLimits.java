package dev.drydock.elb.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.elb.internal.ElbErrors;
import dev.drydock.elb.internal.backend.ElbBackend;
import dev.drydock.elb.internal.support.ElbOperation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeAccountLimitsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeAccountLimitsResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Limit;

/**
 * DescribeAccountLimits, as <a href="https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_DescribeAccountLimits.html">the
 * Elastic Load Balancing API reference</a> describes it: the default quotas of "Quotas for your Application Load Balancers" and "... Network Load
 * Balancers" (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-limits.html).
 */
public final class DescribeAccountLimits extends ElbOperation
        implements Operation<DescribeAccountLimitsRequest, DescribeAccountLimitsResponse> {

    public DescribeAccountLimits(ElbBackend backend) {
        super(backend);
    }

    @Override
    public DescribeAccountLimitsResponse call(DescribeAccountLimitsRequest r, CallContext c) {
        authorizeDescribe(c, "DescribeAccountLimits");
        List<Limit> limits = new ArrayList<>();
        LIMITS.forEach(
                (name, max) -> limits.add(Limit.builder().name(name).max(max).build()));
        var page = ElbErrors.PAGINATOR.page(limits, r.pageSize(), r.marker());
        return DescribeAccountLimitsResponse.builder()
                .limits(page.items())
                .nextMarker(page.nextToken())
                .build();
    }

    private static final Map<String, String> LIMITS = new LinkedHashMap<>();

    static {
        LIMITS.put("application-load-balancers", "50");
        LIMITS.put("target-groups", "3000");
        LIMITS.put("targets-per-application-load-balancer", "1000");
        LIMITS.put("listeners-per-application-load-balancer", "50");
        LIMITS.put("rules-per-application-load-balancer", "100");
        LIMITS.put("network-load-balancers", "50");
        LIMITS.put("targets-per-network-load-balancer", "3000");
        LIMITS.put("targets-per-availability-zone-per-network-load-balancer", "500");
        LIMITS.put("listeners-per-network-load-balancer", "50");
        LIMITS.put("condition-values-per-alb-rule", "5");
        LIMITS.put("condition-wildcards-per-alb-rule", "5");
        LIMITS.put("target-groups-per-application-load-balancer", "100");
        LIMITS.put("target-groups-per-action-on-application-load-balancer", "5");
        LIMITS.put("target-groups-per-action-on-network-load-balancer", "1");
        LIMITS.put("certificates-per-application-load-balancer", "25");
        LIMITS.put("certificates-per-network-load-balancer", "25");
    }
}
