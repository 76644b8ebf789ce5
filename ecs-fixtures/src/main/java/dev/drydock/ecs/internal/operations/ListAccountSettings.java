package dev.drydock.ecs.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.Page;
import dev.drydock.ecs.internal.EcsErrors;
import dev.drydock.ecs.internal.backend.EcsBackend;
import dev.drydock.ecs.internal.support.AccountPrincipals;
import dev.drydock.ecs.internal.support.EcsOperation;
import software.amazon.awssdk.services.ecs.model.ListAccountSettingsRequest;
import software.amazon.awssdk.services.ecs.model.ListAccountSettingsResponse;
import software.amazon.awssdk.services.ecs.model.Setting;

/**
 * ListAccountSettings: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ListAccountSettings.html.
 *
 * <p>Supported as documented: the settings of {@code principalArn} (the caller when omitted: an IAM user, or the role
 * of a role session); with {@code effectiveSettings} every setting with the value the principal has (its own, else
 * the root user's, else AWS's default), without it only those set for the principal; filtered by {@code name} and
 * {@code value} ({@code value} only with {@code name}); pages of at most 10 ({@code maxResults} 1-10, default 10).
 *
 * <p>Authorization, per the Service Authorization Reference (SAR)
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerservice.html):
 * {@code ecs:ListAccountSettings} on {@code *} (the action has no resource type and no condition keys).
 */
public final class ListAccountSettings extends EcsOperation
        implements Operation<ListAccountSettingsRequest, ListAccountSettingsResponse> {
    private final AccountPrincipals principals;

    public ListAccountSettings(EcsBackend backend, AccountPrincipals principals) {
        super(backend);
        this.principals = principals;
    }

    @Override
    public ListAccountSettingsResponse call(ListAccountSettingsRequest request, CallContext context) {
        context.authorize("ecs:ListAccountSettings", "*");
        if (request.value() != null && request.nameAsString() == null) {
            throw EcsErrors.invalidParameter("value can only be given with name: to filter by value, also specify "
                    + "the account setting name.");
        }
        String principal = principals.of(request.principalArn(), context.caller());
        Page<Setting> page = EcsErrors.ACCOUNT_SETTINGS_PAGINATOR.page(
                backend.accountSettings()
                        .listAccountSettings(
                                principal,
                                request.nameAsString(),
                                request.value(),
                                Boolean.TRUE.equals(request.effectiveSettings())),
                request.maxResults(),
                request.nextToken());
        return ListAccountSettingsResponse.builder()
                .settings(page.items())
                .nextToken(page.nextToken())
                .build();
    }
}
