package dev.drydock.ecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.drydock.core.IamFixtures;
import dev.drydock.core.iam.AuthorizationDecision;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.AccessDeniedException;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.ListAccountSettingsResponse;
import software.amazon.awssdk.services.ecs.model.Setting;
import software.amazon.awssdk.services.ecs.model.SettingName;
import software.amazon.awssdk.services.ecs.model.SettingType;

/**
 * ListAccountSettings, PutAccountSetting, PutAccountSettingDefault and DeleteAccountSetting with the real SDK client
 * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PutAccountSetting.html): settings per principal
 * over the root user's defaults over AWS's, the values each setting takes, and IAM's {@code ecs:account-setting}
 * key. Each test deletes what it set, so the others see AWS's defaults.
 */
class AccountSettingsApiTest extends EcsApiTestBase {
    private static final String ACCOUNT = "123456789012";
    private static final String ME = "arn:aws:iam::" + ACCOUNT + ":user/drydock-test";
    private static final String ROOT = "arn:aws:iam::" + ACCOUNT + ":root";
    private static final String VIEWER = "arn:aws:iam::" + ACCOUNT + ":role/viewer";
    private static final String SETTINGS_ADMIN = "arn:aws:iam::" + ACCOUNT + ":role/ops/settings-admin";

    private EcsClient settingsAdmin;

    @BeforeAll
    void roles() {
        drydock.apply(IamFixtures.role("viewer"));
        drydock.apply(IamFixtures.role("settings-admin").path("/ops/").policy("iam/authz-settings-admin.json"));
        settingsAdmin = drydock.clientActingAs("settings-admin", EcsClient.builder());
    }

    @AfterAll
    void closeClient() {
        if (settingsAdmin != null) {
            settingsAdmin.close();
        }
    }

    @AfterEach
    void nothingLeftSet() {
        for (String principal : List.of(ME, ROOT, VIEWER, SETTINGS_ADMIN)) {
            assertThat(ecs.listAccountSettings(r -> r.principalArn(principal)).settings())
                    .as("settings a test left on %s", principal)
                    .isEmpty();
        }
    }

    @Test
    void effectiveSettingsAreAwsDefaultsUntilSomethingIsSet() {
        List<Setting> all = allPages(4, ME);

        assertThat(all)
                .extracting(Setting::nameAsString, Setting::value, Setting::principalArn, Setting::type)
                .startsWith(
                        tuple("serviceLongArnFormat", "enabled", ME, SettingType.USER),
                        tuple("taskLongArnFormat", "enabled", ME, SettingType.USER),
                        tuple("containerInstanceLongArnFormat", "enabled", ME, SettingType.USER),
                        tuple("awsvpcTrunking", "disabled", ME, SettingType.USER),
                        tuple("containerInsights", "disabled", ME, SettingType.USER),
                        tuple("fargateFIPSMode", "disabled", ME, SettingType.USER),
                        tuple("tagResourceAuthorization", "on", ME, SettingType.USER),
                        tuple("fargateTaskRetirementWaitPeriod", "7", ME, SettingType.USER),
                        tuple("guardDutyActivate", "off", ME, SettingType.AWS_MANAGED),
                        tuple("defaultLogDriverMode", "non-blocking", ME, SettingType.USER));
        assertThat(all).hasSize(11);
        assertThat(ecs.listAccountSettings(r -> r.effectiveSettings(true)).settings())
                .as("the first page holds 10 by default")
                .hasSize(10);
        assertThat(ecs.listAccountSettings(r -> r.principalArn(ME)).settings())
                .as("nothing is set")
                .isEmpty();
    }

    @Test
    void aSettingPutForTheCallerIsItsOwn() {
        Setting put = ecs.putAccountSetting(
                        r -> r.name(SettingName.AWSVPC_TRUNKING).value("enabled"))
                .setting();
        try {
            assertThat(put.principalArn()).isEqualTo(ME);
            assertThat(put.value()).isEqualTo("enabled");
            assertThat(put.type()).isEqualTo(SettingType.USER);

            assertThat(ecs.listAccountSettings(r -> r.name(SettingName.AWSVPC_TRUNKING))
                            .settings())
                    .containsExactly(put);
            assertThat(effective(VIEWER, SettingName.AWSVPC_TRUNKING))
                    .as("another principal")
                    .isEqualTo("disabled");
            assertThat(ecs.listAccountSettings(r -> r.effectiveSettings(true)
                                    .name(SettingName.AWSVPC_TRUNKING)
                                    .value("enabled"))
                            .settings())
                    .extracting(Setting::principalArn)
                    .containsExactly(ME);
            assertThat(ecs.listAccountSettings(r -> r.effectiveSettings(true)
                                    .name(SettingName.AWSVPC_TRUNKING)
                                    .value("disabled"))
                            .settings())
                    .isEmpty();
        } finally {
            ecs.deleteAccountSetting(r -> r.name(SettingName.AWSVPC_TRUNKING));
        }
        assertThat(effective(ME, SettingName.AWSVPC_TRUNKING)).isEqualTo("disabled");
    }

