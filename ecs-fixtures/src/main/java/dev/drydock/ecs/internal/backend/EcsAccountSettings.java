package dev.drydock.ecs.internal.backend;

import dev.drydock.core.spi.AwsException;
import java.util.List;
import software.amazon.awssdk.services.ecs.model.Setting;

/**
 * ECS account settings as PutAccountSetting, PutAccountSettingDefault, DeleteAccountSetting and ListAccountSettings
 * see them: values by principal over AWS's defaults ({@link AccountSettings}), guarded by {@link EcsBackend}'s one
 * lock. Obtained from {@link EcsBackend#accountSettings()}.
 */
public final class EcsAccountSettings {
    private final Object lock;
    private final AccountSettings accountSettings;

    EcsAccountSettings(Object lock, AccountSettings accountSettings) {
        this.lock = lock;
        this.accountSettings = accountSettings;
    }

    /** The root user's ARN ({@code arn:aws:iam::<account>:root}), whose account settings are the defaults. */
    public String rootPrincipal() {
        return accountSettings.root();
    }

    /**
     * PutAccountSetting (PutAccountSettingDefault: {@code principalArn} is {@link #rootPrincipal()}): sets a setting
     * for an IAM user, an IAM role or the root user.
     *
     * @throws AwsException InvalidParameterException "Invalid setting 'value'" for a value the setting does not take,
     *     or when the setting or principal cannot be set (read-only guardDutyActivate, the retirement wait period for
     *     anyone but root, a principal that is not a user, role or root of this account)
     */
    public Setting putAccountSetting(String principalArn, String name, String value) {
        synchronized (lock) {
            return accountSettings.put(principalArn, name, value);
        }
    }

    /**
     * DeleteAccountSetting: the principal goes back to the root user's value or AWS's default.
     *
     * @throws AwsException InvalidParameterException for a principal that is not a user, role or root of this account
     */
    public Setting deleteAccountSetting(String principalArn, String name) {
        synchronized (lock) {
            return accountSettings.delete(principalArn, name);
        }
    }

    /**
     * ListAccountSettings: the settings set for the principal, or (effective) the value it has for every setting.
     *
     * @param name a setting name, or null for all
     * @param value only settings with this value, or null
     * @throws AwsException InvalidParameterException for a principal that is not a user, role or root of this account
     */
    public List<Setting> listAccountSettings(String principalArn, String name, String value, boolean effective) {
        synchronized (lock) {
            return accountSettings.list(principalArn, name, value, effective);
        }
    }
}
