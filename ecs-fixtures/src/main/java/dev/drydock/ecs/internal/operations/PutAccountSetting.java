package dev.drydock.ecs.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.ecs.internal.backend.EcsBackend;
import dev.drydock.ecs.internal.support.AccountPrincipals;
import dev.drydock.ecs.internal.support.EcsOperation;
import software.amazon.awssdk.services.ecs.model.PutAccountSettingRequest;
import software.amazon.awssdk.services.ecs.model.PutAccountSettingResponse;

/**
 * PutAccountSetting: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PutAccountSetting.html.
 *
 * <p>Supported: sets {@code name} to {@code value} for {@code principalArn} (an IAM user, an IAM role, or the root
 * user, whose value is the default of every principal without its own), or for the caller when omitted. Each setting
 * takes the values the page lists ({@code enabled}/{@code disabled}; {@code enhanced} too for containerInsights;
 * {@code on}/{@code off} for tagResourceAuthorization; {@code 0}, {@code 7} or {@code 14} days for
 * fargateTaskRetirementWaitPeriod, root user only; {@code blocking}/{@code non-blocking} for defaultLogDriverMode);
 * anything else is ECS's InvalidParameterException "Invalid setting 'value'"; guardDutyActivate is read-only. The
 * values are stored and listed; they do not change how Drydock runs tasks. The page's "you must be the root user, or
 * the principal" is not enforced: IAM decides, as for administrators setting a role's awsvpcTrunking.
 *
 * <p>Authorization, per the Service Authorization Reference (SAR)
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerservice.html):
 * {@code ecs:PutAccountSetting} on {@code *} (no resource type) with {@code ecs:account-setting}, the setting's name.
 */
public final class PutAccountSetting extends EcsOperation
        implements Operation<PutAccountSettingRequest, PutAccountSettingResponse> {
    private final AccountPrincipals principals;

    public PutAccountSetting(EcsBackend backend, AccountPrincipals principals) {
        super(backend);
        this.principals = principals;
    }

    @Override
    public PutAccountSettingResponse call(PutAccountSettingRequest request, CallContext context) {
        context.authorize(
                "ecs:PutAccountSetting",
                "*",
                keys().accountSetting(request.nameAsString()).build());
        String principal = principals.of(request.principalArn(), context.caller());
        return PutAccountSettingResponse.builder()
                .setting(
                        backend.accountSettings().putAccountSetting(principal, request.nameAsString(), request.value()))
                .build();
    }
}
