package dev.drydock.core.internal.service;

import dev.drydock.core.internal.auth.ProtocolFamily;
import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.Caller;
import dev.drydock.core.spi.HttpRequest;
import dev.drydock.core.spi.HttpResponse;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkPojo;

/**
 * A service whose routing table is built on first use (by its first request, or by the warm-up thread right after
 * start): building it loads every request class of the API, which Drydock's start should not wait for. JSON, query
 * (IAM, STS, the modules' query services) and REST-JSON services alike.
 */
public final class LazyService implements AwsService {
    private final String signingName;
    private final ProtocolFamily protocolFamily;
    private final Supplier<? extends AwsService> factory;
    private volatile AwsService service;

    /**
     * @param signingName the signing name the factory's service has
     * @param protocolFamily its protocol family
     * @param factory builds the service
     */
    public LazyService(String signingName, ProtocolFamily protocolFamily, Supplier<? extends AwsService> factory) {
        this.signingName = signingName;
        this.protocolFamily = protocolFamily;
        this.factory = factory;
    }

    /** The service, built on the first call. */
    public AwsService get() {
        AwsService s = service;
        if (s == null) {
            synchronized (this) {
                s = service;
                if (s == null) {
                    s = factory.get();
                    if (!s.signingName().equals(signingName)) {
                        throw new IllegalStateException("The service registered as " + signingName
                                + " was built with signing name " + s.signingName());
                    }
                    service = s;
                }
            }
        }
        return s;
    }

    @Override
    public String signingName() {
        return signingName;
    }

    @Override
    public ProtocolFamily protocolFamily() {
        return protocolFamily;
    }

    /**
     * Only a REST service claims unsigned requests by their path (JSON and query services never do), so only a lazy
     * REST service is built to answer.
     */
    @Override
    public boolean claims(HttpRequest request) {
        return protocolFamily == ProtocolFamily.REST_JSON && get().claims(request);
    }

    @Override
    public AwsException accessDenied(String message) {
        return get().accessDenied(message);
    }

    @Override
    public boolean accessDeniedNamesStarResource() {
        return get().accessDeniedNamesStarResource();
    }

    @Override
    public HttpResponse handle(HttpRequest request, Caller caller, Authorizer authorizer) {
        return get().handle(request, caller, authorizer);
    }

    @Override
    public HttpResponse error(AwsException e, String requestId) {
        return get().error(e, requestId);
    }

    @Override
    public SdkPojo invoke(String operation, SdkPojo request, Call context) {
        return get().invoke(operation, request, context);
    }
}
