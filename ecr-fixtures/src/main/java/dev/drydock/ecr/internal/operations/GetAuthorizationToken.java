package dev.drydock.ecr.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.ecr.internal.backend.EcrBackend;
import software.amazon.awssdk.services.ecr.model.AuthorizationData;
import software.amazon.awssdk.services.ecr.model.GetAuthorizationTokenRequest;
import software.amazon.awssdk.services.ecr.model.GetAuthorizationTokenResponse;

/**
 * GetAuthorizationToken (https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_GetAuthorizationToken.html):
 * {@code ecr:GetAuthorizationToken} on {@code *}; answers base64 {@code AWS:<password>}, valid 12 hours, for
 * {@code docker login -u AWS -p <password>} against the registry endpoint. Registry requests with it act as the
 * caller. {@code proxyEndpoint} is AWS's {@code https://<account>.dkr.ecr.<region>.amazonaws.com}, and the address to
 * log in to locally is {@code EcrModule#registryHost()}; with the setting {@code ecr.repository-uri=local} it is
 * {@code https://127.0.0.1:<port>}, that registry (Docker falls back to plain HTTP on loopback).
 */
public final class GetAuthorizationToken
        implements Operation<GetAuthorizationTokenRequest, GetAuthorizationTokenResponse> {
    private final EcrBackend backend;

    public GetAuthorizationToken(EcrBackend backend) {
        this.backend = backend;
    }

    @Override
    public GetAuthorizationTokenResponse call(GetAuthorizationTokenRequest request, CallContext context) {
        context.authorize("ecr:GetAuthorizationToken", "*");
        EcrBackend.Token token = backend.issueToken(context.caller());
        return GetAuthorizationTokenResponse.builder()
                .authorizationData(AuthorizationData.builder()
                        .authorizationToken(token.authorizationToken())
                        .expiresAt(token.expiresAt())
                        .proxyEndpoint("https://" + backend.uriHost())
                        .build())
                .build();
    }
}
