package dev.drydock.core.internal.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.core.internal.auth.ProtocolFamily;
import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.Caller;
import dev.drydock.core.spi.HttpRequest;
import dev.drydock.core.spi.HttpResponse;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkPojo;

/**
 * A service registered on first use (JSON, query or REST-JSON) is built by its first call, once, and what the router
 * asks before a call (signing name, protocol family, whether an unsigned request is one of its) does not build it,
 * except a REST service's claim on a path.
 */
class LazyServiceTest {
    private final AtomicInteger builds = new AtomicInteger();

    @Test
    void isBuiltOnceByItsFirstCallAndNotByWhatTheRouterAsksFirst() {
        LazyService lazy = new LazyService("monitoring", ProtocolFamily.QUERY, () -> built("monitoring", true));

        assertThat(lazy.signingName()).isEqualTo("monitoring");
        assertThat(lazy.protocolFamily()).isEqualTo(ProtocolFamily.QUERY);
        assertThat(lazy.claims(get("/anything"))).isFalse();
        assertThat(builds).hasValue(0);

        assertThat(lazy.error(AwsException.client("Code", "text"), "r1").status())
                .isEqualTo(418);
        lazy.error(AwsException.client("Code", "text"), "r2");
        assertThat(builds).hasValue(1);
    }

    @Test
    void aRestServiceIsBuiltToAnswerWhetherAnUnsignedRequestIsOneOfItsOwn() {
        LazyService lazy =
                new LazyService("elasticfilesystem", ProtocolFamily.REST_JSON, () -> built("elasticfilesystem", true));

        assertThat(lazy.claims(get("/2015-02-01/file-systems"))).isTrue();
        assertThat(builds).hasValue(1);
    }

    @Test
    void aTableBuiltWithAnotherSigningNameIsRefusedOnFirstUse() {
        LazyService lazy = new LazyService("ec2", ProtocolFamily.QUERY, () -> built("autoscaling", false));

        assertThatThrownBy(() -> lazy.error(AwsException.client("Code", "text"), "r1"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("The service registered as ec2 was built with signing name autoscaling");
    }

    private static HttpRequest get(String path) {
        InetSocketAddress local = new InetSocketAddress(InetAddress.getLoopbackAddress(), 4566);
        return new HttpRequest("GET", path, null, Map.of(), null, local, local);
    }

    private AwsService built(String signingName, boolean claims) {
        builds.incrementAndGet();
        return new AwsService() {
            @Override
            public String signingName() {
                return signingName;
            }

            @Override
            public ProtocolFamily protocolFamily() {
                return ProtocolFamily.QUERY;
            }

            @Override
            public AwsException accessDenied(String message) {
                return AwsException.client("AccessDenied", message);
            }

            @Override
            public boolean claims(HttpRequest request) {
                return claims;
            }

            @Override
            public HttpResponse handle(HttpRequest request, Caller caller, Authorizer authorizer) {
                throw new UnsupportedOperationException();
            }

            @Override
            public HttpResponse error(AwsException e, String requestId) {
                return HttpResponse.text(418, e.errorCode());
            }

            @Override
            public SdkPojo invoke(String operation, SdkPojo request, Call context) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
