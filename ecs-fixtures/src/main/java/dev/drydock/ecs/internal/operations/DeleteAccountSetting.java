package dev.drydock.ecs.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.ecs.internal.backend.EcsBackend;
import dev.drydock.ecs.internal.support.AccountPrincipals;
import dev.drydock.ecs.internal.support.EcsOperation;
import software.amazon.awssdk.services.ecs.model.DeleteAccountSettingRequest;
import software.amazon.awssdk.services.ecs.model.DeleteAccountSettingResponse;

/**
 * DeleteAccountSetting: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeleteAccountSetting.html.
 *
 * <p>Supported: forgets the value set for {@code principalArn} (the caller when omitted), which then has the root
 * user's value or AWS's default; deleting the root user's value restores AWS's default for everyone without their own.
 * Answers the setting as it was set (when nothing was set: the value the principal has).
 *
 * <p>Authorization, per the Service Authorization Reference (SAR)
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerservice.html):
 * {@code ecs:DeleteAccountSetting} on {@code *} (no resource type) with {@code ecs:account-setting}, the setting's
 * name.
 */
public final class DeleteAccountSetting extends EcsOperation
        implements Operation<DeleteAccountSettingRequest, DeleteAccountSettingResponse> {
    private final AccountPrincipals principals;

    public DeleteAccountSetting(EcsBackend backend, AccountPrincipals principals) {
        super(backend);
        this.principals = principals;
    }

    @Override
    public DeleteAccountSettingResponse call(DeleteAccountSettingRequest request, CallContext context) {
        context.authorize(
                "ecs:DeleteAccountSetting",
                "*",
                keys().accountSetting(request.nameAsString()).build());
        String principal = principals.of(request.principalArn(), context.caller());
        return DeleteAccountSettingResponse.builder()
                .setting(backend.accountSettings().deleteAccountSetting(principal, request.nameAsString()))
                .build();
    }
}
