package dev.drydock.elb.internal;

import dev.drydock.core.spi.QueryService;
import dev.drydock.elb.internal.backend.ElbBackend;
import dev.drydock.elb.internal.operations.AddTags;
import dev.drydock.elb.internal.operations.CreateListener;
import dev.drydock.elb.internal.operations.CreateLoadBalancer;
import dev.drydock.elb.internal.operations.CreateRule;
import dev.drydock.elb.internal.operations.CreateTargetGroup;
import dev.drydock.elb.internal.operations.DeleteListener;
import dev.drydock.elb.internal.operations.DeleteLoadBalancer;
import dev.drydock.elb.internal.operations.DeleteRule;
import dev.drydock.elb.internal.operations.DeleteTargetGroup;
import dev.drydock.elb.internal.operations.DeregisterTargets;
import dev.drydock.elb.internal.operations.DescribeAccountLimits;
import dev.drydock.elb.internal.operations.DescribeListeners;
import dev.drydock.elb.internal.operations.DescribeLoadBalancerAttributes;
import dev.drydock.elb.internal.operations.DescribeLoadBalancers;
import dev.drydock.elb.internal.operations.DescribeRules;
import dev.drydock.elb.internal.operations.DescribeTags;
import dev.drydock.elb.internal.operations.DescribeTargetGroupAttributes;
import dev.drydock.elb.internal.operations.DescribeTargetGroups;
import dev.drydock.elb.internal.operations.DescribeTargetHealth;
import dev.drydock.elb.internal.operations.ModifyListener;
import dev.drydock.elb.internal.operations.ModifyLoadBalancerAttributes;
import dev.drydock.elb.internal.operations.ModifyRule;
import dev.drydock.elb.internal.operations.ModifyTargetGroup;
import dev.drydock.elb.internal.operations.ModifyTargetGroupAttributes;
import dev.drydock.elb.internal.operations.RegisterTargets;
import dev.drydock.elb.internal.operations.RemoveTags;
import dev.drydock.elb.internal.operations.SetRulePriorities;
import dev.drydock.elb.internal.operations.SetSecurityGroups;
import dev.drydock.elb.internal.operations.SetSubnets;
import java.time.Clock;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.AddTagsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateListenerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateLoadBalancerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateRuleRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateTargetGroupRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteListenerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteLoadBalancerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteRuleRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteTargetGroupRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeregisterTargetsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeAccountLimitsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeListenersRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeLoadBalancerAttributesRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeLoadBalancersRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeRulesRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTagsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupAttributesRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetHealthRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyListenerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyLoadBalancerAttributesRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyRuleRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyTargetGroupAttributesRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyTargetGroupRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RegisterTargetsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RemoveTagsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.SetRulePrioritiesRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.SetSecurityGroupsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.SetSubnetsRequest;

/**
 * The Elastic Load Balancing (v2) query API's routing table: signing name {@code elasticloadbalancing}, version
 * {@code 2015-12-01}, XML namespace {@code http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/}; one handler per
 * operation (in {@code operations}). Requests that break ELB's model are refused before any handler runs with
 * {@code ValidationError}, the query protocol's default, as ELB answers them.
 */
public final class ElbApi {
    /** The API version. */
    public static final String VERSION = "2015-12-01";

    private ElbApi() {}

    /** The ELB service for {@code backend}. */
    public static QueryService routingTable(ElbBackend backend, Clock clock) {
        return QueryService.builder(
                        "elasticloadbalancing",
                        VERSION,
                        "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/",
                        ElasticLoadBalancingV2Client.class)
                .clock(clock)
                .operation("CreateLoadBalancer", CreateLoadBalancerRequest.class, new CreateLoadBalancer(backend))
                .operation(
                        "DescribeLoadBalancers", DescribeLoadBalancersRequest.class, new DescribeLoadBalancers(backend))
                .operation("DeleteLoadBalancer", DeleteLoadBalancerRequest.class, new DeleteLoadBalancer(backend))
                .operation(
                        "DescribeLoadBalancerAttributes",
                        DescribeLoadBalancerAttributesRequest.class,
                        new DescribeLoadBalancerAttributes(backend))
                .operation(
                        "ModifyLoadBalancerAttributes",
                        ModifyLoadBalancerAttributesRequest.class,
                        new ModifyLoadBalancerAttributes(backend))
                .operation("SetSecurityGroups", SetSecurityGroupsRequest.class, new SetSecurityGroups(backend))
                .operation("SetSubnets", SetSubnetsRequest.class, new SetSubnets(backend))
                .operation("CreateTargetGroup", CreateTargetGroupRequest.class, new CreateTargetGroup(backend))
                .operation("DescribeTargetGroups", DescribeTargetGroupsRequest.class, new DescribeTargetGroups(backend))
                .operation("ModifyTargetGroup", ModifyTargetGroupRequest.class, new ModifyTargetGroup(backend))
                .operation("DeleteTargetGroup", DeleteTargetGroupRequest.class, new DeleteTargetGroup(backend))
                .operation(
                        "DescribeTargetGroupAttributes",
                        DescribeTargetGroupAttributesRequest.class,
                        new DescribeTargetGroupAttributes(backend))
                .operation(
                        "ModifyTargetGroupAttributes",
                        ModifyTargetGroupAttributesRequest.class,
                        new ModifyTargetGroupAttributes(backend))
                .operation("RegisterTargets", RegisterTargetsRequest.class, new RegisterTargets(backend))
                .operation("DeregisterTargets", DeregisterTargetsRequest.class, new DeregisterTargets(backend))
                .operation("DescribeTargetHealth", DescribeTargetHealthRequest.class, new DescribeTargetHealth(backend))
                .operation("CreateListener", CreateListenerRequest.class, new CreateListener(backend))
                .operation("DescribeListeners", DescribeListenersRequest.class, new DescribeListeners(backend))
                .operation("ModifyListener", ModifyListenerRequest.class, new ModifyListener(backend))
                .operation("DeleteListener", DeleteListenerRequest.class, new DeleteListener(backend))
                .operation("CreateRule", CreateRuleRequest.class, new CreateRule(backend))
                .operation("DescribeRules", DescribeRulesRequest.class, new DescribeRules(backend))
                .operation("ModifyRule", ModifyRuleRequest.class, new ModifyRule(backend))
                .operation("DeleteRule", DeleteRuleRequest.class, new DeleteRule(backend))
                .operation("SetRulePriorities", SetRulePrioritiesRequest.class, new SetRulePriorities(backend))
                .operation("AddTags", AddTagsRequest.class, new AddTags(backend))
                .operation("RemoveTags", RemoveTagsRequest.class, new RemoveTags(backend))
                .operation("DescribeTags", DescribeTagsRequest.class, new DescribeTags(backend))
                .operation(
                        "DescribeAccountLimits", DescribeAccountLimitsRequest.class, new DescribeAccountLimits(backend))
                .build();
    }
}
