package dev.drydock.ssm;

import dev.drydock.core.Drydock;
import dev.drydock.core.DrydockException;
import dev.drydock.core.Fixture;
import dev.drydock.core.spi.AwsException;
import dev.drydock.ssm.internal.SsmServiceModule;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.ssm.model.ParameterTier;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.ssm.model.PutParameterRequest;
import software.amazon.awssdk.services.ssm.model.PutParameterResponse;
import software.amazon.awssdk.services.ssm.model.Tag;

/**
 * Parameter Store parameters to declare in a {@link Drydock} instance: the programmatic twin of a parameter
 * annotation.
 *
 * <pre>{@code
 * Drydock.builder()
 *         .fixture(SsmFixtures.parameter("/orders/db-url", "jdbc:postgresql://db/orders"))
 *         .fixture(SsmFixtures.secureString("/orders/db-password", "s3cr3t").keyId("alias/orders"))
 *         .start();
 * }</pre>
 *
 * Each is one PutParameter call as the test principal, so what the API refuses (a name with invalid characters, a
 * value over the tier's size) fails the fixture with SSM's message.
 */
public final class SsmFixtures {
    private SsmFixtures() {}

    /** A {@code String} parameter. */
    public static ParameterFixture parameter(String name, String value) {
        return new ParameterFixture(name, value, ParameterType.STRING);
    }

    /** A {@code StringList} parameter: comma-separated values. */
    public static ParameterFixture stringList(String name, String commaSeparatedValues) {
        return new ParameterFixture(name, commaSeparatedValues, ParameterType.STRING_LIST);
    }

    /** A {@code SecureString} parameter, encrypted under {@code alias/aws/ssm} unless {@link ParameterFixture#keyId}. */
    public static ParameterFixture secureString(String name, String value) {
        return new ParameterFixture(name, value, ParameterType.SECURE_STRING);
    }

    /** A parameter to put; see {@link SsmFixtures}. */
    public static final class ParameterFixture implements Fixture {
        private final PutParameterRequest.Builder request;
        private final Map<String, String> tags = new LinkedHashMap<>();
        private final String name;

        private ParameterFixture(String name, String value, ParameterType type) {
            this.name = Objects.requireNonNull(name, "name");
            this.request = PutParameterRequest.builder()
                    .name(name)
                    .value(Objects.requireNonNull(value, "value"))
                    .type(type);
        }

        /** The KMS key of a SecureString: key id, key ARN, alias name ({@code alias/orders}) or alias ARN. */
        public ParameterFixture keyId(String keyId) {
            request.keyId(keyId);
            return this;
        }

        /** The parameter's description. */
        public ParameterFixture description(String description) {
            request.description(description);
            return this;
        }

        /** The Advanced tier (values up to 8 KB). */
        public ParameterFixture advanced() {
            request.tier(ParameterTier.ADVANCED);
            return this;
        }

        /** A tag on the parameter. */
        public ParameterFixture tag(String key, String value) {
            tags.put(key, value);
            return this;
        }

        @Override
        public void apply(Drydock drydock) {
            try {
                SsmServiceModule.of(drydock)
                        .adminCalls()
                        .call(
                                SsmModule.SIGNING_NAME,
                                request.tags(tags.entrySet().stream()
                                                .map(e -> Tag.builder()
                                                        .key(e.getKey())
                                                        .value(e.getValue())
                                                        .build())
                                                .toList())
                                        .build(),
                                PutParameterResponse.class);
            } catch (AwsException e) {
                throw new DrydockException(
                        "SSM refuses the parameter '" + name + "': " + e.errorCode() + ": " + e.getMessage(), e);
            }
        }

        @Override
        public String describe() {
            return "SsmFixtures.parameter(\"" + name + "\")";
        }
    }
}
