package dev.drydock.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.core.spi.AwsException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.CreateRoleRequest;
import software.amazon.awssdk.services.iam.model.CreateRoleResponse;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityRequest;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * Administrator calls, what programmatic fixtures use: the registered handler, through the same checks as an HTTP
 * request, as the test principal, and not in the decision log.
 */
class AdminCallsTest {

    @Test
    void aCallRunsTheHandlerAsTheTestPrincipal() {
        try (Drydock drydock = Drydock.builder().setting("runtime", "simulated").start()) {
            GetCallerIdentityResponse identity = drydock.host()
                    .adminCalls()
                    .call("sts", GetCallerIdentityRequest.builder().build(), GetCallerIdentityResponse.class);
            assertThat(identity.arn()).isEqualTo(drydock.testPrincipalArn());
            assertThat(drydock.decisionLog().size()).isZero();
        }
    }

    @Test
    void aCallPassesTheChecksAnHttpRequestPassesBeforeItsHandler() {
        try (Drydock drydock = Drydock.builder().setting("runtime", "simulated").start();
                IamClient iam = drydock.client(IamClient.builder())) {
            assertThatThrownBy(() -> drydock.host()
                            .adminCalls()
                            .call(
                                    "iam",
                                    CreateRoleRequest.builder().roleName("half").build(),
                                    CreateRoleResponse.class))
                    .isInstanceOfSatisfying(
                            AwsException.class, e -> assertThat(e.errorCode()).isEqualTo("ValidationError"))
                    .hasMessage("1 validation error detected: Value null at 'assumeRolePolicyDocument' failed to "
                            + "satisfy constraint: Member must not be null");
            assertThatThrownBy(() -> iam.getRole(r -> r.roleName("half"))).isInstanceOf(NoSuchEntityException.class);
        }
    }

    @Test
    void aServiceThatIsNotServedIsNamed() {
        try (Drydock drydock = Drydock.builder().setting("runtime", "simulated").start()) {
            assertThatThrownBy(() -> drydock.host()
                            .adminCalls()
                            .call("nope", GetCallerIdentityRequest.builder().build(), GetCallerIdentityResponse.class))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("no service with signing name 'nope'")
                    .hasMessageContaining("iam, sts");
        }
    }
}
