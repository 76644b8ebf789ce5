package dev.drydock.elb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.drydock.core.Drydock;
import dev.drydock.core.IamFixtures;
import dev.drydock.core.iam.AuthorizationDecision;
import dev.drydock.core.runtime.SimulatedRuntime;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ElasticLoadBalancingV2Exception;

/** ELB's calls are authorized with IAM (actions, resources, condition keys) and recorded in the decision log. */
class ElbIamTest {

    @Test
    void actionsResourcesAndConditionKeysAsTheServiceAuthorizationReferenceLists() {
        try (Drydock drydock = Drydock.builder()
                        .runtime(SimulatedRuntime::new)
                        .fixture(IamFixtures.role("elb-internal").policy("iam/elb-internal-only.json"))
                        .fixture(ElbFixtures.targetGroup("owned"))
                        .start();
                ElasticLoadBalancingV2Client admin = drydock.client(ElasticLoadBalancingV2Client.builder());
                ElasticLoadBalancingV2Client role =
                        drydock.clientActingAs("elb-internal", ElasticLoadBalancingV2Client.builder())) {
            var denied = catchThrowableOfType(
                    () -> role.createLoadBalancer(r -> r.name("public").subnets(ElbFixtures.DEFAULT_SUBNETS)),
                    ElasticLoadBalancingV2Exception.class);
            assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            assertThat(denied.statusCode()).isEqualTo(403);
            assertThat(denied.awsErrorDetails().errorMessage())
                    .contains("is not authorized to perform: elasticloadbalancing:CreateLoadBalancer on resource: "
                            + "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/public/*");
            assertThat(admin.describeLoadBalancers().loadBalancers())
                    .as("nothing created")
                    .isEmpty();
            role.createLoadBalancer(r -> r.name("private").scheme("internal").subnets(ElbFixtures.DEFAULT_SUBNETS));
            String tg = role.describeTargetGroups(r -> r.names("owned"))
                    .targetGroups()
                    .get(0)
                    .targetGroupArn();
            var untagged = catchThrowableOfType(
                    () -> role.registerTargets(r -> r.targetGroupArn(tg).targets(t -> t.id("10.0.0.8"))),
                    ElasticLoadBalancingV2Exception.class);
            assertThat(untagged.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            admin.addTags(r -> r.resourceArns(tg).tags(t -> t.key("team").value("web")));
            role.registerTargets(r -> r.targetGroupArn(tg).targets(t -> t.id("10.0.0.8")));

            List<AuthorizationDecision> decisions =
                    drydock.decisionLog().decisions(d -> d.action().startsWith("elasticloadbalancing:Create"));
            assertThat(decisions)
                    .extracting(d -> d.action() + " " + d.allowed())
                    .containsExactly(
                            "elasticloadbalancing:CreateLoadBalancer false",
                            "elasticloadbalancing:CreateLoadBalancer true");
            assertThat(decisions.get(1).context().get("elasticloadbalancing:Scheme"))
                    .containsExactly("internal");
            assertThat(decisions.get(1).context().get("elasticloadbalancing:Subnet"))
                    .containsExactlyElementsOf(ElbFixtures.DEFAULT_SUBNETS);
        }
    }
}
