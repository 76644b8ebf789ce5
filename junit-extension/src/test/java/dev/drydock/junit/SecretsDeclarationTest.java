package dev.drydock.junit;

import static dev.drydock.junit.FixtureRuns.assertAllPassed;
import static dev.drydock.junit.FixtureRuns.classFailure;
import static dev.drydock.junit.FixtureRuns.execute;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@link Secret}, {@link SsmParameter}, {@link KmsKey} and {@link CloudWatchLogGroup}: created before services (keys before the
 * secrets and parameters that name them), composable and inherited, injectable clients that {@link ActingAs} turns
 * into a role's, and declaration errors that name the annotation and the fix.
 */
class SecretsDeclarationTest {

    @Test
    void declaredSecretsParametersKeysAndLogGroupsExist() {
        assertAllPassed(execute(SecretsDeclarationTestCases.Declared.class), 1);
    }

    @Test
    void composedAndInheritedDeclarations() {
        assertAllPassed(execute(SecretsDeclarationTestCases.Composed.class), 1);
    }

    @Test
    void actingAsARoleWorksForSecretsManagerSsmKmsAndLogsClients() {
        assertAllPassed(execute(SecretsDeclarationTestCases.ActingAsARole.class), 1);
    }

    @Test
    void aSecretWithoutAValue() {
        assertThat(classFailure(execute(SecretsDeclarationTestCases.SecretWithoutValue.class)))
                .hasMessageStartingWith("SecretWithoutValue: @Secret(name = \"empty\"): give the secret a value");
    }

    @Test
    void anUnknownParameterType() {
        assertThat(classFailure(execute(SecretsDeclarationTestCases.UnknownParameterType.class)))
                .hasMessageContaining("@SsmParameter(name = \"/typo\"): type is 'Strnig'; use String, StringList or "
                        + "SecureString.");
    }

    @Test
    void aKeyPolicyThatLocksOutTheTestPrincipalNamesTheFile() {
        assertThat(classFailure(execute(SecretsDeclarationTestCases.KeyPolicyLockingOutTheTestPrincipal.class)))
                .hasMessageContaining("@KmsKey(name = \"locked\")")
                .hasMessageContaining("MalformedPolicyDocumentException: The new key policy will not allow you to "
                        + "update the key policy in the future.")
                .hasMessageContaining("Fix src/test/resources/kms/locks-everyone-out.json");
    }

    @Test
    void anInvalidSecretNameIsRefusedInSecretsManagersWords() {
        assertThat(classFailure(execute(SecretsDeclarationTestCases.InvalidSecretName.class)))
                .hasMessageContaining("@Secret(name = \"bad name!\")")
                .hasMessageContaining("InvalidParameterException: Invalid name. Must be a valid name containing "
                        + "alphanumeric characters, or any of the following: -/_+=.@!");
    }

    @Test
    void twoDifferentDeclarationsOfOneSecret() {
        assertThat(classFailure(execute(SecretsDeclarationTestCases.TwoDifferentSecretsOfOneName.class)))
                .hasMessageContaining("@Secret(name = \"twice\")")
                .hasMessageContaining("a secret's name is unique in the account and region");
    }
}