    @Test
    void theRootUsersValueIsTheDefaultOfPrincipalsWithoutTheirOwn() {
        Setting root = ecs.putAccountSettingDefault(
                        r -> r.name(SettingName.CONTAINER_INSIGHTS).value("enhanced"))
                .setting();
        ecs.putAccountSetting(
                r -> r.name(SettingName.CONTAINER_INSIGHTS).value("disabled").principalArn(VIEWER));
        try {
            assertThat(root.principalArn()).isEqualTo(ROOT);
            assertThat(root.value()).isEqualTo("enhanced");
            assertThat(effective(ME, SettingName.CONTAINER_INSIGHTS)).isEqualTo("enhanced");
            assertThat(effective(VIEWER, SettingName.CONTAINER_INSIGHTS)).isEqualTo("disabled");
            assertThat(ecs.listAccountSettings(r -> r.principalArn(ROOT)).settings())
                    .containsExactly(root);

            Setting deleted = ecs.deleteAccountSetting(
                            r -> r.name(SettingName.CONTAINER_INSIGHTS).principalArn(VIEWER))
                    .setting();
            assertThat(deleted.value()).as("the value deleted").isEqualTo("disabled");
            assertThat(effective(VIEWER, SettingName.CONTAINER_INSIGHTS)).isEqualTo("enhanced");
        } finally {
            ecs.deleteAccountSetting(r -> r.name(SettingName.CONTAINER_INSIGHTS).principalArn(ROOT));
            ecs.deleteAccountSetting(r -> r.name(SettingName.CONTAINER_INSIGHTS).principalArn(VIEWER));
        }
        assertThat(effective(VIEWER, SettingName.CONTAINER_INSIGHTS)).isEqualTo("disabled");
    }

    @Test
    void theRetirementWaitPeriodIsTheRootUsersOnly() {
        assertEcsErrorCode(
                () -> ecs.putAccountSetting(r ->
                        r.name(SettingName.FARGATE_TASK_RETIREMENT_WAIT_PERIOD).value("14")),
                InvalidParameterException.class);
        assertThat(ecs.putAccountSettingDefault(r -> r.name(SettingName.FARGATE_TASK_RETIREMENT_WAIT_PERIOD)
                                .value("14"))
                        .setting()
                        .value())
                .isEqualTo("14");
        try {
            assertThat(effective(ME, SettingName.FARGATE_TASK_RETIREMENT_WAIT_PERIOD))
                    .isEqualTo("14");
        } finally {
            ecs.deleteAccountSetting(
                    r -> r.name(SettingName.FARGATE_TASK_RETIREMENT_WAIT_PERIOD).principalArn(ROOT));
        }
    }

    @Test
    void badValuesAndPrincipalsAreRefusedAndStoreNothing() {
        assertEcsError(
                () -> ecs.putAccountSetting(
                        r -> r.name(SettingName.TASK_LONG_ARN_FORMAT).value("ENABLED")),
                InvalidParameterException.class,
                "Invalid setting 'value'");
        assertEcsError(
                () -> ecs.putAccountSettingDefault(
                        r -> r.name(SettingName.TAG_RESOURCE_AUTHORIZATION).value("enabled")),
                InvalidParameterException.class,
                "Invalid setting 'value'");
        assertEcsErrorCode(
                () -> ecs.putAccountSettingDefault(
                        r -> r.name(SettingName.GUARD_DUTY_ACTIVATE).value("on")),
                InvalidParameterException.class);
        assertThat(catchThrowableOfType(
                                InvalidParameterException.class,
                                () -> ecs.putAccountSetting(r -> r.name(SettingName.AWSVPC_TRUNKING)
                                        .value("enabled")
                                        .principalArn("arn:aws:iam::999999999999:role/viewer")))
                        .awsErrorDetails()
                        .errorMessage())
                .startsWith("Invalid principalArn 'arn:aws:iam::999999999999:role/viewer'");
        assertEcsErrorCode(() -> ecs.listAccountSettings(r -> r.value("enabled")), InvalidParameterException.class);
        assertEcsError(
                () -> ecs.listAccountSettings(r -> r.effectiveSettings(true).maxResults(11)),
                InvalidParameterException.class,
                "maxResults must be between 1 and 10.");
    }

