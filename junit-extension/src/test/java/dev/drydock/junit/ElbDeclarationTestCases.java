package dev.drydock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.elb.ElbModule;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;

/** Fixtures for {@link ElbDeclarationTest}; run only through it. */
class ElbDeclarationTestCases {

    /** Declared before their target groups: target groups are still created first. */
    @ApplicationLoadBalancer(
            name = "shop",
            idleTimeoutSeconds = 30,
            listeners =
                    @ElbListener(
                            port = 80,
                            forward = "web",
                            rules = {
                                @ElbRule(priority = 10, pathPatterns = "/api/*", forward = "api"),
                                @ElbRule(priority = 20, pathPatterns = "/teapot", fixedResponseStatus = 418)
                            }))
    @NetworkLoadBalancer(name = "cache", listeners = @ElbListener(port = 6379, forward = "redis"))
    @ElbTargetGroup(name = "web", healthCheckPath = "/health", deregistrationDelaySeconds = 30)
    @ElbTargetGroup(name = "api", healthCheckIntervalSeconds = 10, healthyThresholdCount = 2)
    @ElbTargetGroup(name = "redis", protocol = "TCP", port = 6379)
    static class LoadBalancersAndTargetGroups {
        @Test
        void declaredAsAnnotated(ElasticLoadBalancingV2Client elb, ElbModule module) throws Exception {
            assertThat(elb.describeTargetGroups().targetGroups())
                    .extracting(TargetGroup::targetGroupName)
                    .containsExactly("web", "api", "redis");
            TargetGroup api =
                    elb.describeTargetGroups(r -> r.names("api")).targetGroups().get(0);
            assertThat(api.healthCheckIntervalSeconds()).isEqualTo(10);
            assertThat(api.healthyThresholdCount()).isEqualTo(2);
            assertThat(elb.describeTargetGroupAttributes(
                                    r -> r.targetGroupArn(elb.describeTargetGroups(x -> x.names("web"))
                                            .targetGroups()
                                            .get(0)
                                            .targetGroupArn()))
                            .attributes())
                    .anySatisfy(a ->
                            assertThat(a.key() + "=" + a.value()).isEqualTo("deregistration_delay.timeout_seconds=30"));
            var shop = elb.describeLoadBalancers(r -> r.names("shop"))
                    .loadBalancers()
                    .get(0);
            var listener = elb.describeListeners(r -> r.loadBalancerArn(shop.loadBalancerArn()))
                    .listeners()
                    .get(0);
            assertThat(elb.describeRules(r -> r.listenerArn(listener.listenerArn()))
                            .rules())
                    .extracting(Rule::priority)
                    .containsExactly("10", "20", "default");
            URI url = module.url("shop");
            var teapot = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(url.resolve("/teapot")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(teapot.statusCode()).isEqualTo(418);
            var none = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(url.resolve("/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(none.statusCode()).as("no targets registered yet").isEqualTo(503);
            assertThat(module.address("cache", 6379).getPort()).isPositive();
        }
    }

    @ApplicationLoadBalancer(name = "lost", listeners = @ElbListener(port = 80, forward = "nowhere"))
    static class ForwardToAnUndeclaredTargetGroup extends DeclarationErrorsTestCases.NeverRuns {}

    @ElbTargetGroup(name = "bad", healthCheckIntervalSeconds = 5, healthCheckTimeoutSeconds = 5)
    static class TimeoutNotBelowInterval extends DeclarationErrorsTestCases.NeverRuns {}
}
