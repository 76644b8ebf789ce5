package dev.drydock.elb.internal.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.elb.internal.health.HealthProbe;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleCondition;

/** Rule matching and target picking, without sockets. */
class RoutesTest {
    private final TargetPool api = new TargetPool("api");
    private final TargetPool web = new TargetPool("web");

    private static Action forward(String arn) {
        return Action.builder().type(ActionTypeEnum.FORWARD).targetGroupArn(arn).build();
    }

    private Routes routes(RuleCondition... conditions) {
        return Routes.compile(
                List.of(Map.entry(List.of(conditions), List.of(forward("api")))),
                List.of(forward("web")),
                arn -> arn.equals("api") ? api : web);
    }

    private static HttpRequest get(String uri, String... headers) {
        HttpRequest r = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, uri);
        for (int i = 0; i < headers.length; i += 2) {
            r.headers().add(headers[i], headers[i + 1]);
        }
        return r;
    }

    private TargetPool pool(Routes routes, HttpRequest request, String client) throws Exception {
        return ((Routes.Forward) routes.route(request, InetAddress.getByName(client))).pool();
    }

    @Test
    void pathPatternsAreCaseSensitiveWildcardsOnThePathAlone() throws Exception {
        Routes r = routes(RuleCondition.builder()
                .field("path-pattern")
                .pathPatternConfig(p -> p.values("/api/*", "/v?/x"))
                .build());
        assertThat(pool(r, get("/api/orders?x=1"), "10.0.0.1")).isSameAs(api);
        assertThat(pool(r, get("/v2/x"), "10.0.0.1")).isSameAs(api);
        assertThat(pool(r, get("/API/orders"), "10.0.0.1")).isSameAs(web);
        assertThat(pool(r, get("/v22/x"), "10.0.0.1")).isSameAs(web);
    }

    @Test
    void hostHeadersIgnoreCaseAndPort() throws Exception {
        Routes r = routes(RuleCondition.builder()
                .field("host-header")
                .hostHeaderConfig(h -> h.values("*.example.com"))
                .build());
        assertThat(pool(r, get("/", "Host", "API.Example.com:8080"), "10.0.0.1"))
                .isSameAs(api);
        assertThat(pool(r, get("/", "Host", "example.org"), "10.0.0.1")).isSameAs(web);
    }

    @Test
    void everyConditionMustMatchAndSourceIpsAreCidrs() throws Exception {
        Routes r = routes(
                RuleCondition.builder()
                        .field("source-ip")
                        .sourceIpConfig(s -> s.values("192.168.0.0/16"))
                        .build(),
                RuleCondition.builder()
                        .field("query-string")
                        .queryStringConfig(q -> q.values(v -> v.key("v*").value("BETA")))
                        .build());
        assertThat(pool(r, get("/?version=beta"), "192.168.4.2")).isSameAs(api);
        assertThat(pool(r, get("/?version=beta"), "10.1.1.1")).isSameAs(web);
        assertThat(pool(r, get("/?other=beta"), "192.168.4.2")).isSameAs(web);
    }

    @Test
    void weightedForwardingFollowsTheWeights() {
        Routes r = Routes.compile(
                List.of(),
                List.of(Action.builder()
                        .type(ActionTypeEnum.FORWARD)
                        .forwardConfig(f -> f.targetGroups(
                                t -> t.targetGroupArn("api").weight(1),
                                t -> t.targetGroupArn("web").weight(3)))
                        .build()),
                arn -> arn.equals("api") ? api : web);
        Routes.Forward forward = (Routes.Forward) r.route();
        int apiCount = 0;
        for (int i = 0; i < 400; i++) {
            if (forward.pool() == api) {
                apiCount++;
            }
        }
        assertThat(apiCount).isEqualTo(100);
    }

    @Test
    void poolsPreferHealthyTargetsFailOpenAndSkipDrainingOnes() {
        TargetEndpoint a = new TargetEndpoint("10.0.0.1", 80, "10.0.0.1", TargetAddresses.direct());
        TargetEndpoint b = new TargetEndpoint("10.0.0.2", 80, "10.0.0.2", TargetAddresses.direct());
        TargetPool pool = new TargetPool("tg");
        assertThat(pool.pick()).isNull();
        pool.update(List.of(), List.of(a, b));
        assertThat(List.of(pool.pick(), pool.pick())).containsExactlyInAnyOrder(a, b);
        pool.update(List.of(b), List.of(a, b));
        assertThat(List.of(pool.pick(), pool.pick(), pool.pick())).containsOnly(b);
        b.drain();
        pool.update(List.of(), List.of(a));
        assertThat(pool.pick()).isSameAs(a);
    }

    @Test
    void matchersTakeCodesListsAndRanges() {
        assertThat(HealthProbe.matches("200", 200)).isTrue();
        assertThat(HealthProbe.matches("200,202", 202)).isTrue();
        assertThat(HealthProbe.matches("200-299", 204)).isTrue();
        assertThat(HealthProbe.matches("200-299", 301)).isFalse();
    }
}
