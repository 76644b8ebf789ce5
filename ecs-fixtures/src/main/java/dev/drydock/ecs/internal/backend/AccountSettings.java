package dev.drydock.ecs.internal.backend;

import dev.drydock.ecs.internal.EcsErrors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ecs.model.Setting;
import software.amazon.awssdk.services.ecs.model.SettingType;

/**
 * ECS account settings of one account and region
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-account-settings.html): the values set for a
 * principal (an IAM user, an IAM role, or the root user {@code arn:aws:iam::<account>:root}, whose values are the
 * defaults of every principal without its own), over AWS's defaults. Package-private part of {@link EcsBackend}; the
 * caller holds the backend's lock.
 *
 * <p>Values are stored and listed; they change nothing else Drydock does (ARNs are always in the long format,
 * Container Insights is not modelled, tag-on-create always needs ecs:TagResource as with tagResourceAuthorization on).
 */
final class AccountSettings {
    /**
     * Every setting name of ECS's model, in the model's order, with AWS's default value for an account that never
     * changed it (the API reference pages of PutAccountSetting and PutAccountSettingDefault, and the developer guide's
     * "Amazon ECS account settings"): the long ARN formats are on for every account since 2021, tag-on-create
     * authorization since 2024, a Fargate task is retired 7 days after its notice, and since June 2025 the default log
     * driver mode is {@code non-blocking}.
     */
    private static final Map<String, String> AWS_DEFAULTS = defaults();

    /** The values PutAccountSetting accepts for each name (the API reference's "value" member). */
    private static final Map<String, Set<String>> VALUES = Map.ofEntries(
            Map.entry("serviceLongArnFormat", Set.of("enabled", "disabled")),
            Map.entry("taskLongArnFormat", Set.of("enabled", "disabled")),
            Map.entry("containerInstanceLongArnFormat", Set.of("enabled", "disabled")),
            Map.entry("awsvpcTrunking", Set.of("enabled", "disabled")),
            Map.entry("containerInsights", Set.of("enabled", "disabled", "enhanced")),
            Map.entry("fargateFIPSMode", Set.of("enabled", "disabled")),
            Map.entry("tagResourceAuthorization", Set.of("on", "off")),
            Map.entry("fargateTaskRetirementWaitPeriod", Set.of("0", "7", "14")),
            Map.entry("guardDutyActivate", Set.of("on", "off")),
            Map.entry("defaultLogDriverMode", Set.of("blocking", "non-blocking")),
            Map.entry("fargateEventWindows", Set.of("enabled", "disabled")));

    private static final String GUARD_DUTY = "guardDutyActivate";
    private static final String RETIREMENT_WAIT = "fargateTaskRetirementWaitPeriod";

    private final String accountId;
    private final String root;
    private final Pattern principal;
    /** Values set, by principal ARN, then by setting name (in the order they were first set). */
    private final Map<String, Map<String, String>> set = new LinkedHashMap<>();

    AccountSettings(String accountId) {
        this.accountId = accountId;
        this.root = "arn:aws:iam::" + accountId + ":root";
        this.principal =
                Pattern.compile("arn:aws:iam::" + accountId + ":(root|(user|role)/([\\w+=,.@-]+/)*[\\w+=,.@-]+)");
    }

    /** The root user's ARN, whose settings are the account's defaults. */
    String root() {
        return root;
    }

    /**
     * PutAccountSetting and PutAccountSettingDefault ({@code principalArn} the root user's): sets {@code name} to
     * {@code value} for the principal.
     *
     * @throws dev.drydock.core.spi.AwsException InvalidParameterException "Invalid setting 'value'" (ECS's words, as
     *     users quote them: https://github.com/aws/aws-cli/issues/3785) for a value the setting does not take; for
     *     {@code guardDutyActivate} (read-only: GuardDuty sets it); for {@code fargateTaskRetirementWaitPeriod} on
     *     anyone but the root user; for a principal that is not a user, role or root of this account
     */
    Setting put(String principalArn, String name, String value) {
        checkPrincipal(principalArn);
        if (GUARD_DUTY.equals(name)) {
            throw EcsErrors.invalidParameter("guardDutyActivate is read-only: Amazon GuardDuty turns ECS Runtime "
                    + "Monitoring on and off for the account. Set it through GuardDuty, not through ECS.");
        }
        if (!VALUES.getOrDefault(name, Set.of()).contains(value)) {
            throw EcsErrors.invalidParameter("Invalid setting 'value'");
        }
        if (RETIREMENT_WAIT.equals(name) && !root.equals(principalArn)) {
            throw EcsErrors.invalidParameter("fargateTaskRetirementWaitPeriod can only be set for the root user: "
                    + "use PutAccountSettingDefault, or PutAccountSetting with principalArn " + root + ".");
        }
        set.computeIfAbsent(principalArn, p -> new LinkedHashMap<>()).put(name, value);
        return setting(name, value, principalArn);
    }

