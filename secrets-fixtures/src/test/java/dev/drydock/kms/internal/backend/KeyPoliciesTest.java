package dev.drydock.kms.internal.backend;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The key policies KMS gives its keys parse as key policies. */
class KeyPoliciesTest {
    @Test
    void defaultAndAwsManagedPoliciesParse() {
        assertThat(KeyPolicies.parse("k", KeyPolicies.defaultPolicy("123456789012"))
                        .document()
                        .statements())
                .hasSize(1);
        for (String service : new String[] {"secretsmanager", "ssm"}) {
            assertThat(KeyPolicies.parse("k", KeyPolicies.awsManagedPolicy(service, "123456789012", "us-east-1"))
                            .document()
                            .statements())
                    .hasSize(3);
        }
    }
}
