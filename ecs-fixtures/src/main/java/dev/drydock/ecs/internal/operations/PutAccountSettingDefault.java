package dev.drydock.ecs.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.ecs.internal.backend.EcsBackend;
import dev.drydock.ecs.internal.support.EcsOperation;
import software.amazon.awssdk.services.ecs.model.PutAccountSettingDefaultRequest;
import software.amazon.awssdk.services.ecs.model.PutAccountSettingDefaultResponse;

/**
 * PutAccountSettingDefault:
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PutAccountSettingDefault.html.
 *
 * <p>Supported: sets the account's default, the root user's setting, which every user and role without its own value
 * has; answered with the root user's ARN as {@code principalArn}. Values as {@link PutAccountSetting}.
 *
 * <p>Authorization, per the Service Authorization Reference (SAR)
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerservice.html):
 * {@code ecs:PutAccountSettingDefault} on {@code *} (no resource type) with {@code ecs:account-setting}, the setting's
 * name.
 */
public final class PutAccountSettingDefault extends EcsOperation
        implements Operation<PutAccountSettingDefaultRequest, PutAccountSettingDefaultResponse> {
    public PutAccountSettingDefault(EcsBackend backend) {
        super(backend);
    }

    @Override
    public PutAccountSettingDefaultResponse call(PutAccountSettingDefaultRequest request, CallContext context) {
        context.authorize(
                "ecs:PutAccountSettingDefault",
                "*",
                keys().accountSetting(request.nameAsString()).build());
        return PutAccountSettingDefaultResponse.builder()
                .setting(backend.accountSettings()
                        .putAccountSetting(
                                backend.accountSettings().rootPrincipal(), request.nameAsString(), request.value()))
                .build();
    }
}