    @Test
    void aRoleSessionsSettingIsItsRolesAndIamDecidesOnTheSettingsName() {
        drydock.decisionLog().clear();
        Setting put = settingsAdmin
                .putAccountSetting(r -> r.name(SettingName.AWSVPC_TRUNKING).value("enabled"))
                .setting();
        try {
            assertThat(put.principalArn()).as("the role, with its path").isEqualTo(SETTINGS_ADMIN);
            assertThat(effective(SETTINGS_ADMIN, SettingName.AWSVPC_TRUNKING)).isEqualTo("enabled");

            AccessDeniedException denied = catchThrowableOfType(
                    AccessDeniedException.class,
                    () -> settingsAdmin.putAccountSetting(
                            r -> r.name(SettingName.CONTAINER_INSIGHTS).value("enabled")));
            assertThat(denied).isNotNull();
            assertThat(denied.statusCode()).isEqualTo(400);
            assertThat(denied.awsErrorDetails().errorMessage())
                    .isEqualTo("User: arn:aws:sts::" + ACCOUNT + ":assumed-role/settings-admin/drydock-test is not "
                            + "authorized to perform: ecs:PutAccountSetting on resource: * because no identity-based "
                            + "policy allows the ecs:PutAccountSetting action");
            assertThat(catchThrowableOfType(
                            AccessDeniedException.class,
                            () -> settingsAdmin.putAccountSettingDefault(
                                    r -> r.name(SettingName.AWSVPC_TRUNKING).value("enabled"))))
                    .isNotNull();
            assertThat(settingsAdmin
                            .listAccountSettings(r -> r.effectiveSettings(true))
                            .settings())
                    .isNotEmpty();

            List<AuthorizationDecision> decisions =
                    new ArrayList<>(drydock.decisionLog().decisionsFor("settings-admin"));
            assertThat(decisions)
                    .extracting(
                            AuthorizationDecision::action,
                            AuthorizationDecision::resource,
                            AuthorizationDecision::allowed)
                    .containsExactly(
                            tuple("ecs:PutAccountSetting", "*", true),
                            tuple("ecs:PutAccountSetting", "*", false),
                            tuple("ecs:PutAccountSettingDefault", "*", false),
                            tuple("ecs:ListAccountSettings", "*", true));
            assertThat(decisions.get(0).context()).containsEntry("ecs:account-setting", List.of("awsvpcTrunking"));
            assertThat(decisions.get(1).context()).containsEntry("ecs:account-setting", List.of("containerInsights"));
            assertThat(decisions.get(3).context()).doesNotContainKey("ecs:account-setting");
            assertThat(effective(SETTINGS_ADMIN, SettingName.CONTAINER_INSIGHTS))
                    .isEqualTo("disabled");
        } finally {
            settingsAdmin.deleteAccountSetting(r -> r.name(SettingName.AWSVPC_TRUNKING));
        }
    }

    // ============================================================================================== helpers

    /** The value {@code principal} has for {@code name}. */
    private String effective(String principal, SettingName name) {
        List<Setting> settings = ecs.listAccountSettings(
                        r -> r.effectiveSettings(true).principalArn(principal).name(name))
                .settings();
        assertThat(settings).hasSize(1);
        assertThat(settings.get(0).principalArn()).isEqualTo(principal);
        return settings.get(0).value();
    }

    /** Every effective setting of {@code principal}, {@code pageSize} at a time. */
    private List<Setting> allPages(int pageSize, String principal) {
        List<Setting> all = new ArrayList<>();
        String token = null;
        do {
            String from = token;
            ListAccountSettingsResponse page = ecs.listAccountSettings(r -> r.effectiveSettings(true)
                    .principalArn(principal)
                    .maxResults(pageSize)
                    .nextToken(from));
            assertThat(page.settings()).hasSizeLessThanOrEqualTo(pageSize);
            all.addAll(page.settings());
            token = page.nextToken();
        } while (token != null);
        return all;
    }
}
