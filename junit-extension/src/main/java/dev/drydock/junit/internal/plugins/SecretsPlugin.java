package dev.drydock.junit.internal.plugins;

import dev.drydock.core.DrydockException;
import dev.drydock.core.Fixture;
import dev.drydock.core.spi.ClasspathResources;
import dev.drydock.junit.KmsKey;
import dev.drydock.junit.Secret;
import dev.drydock.junit.SsmParameter;
import dev.drydock.junit.spi.AnnotationBinding;
import dev.drydock.junit.spi.DrydockPlugin;
import dev.drydock.junit.spi.Injectable;
import dev.drydock.junit.spi.Stage;
import dev.drydock.kms.KmsFixtures;
import dev.drydock.secretsmanager.SecretsManagerFixtures;
import dev.drydock.secretsmanager.SecretsManagerModule;
import dev.drydock.ssm.SsmFixtures;
import java.util.List;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * What drydock-secrets-fixtures brings: {@link KmsKey}, {@link Secret} and {@link SsmParameter} (keys first, so that
 * secrets and parameters can name them), and Secrets Manager, SSM and KMS clients.
 */
public final class SecretsPlugin implements DrydockPlugin {
    /** Fails loading this plug-in when drydock-secrets-fixtures is not on the classpath. */
    private static final Class<?> MODULE = SecretsManagerModule.class;

    @Override
    public String name() {
        return "secrets";
    }

    @Override
    public List<AnnotationBinding<?>> annotations() {
        return List.of(
                AnnotationBinding.of(
                        KmsKey.class,
                        Stage.STORAGE,
                        SecretsPlugin::describe,
                        "a KMS alias names one key",
                        SecretsPlugin::key),
                AnnotationBinding.of(
                        Secret.class,
                        Stage.STORAGE,
                        SecretsPlugin::describe,
                        "a secret's name is unique in the account and region",
                        SecretsPlugin::secret),
                AnnotationBinding.of(
                        SsmParameter.class,
                        Stage.STORAGE,
                        SecretsPlugin::describe,
                        "a parameter's name is unique in the account and region",
                        SecretsPlugin::parameter));
    }

    @Override
    public List<Injectable<?>> injectables() {
        return List.of(
                Injectable.client(SecretsManagerClient.class, SecretsManagerClient::builder),
                Injectable.client(SsmClient.class, SsmClient::builder),
                Injectable.client(KmsClient.class, KmsClient::builder));
    }

    private static String describe(KmsKey k) {
        return "@KmsKey(name = \"" + k.name() + "\")";
    }

    private static String describe(Secret s) {
        return "@Secret(name = \"" + s.name() + "\")";
    }

    private static String describe(SsmParameter p) {
        return "@SsmParameter(name = \"" + p.name() + "\")";
    }

    private static Fixture key(KmsKey k) {
        var fixture = KmsFixtures.key(k.name());
        if (!k.description().isEmpty()) {
            fixture.description(k.description());
        }
        if (!k.policy().isEmpty()) {
            fixture.policy(k.policy());
        }
        return fixture.describedAs(describe(k));
    }

    private static Fixture secret(Secret s) {
        if (!s.value().isEmpty() && !s.valueResource().isEmpty()) {
            throw new DrydockException(describe(s) + ": give the value either as value or as valueResource, not both.");
        }
        String value = s.valueResource().isEmpty()
                ? s.value()
                : ClasspathResources.read(s.valueResource(), "secret value of " + describe(s));
        if (value.isEmpty()) {
            throw new DrydockException(describe(s) + ": give the secret a value (value = \"...\" or valueResource = "
                    + "\"<classpath resource>\"); Secrets Manager keeps no empty secret string.");
        }
        var fixture = SecretsManagerFixtures.secret(s.name(), value);
        if (!s.kmsKeyId().isEmpty()) {
            fixture.kmsKeyId(s.kmsKeyId());
        }
        if (!s.description().isEmpty()) {
            fixture.description(s.description());
        }
        if (!s.resourcePolicy().isEmpty()) {
            fixture.resourcePolicy(s.resourcePolicy());
        }
        return fixture.describedAs(describe(s));
    }

    private static Fixture parameter(SsmParameter p) {
        var fixture = switch (p.type()) {
            case "String" -> SsmFixtures.parameter(p.name(), p.value());
            case "StringList" -> SsmFixtures.stringList(p.name(), p.value());
            case "SecureString" -> SsmFixtures.secureString(p.name(), p.value());
            default ->
                throw new DrydockException(
                        describe(p) + ": type is '" + p.type() + "'; use String, StringList " + "or SecureString.");
        };
        if (!p.keyId().isEmpty()) {
            fixture.keyId(p.keyId());
        }
        switch (p.tier()) {
            case "Standard" -> {}
            case "Advanced" -> fixture.advanced();
            default ->
                throw new DrydockException(
                        describe(p) + ": tier is '" + p.tier() + "'; use Standard or " + "Advanced.");
        }
        if (!p.description().isEmpty()) {
            fixture.description(p.description());
        }
        return fixture.describedAs(describe(p));
    }
}