    /**
     * DeleteAccountSetting: forgets the value set for the principal, which then has the root user's value or AWS's
     * default. Answers the setting as it was set, or (nothing set) the value the principal has.
     *
     * @throws dev.drydock.core.spi.AwsException InvalidParameterException for a principal that is not a user, role or
     *     root of this account
     */
    Setting delete(String principalArn, String name) {
        checkPrincipal(principalArn);
        Map<String, String> own = set.get(principalArn);
        String removed = own == null ? null : own.remove(name);
        if (own != null && own.isEmpty()) {
            set.remove(principalArn);
        }
        return setting(name, removed != null ? removed : effective(principalArn, name), principalArn);
    }

    /**
     * ListAccountSettings: with {@code effective}, every setting (or {@code name}) with the value the principal has
     * (its own, else the root user's, else AWS's default); without, only the values set for the principal. Filtered by
     * {@code value} when given. Each answered with {@code principalArn} the principal asked about.
     *
     * @param name a setting name, or null for all
     * @param value a value to filter by, or null
     * @throws dev.drydock.core.spi.AwsException InvalidParameterException for a principal that is not a user, role or
     *     root of this account
     */
    List<Setting> list(String principalArn, String name, String value, boolean effective) {
        checkPrincipal(principalArn);
        List<Setting> out = new ArrayList<>();
        Map<String, String> own = set.getOrDefault(principalArn, Map.of());
        for (String n : effective ? AWS_DEFAULTS.keySet() : own.keySet()) {
            if (name != null && !name.equals(n)) {
                continue;
            }
            String v = effective ? effective(principalArn, n) : own.get(n);
            if (value == null || value.equals(v)) {
                out.add(setting(n, v, principalArn));
            }
        }
        return out;
    }

    private String effective(String principalArn, String name) {
        String own = set.getOrDefault(principalArn, Map.of()).get(name);
        if (own != null) {
            return own;
        }
        String account = set.getOrDefault(root, Map.of()).get(name);
        return account != null ? account : AWS_DEFAULTS.get(name);
    }

    private void checkPrincipal(String principalArn) {
        if (!principal.matcher(principalArn).matches()) {
            throw EcsErrors.invalidParameter("Invalid principalArn '" + principalArn + "': give the ARN of an IAM "
                    + "user or role of account " + accountId + " (arn:aws:iam::" + accountId + ":role/<name>), or "
                    + "its root user (" + root + "); a role session's settings are its role's.");
        }
    }

    private static Setting setting(String name, String value, String principalArn) {
        return Setting.builder()
                .name(name)
                .value(value)
                .principalArn(principalArn)
                .type(GUARD_DUTY.equals(name) ? SettingType.AWS_MANAGED : SettingType.USER)
                .build();
    }

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("serviceLongArnFormat", "enabled");
        d.put("taskLongArnFormat", "enabled");
        d.put("containerInstanceLongArnFormat", "enabled");
        d.put("awsvpcTrunking", "disabled");
        d.put("containerInsights", "disabled");
        d.put("fargateFIPSMode", "disabled");
        d.put("tagResourceAuthorization", "on");
        d.put(RETIREMENT_WAIT, "7");
        d.put(GUARD_DUTY, "off");
        d.put("defaultLogDriverMode", "non-blocking");
        d.put("fargateEventWindows", "disabled");
        return d;
    }
}
