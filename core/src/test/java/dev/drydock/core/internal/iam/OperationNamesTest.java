package dev.drydock.core.internal.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.IamException;

/**
 * IAM operations whose names hold acronyms are named as AWS names them (from the service model, not from the SDK's
 * class names, which spell {@code CreateSamlProvider}), so the ones Drydock lacks answer the not-implemented error
 * naming them rather than {@code InvalidAction}.
 */
class OperationNamesTest extends IamApiTestBase {

    private static void notImplemented(Runnable call, String operation) {
        IamException e = catchThrowableOfType(IamException.class, call::run);
        assertThat(e.statusCode()).isEqualTo(501);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NotImplemented");
        assertThat(e.awsErrorDetails().errorMessage())
                .startsWith("Drydock does not implement iam:" + operation + " yet.");
    }

    @Test
    void operationsWithAcronymsAreNotImplementedNotInvalid() {
        notImplemented(
                () -> iam.createSAMLProvider(r -> r.name("corp").samlMetadataDocument("x".repeat(1000))),
                "CreateSAMLProvider");
        notImplemented(
                () -> iam.enableMFADevice(r -> r.userName("u")
                        .serialNumber("arn:aws:iam::123456789012:mfa/u")
                        .authenticationCode1("123456")
                        .authenticationCode2("654321")),
                "EnableMFADevice");
        notImplemented(iam::listOpenIDConnectProviders, "ListOpenIDConnectProviders");
        notImplemented(() -> iam.listSSHPublicKeys(r -> r.userName("u")), "ListSSHPublicKeys");
    }

    @Test
    void aNameAwsDoesNotHaveIsInvalid() throws Exception {
        // IAM's operation names are case-sensitive: the SDK's spelling is not one of them
        var a = send("iam", "Action=CreateSamlProvider&Version=2010-05-08&Name=corp", false);
        assertThat(a.statusCode()).isEqualTo(400);
        assertThat(a.body())
                .contains("<Code>InvalidAction</Code>")
                .contains("Could not find operation CreateSamlProvider for version 2010-05-08");
    }
}
