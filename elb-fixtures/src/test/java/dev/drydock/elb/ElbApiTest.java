package dev.drydock.elb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.drydock.core.Drydock;
import dev.drydock.core.runtime.SimulatedRuntime;
import dev.drydock.core.spi.VpcModel;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DuplicateListenerException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DuplicateLoadBalancerNameException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ElasticLoadBalancingV2Exception;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerStateEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.OperationNotPermittedException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.PriorityInUseException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ResourceInUseException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupAssociationLimitException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthReasonEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthStateEnum;

/** The ELB API through the real SDK v2 client against Drydock's endpoint: the control plane, without Docker. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ElbApiTest {
    static final String SUBNET_A = "subnet-0a1b2c3d4e5f60000";
    static final String SUBNET_B = "subnet-0a1b2c3d4e5f60001";

    Drydock drydock;
    ElasticLoadBalancingV2Client elb;
    String vpcId;

    @BeforeAll
    void start() {
        drydock = Drydock.builder().runtime(SimulatedRuntime::new).start();
        elb = drydock.client(ElasticLoadBalancingV2Client.builder());
        vpcId = createAlb("vpc-probe").vpcId();
    }

    @AfterAll
    void stop() {
        elb.close();
        drydock.close();
    }

    LoadBalancer createAlb(String name) {
        return elb.createLoadBalancer(r -> r.name(name).subnets(SUBNET_A, SUBNET_B))
                .loadBalancers()
                .get(0);
    }

    TargetGroup createTargetGroup(String name) {
        return elb.createTargetGroup(
                        r -> r.name(name).protocol("HTTP").port(80).vpcId(vpcId).targetType("ip"))
                .targetGroups()
                .get(0);
    }

    @Test
    void aLoadBalancerHasAwsFormsAndItsSubnetsZones() {
        LoadBalancer lb = createAlb("web");
        assertThat(lb.loadBalancerArn())
                .matches("arn:aws:elasticloadbalancing:us-east-1:\\d{12}:loadbalancer/app/web/[0-9a-f]{16}");
        assertThat(lb.dnsName()).matches("web-\\d{10}\\.us-east-1\\.elb\\.amazonaws\\.com");
        assertThat(lb.canonicalHostedZoneId()).isEqualTo("Z35SXDOTRQ7X7K");
        assertThat(lb.state().code()).isEqualTo(LoadBalancerStateEnum.PROVISIONING);
        assertThat(lb.vpcId()).startsWith("vpc-");
        assertThat(lb.availabilityZones())
                .extracting(z -> z.subnetId() + "@" + z.zoneName())
                .containsExactly(SUBNET_A + "@us-east-1a", SUBNET_B + "@us-east-1b");
        LoadBalancer described =
                elb.describeLoadBalancers(r -> r.names("web")).loadBalancers().get(0);
        assertThat(described.state().code()).isEqualTo(LoadBalancerStateEnum.ACTIVE);
        assertThat(elb.waiter()
                        .waitUntilLoadBalancerAvailable(r -> r.names("web"))
                        .matched()
                        .response())
                .isPresent();
        // the same settings again: the same load balancer (CreateLoadBalancer is idempotent)
        assertThat(createAlb("web").loadBalancerArn()).isEqualTo(lb.loadBalancerArn());
    }

    @Test
    void anAlbNeedsTwoZonesAndANameIsTakenOnlyOnce() {
        var oneZone = catchThrowableOfType(
                () -> elb.createLoadBalancer(r -> r.name("one-zone").subnets(SUBNET_A)),
                ElasticLoadBalancingV2Exception.class);
        assertThat(oneZone.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
        assertThat(oneZone.awsErrorDetails().errorMessage())
                .isEqualTo("At least two subnets in two different Availability Zones must be specified");
        // subnet-...3 is in zone a, as subnet-...0 is
        var sameZone = catchThrowableOfType(
                () -> elb.createLoadBalancer(r -> r.name("same-zone").subnets(SUBNET_A, "subnet-0a1b2c3d4e5f60003")),
                ElasticLoadBalancingV2Exception.class);
        assertThat(sameZone.awsErrorDetails().errorCode()).isEqualTo("InvalidConfigurationRequest");
        createAlb("taken");
        assertThat(catchThrowableOfType(
                        () -> elb.createLoadBalancer(
                                r -> r.name("taken").subnets(SUBNET_A, SUBNET_B).scheme("internal")),
                        DuplicateLoadBalancerNameException.class))
                .hasMessageContaining("A load balancer with the same name 'taken' exists, but with different settings");
        assertThat(catchThrowableOfType(
                        () -> elb.describeLoadBalancers(r -> r.names("one-zone", "same-zone")),
                        LoadBalancerNotFoundException.class))
                .as("nothing stored")
                .hasMessageContaining("Load balancers '[one-zone, same-zone]' not found");
    }

    @Test
    void aNetworkLoadBalancerHasItsOwnForms() {
        LoadBalancer nlb = elb.createLoadBalancer(
                        r -> r.name("tcp").type("network").subnets(SUBNET_A))
                .loadBalancers()
                .get(0);
        assertThat(nlb.loadBalancerArn()).contains(":loadbalancer/net/tcp/");
        assertThat(nlb.dnsName()).matches("tcp-[0-9a-f]{16}\\.elb\\.us-east-1\\.amazonaws\\.com");
        assertThat(nlb.canonicalHostedZoneId()).isEqualTo("Z26RNL4JYFTOTI");
    }

    @Test
    void describingWhatIsNotThereAnswersAwsErrors() {
        assertThat(catchThrowableOfType(
                        () -> elb.describeLoadBalancers(r -> r.names("missing")), LoadBalancerNotFoundException.class))
                .hasMessageContaining("Load balancers '[missing]' not found");
        assertThat(catchThrowableOfType(
                        () -> elb.describeTargetGroups(r -> r.names("missing")), TargetGroupNotFoundException.class))
                .hasMessageContaining("Target groups '[missing]' not found");
        assertThat(catchThrowableOfType(
                        () -> elb.describeTargetGroups(r -> r.targetGroupArns(
                                "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/x/0123456789abcdef")),
                        TargetGroupNotFoundException.class))
                .hasMessageContaining("One or more target groups not found");
    }

    @Test
    void listenersRulesAndTheirErrors() {
        LoadBalancer lb = createAlb("rules");
        TargetGroup api = createTargetGroup("rules-api");
        TargetGroup web = createTargetGroup("rules-web");
        String listener = elb.createListener(r -> r.loadBalancerArn(lb.loadBalancerArn())
                        .protocol("HTTP")
                        .port(80)
                        .defaultActions(a -> a.type(ActionTypeEnum.FORWARD).targetGroupArn(web.targetGroupArn())))
                .listeners()
                .get(0)
                .listenerArn();
        assertThat(catchThrowableOfType(
                        () -> elb.createListener(r -> r.loadBalancerArn(lb.loadBalancerArn())
                                .protocol("HTTP")
                                .port(80)
                                .defaultActions(a -> a.type(ActionTypeEnum.FIXED_RESPONSE)
                                        .fixedResponseConfig(f -> f.statusCode("404")))),
                        DuplicateListenerException.class))
                .hasMessageContaining(
                        "A listener already exists on this port for this load balancer '" + lb.loadBalancerArn() + "'");
        Rule rule = elb.createRule(r -> r.listenerArn(listener)
                        .priority(10)
                        .conditions(c -> c.field("path-pattern").pathPatternConfig(p -> p.values("/api/*")))
                        .actions(a -> a.type(ActionTypeEnum.FORWARD).targetGroupArn(api.targetGroupArn())))
                .rules()
                .get(0);
        assertThat(rule.priority()).isEqualTo("10");
        assertThat(catchThrowableOfType(
                        () -> elb.createRule(r -> r.listenerArn(listener)
                                .priority(10)
                                .conditions(c -> c.field("path-pattern").values("/other/*"))
                                .actions(a -> a.type(ActionTypeEnum.FIXED_RESPONSE)
                                        .fixedResponseConfig(f -> f.statusCode("418")))),
                        PriorityInUseException.class))
                .hasMessageContaining("Priority '10' is currently in use");
        List<Rule> rules = elb.describeRules(r -> r.listenerArn(listener)).rules();
        assertThat(rules).extracting(Rule::priority).containsExactly("10", "default");
        assertThat(elb.describeTargetGroups(r -> r.loadBalancerArn(lb.loadBalancerArn()))
                        .targetGroups())
                .extracting(TargetGroup::targetGroupName)
                .containsExactlyInAnyOrder("rules-api", "rules-web");
        assertThat(catchThrowableOfType(
                        () -> elb.deleteTargetGroup(r -> r.targetGroupArn(api.targetGroupArn())),
                        ResourceInUseException.class))
                .hasMessageContaining("is currently in use by a listener or a rule");
        assertThat(catchThrowableOfType(
                        () -> elb.deleteRule(r -> r.ruleArn(rules.get(1).ruleArn())),
                        OperationNotPermittedException.class))
                .isNotNull();
        // a target group forwards for one load balancer only
        LoadBalancer other = createAlb("rules-other");
        assertThat(catchThrowableOfType(
                        () -> elb.createListener(r -> r.loadBalancerArn(other.loadBalancerArn())
                                .protocol("HTTP")
                                .port(80)
                                .defaultActions(
                                        a -> a.type(ActionTypeEnum.FORWARD).targetGroupArn(web.targetGroupArn()))),
                        TargetGroupAssociationLimitException.class))
                .isNotNull();
        assertThat(elb.describeListeners(r -> r.loadBalancerArn(other.loadBalancerArn()))
                        .listeners())
                .isEmpty();
        elb.deleteRule(r -> r.ruleArn(rule.ruleArn()));
        elb.deleteTargetGroup(r -> r.targetGroupArn(api.targetGroupArn()));
    }

    @Test
    void targetsOfAGroupNoLoadBalancerUsesAreUnused() {
        TargetGroup tg = createTargetGroup("idle");
        elb.registerTargets(r -> r.targetGroupArn(tg.targetGroupArn())
                .targets(t -> t.id("10.0.1.15").port(8080)));
        List<TargetHealthDescription> health = elb.describeTargetHealth(r -> r.targetGroupArn(tg.targetGroupArn()))
                .targetHealthDescriptions();
        assertThat(health).hasSize(1);
        assertThat(health.get(0).targetHealth().state()).isEqualTo(TargetHealthStateEnum.UNUSED);
        assertThat(health.get(0).targetHealth().reason()).isEqualTo(TargetHealthReasonEnum.TARGET_NOT_IN_USE);
        assertThat(health.get(0).healthCheckPort()).isEqualTo("8080");
        var notRegistered = elb.describeTargetHealth(r -> r.targetGroupArn(tg.targetGroupArn())
                        .targets(t -> t.id("10.0.1.16").port(8080)))
                .targetHealthDescriptions()
                .get(0)
                .targetHealth();
        assertThat(notRegistered.reason()).isEqualTo(TargetHealthReasonEnum.TARGET_NOT_REGISTERED);
        // not in use: deregistration completes at once
        elb.deregisterTargets(r -> r.targetGroupArn(tg.targetGroupArn())
                .targets(t -> t.id("10.0.1.15").port(8080)));
        assertThat(elb.describeTargetHealth(r -> r.targetGroupArn(tg.targetGroupArn()))
                        .targetHealthDescriptions())
                .isEmpty();
    }

    @Test
    void instanceTargetsAreTheEc2InstancesTheVpcModelKnows() {
        TargetGroup tg = elb.createTargetGroup(r -> r.name("instances")
                        .protocol("HTTP")
                        .port(80)
                        .vpcId(vpcId)
                        .targetType("instance"))
                .targetGroups()
                .get(0);
        // an ECS container instance records its EC2 instance so (EcsBackend), here by hand
        drydock.vpc().putInstance(new VpcModel.Instance("i-0123456789abcdef0", "10.0.3.7", "us-east-1b"));
        var unknown = catchThrowableOfType(
                () -> elb.registerTargets(r -> r.targetGroupArn(tg.targetGroupArn())
                        .targets(t -> t.id("i-0123456789abcdef0").port(32768), t -> t.id("i-0fffffffffffffff0"))),
                ElasticLoadBalancingV2Exception.class);
        assertThat(unknown.awsErrorDetails().errorCode()).isEqualTo("InvalidTarget");
        assertThat(unknown.awsErrorDetails().errorMessage())
                .startsWith("The following targets are not valid instances: 'i-0fffffffffffffff0'");
        assertThat(elb.describeTargetHealth(r -> r.targetGroupArn(tg.targetGroupArn()))
                        .targetHealthDescriptions())
                .as("nothing stored")
                .isEmpty();

        elb.registerTargets(r -> r.targetGroupArn(tg.targetGroupArn())
                .targets(t -> t.id("i-0123456789abcdef0").port(32768)));
        List<TargetHealthDescription> health = elb.describeTargetHealth(r -> r.targetGroupArn(tg.targetGroupArn()))
                .targetHealthDescriptions();
        assertThat(health).hasSize(1);
        assertThat(health.get(0).target().id()).isEqualTo("i-0123456789abcdef0");
        assertThat(health.get(0).target().port()).isEqualTo(32768);
        assertThat(health.get(0).healthCheckPort()).isEqualTo("32768");
    }

    @Test
    void aTargetOutsideTheVpcIsRefusedAndNothingIsRegistered() {
        TargetGroup tg = createTargetGroup("outside");
        var noZone = catchThrowableOfType(
                () -> elb.registerTargets(r -> r.targetGroupArn(tg.targetGroupArn())
                        .targets(t -> t.id("10.0.1.20"), t -> t.id("203.0.113.10"))),
                ElasticLoadBalancingV2Exception.class);
        assertThat(noZone.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
        assertThat(noZone.awsErrorDetails().errorMessage())
                .isEqualTo("The Availability Zone is required for IP address '203.0.113.10' because it is not in "
                        + "the VPC");
        var publicIp = catchThrowableOfType(
                () -> elb.registerTargets(r -> r.targetGroupArn(tg.targetGroupArn())
                        .targets(t -> t.id("203.0.113.10").availabilityZone("all"))),
                ElasticLoadBalancingV2Exception.class);
        assertThat(publicIp.awsErrorDetails().errorCode()).isEqualTo("InvalidTarget");
        assertThat(elb.describeTargetHealth(r -> r.targetGroupArn(tg.targetGroupArn()))
                        .targetHealthDescriptions())
                .as("nothing stored")
                .isEmpty();
    }

    @Test
    void attributesHaveAwsDefaultsAndDeletionProtectionHolds() {
        LoadBalancer lb = createAlb("protected");
        var attributes = elb.describeLoadBalancerAttributes(r -> r.loadBalancerArn(lb.loadBalancerArn()))
                .attributes();
        assertThat(attributes).anySatisfy(a -> {
            assertThat(a.key()).isEqualTo("idle_timeout.timeout_seconds");
            assertThat(a.value()).isEqualTo("60");
        });
        elb.modifyLoadBalancerAttributes(r -> r.loadBalancerArn(lb.loadBalancerArn())
                .attributes(a -> a.key("deletion_protection.enabled").value("true")));
        assertThat(catchThrowableOfType(
                        () -> elb.deleteLoadBalancer(r -> r.loadBalancerArn(lb.loadBalancerArn())),
                        OperationNotPermittedException.class))
                .isNotNull();
        var unknown = catchThrowableOfType(
                () -> elb.modifyLoadBalancerAttributes(r -> r.loadBalancerArn(lb.loadBalancerArn())
                        .attributes(a -> a.key("no.such.key").value("1"))),
                ElasticLoadBalancingV2Exception.class);
        assertThat(unknown.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
        TargetGroup tg = createTargetGroup("delays");
        var tgAttributes = elb.describeTargetGroupAttributes(r -> r.targetGroupArn(tg.targetGroupArn()))
                .attributes();
        assertThat(tgAttributes).anySatisfy(a -> {
            assertThat(a.key()).isEqualTo("deregistration_delay.timeout_seconds");
            assertThat(a.value()).isEqualTo("300");
        });
        assertThat(tg.healthCheckIntervalSeconds()).isEqualTo(30);
        assertThat(tg.healthCheckTimeoutSeconds()).isEqualTo(5);
        assertThat(tg.healthyThresholdCount()).isEqualTo(5);
        assertThat(tg.unhealthyThresholdCount()).isEqualTo(2);
        assertThat(tg.matcher().httpCode()).isEqualTo("200");
    }

    @Test
    void tagsOnEveryResource() {
        LoadBalancer lb = elb.createLoadBalancer(r -> r.name("tagged")
                        .subnets(SUBNET_A, SUBNET_B)
                        .tags(t -> t.key("team").value("web")))
                .loadBalancers()
                .get(0);
        elb.addTags(
                r -> r.resourceArns(lb.loadBalancerArn()).tags(t -> t.key("env").value("test")));
        elb.removeTags(r -> r.resourceArns(lb.loadBalancerArn()).tagKeys("team"));
        var tags = elb.describeTags(r -> r.resourceArns(lb.loadBalancerArn()))
                .tagDescriptions()
                .get(0)
                .tags();
        assertThat(tags).extracting(t -> t.key() + "=" + t.value()).containsExactly("env=test");
    }
}
