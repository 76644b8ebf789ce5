package dev.drydock.ec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.drydock.core.Drydock;
import dev.drydock.core.IamFixtures;
import dev.drydock.core.iam.AuthorizationDecision;
import dev.drydock.core.runtime.SimulatedRuntime;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;

/**
 * EC2's calls are authorized with IAM as the Service Authorization Reference lists them ({@code ec2:<Operation>} on
 * the launch template's ARN, Describe on {@code *}), refused with EC2's {@code UnauthorizedOperation} (403), and
 * recorded in the decision log.
 */
class Ec2IamTest {

    @Test
    void aRoleThatMayOnlyCreateAndDescribeCannotDeleteOrAddVersions() {
        try (Drydock drydock = Drydock.builder()
                        .runtime(SimulatedRuntime::new)
                        .fixture(IamFixtures.role("templates").policy("iam/ec2-templates-reader.json"))
                        .start();
                Ec2Client role = drydock.clientActingAs("templates", Ec2Client.builder())) {
            String id = role.createLaunchTemplate(
                            r -> r.launchTemplateName("capacity").launchTemplateData(d -> d.instanceType("m5.large")))
                    .launchTemplate()
                    .launchTemplateId();

            Ec2Exception denied = catchThrowableOfType(
                    Ec2Exception.class, () -> role.deleteLaunchTemplate(r -> r.launchTemplateId(id)));
            assertThat(denied.statusCode()).isEqualTo(403);
            assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("UnauthorizedOperation");
            assertThat(denied.awsErrorDetails().errorMessage())
                    .contains("is not authorized to perform: ec2:DeleteLaunchTemplate on resource: "
                            + "arn:aws:ec2:us-east-1:123456789012:launch-template/" + id);
            Ec2Exception version = catchThrowableOfType(
                    Ec2Exception.class,
                    () -> role.createLaunchTemplateVersion(r ->
                            r.launchTemplateName("capacity").launchTemplateData(d -> d.instanceType("m5.xlarge"))));
            assertThat(version.awsErrorDetails().errorCode()).isEqualTo("UnauthorizedOperation");

            assertThat(role.describeLaunchTemplateVersions(r -> r.launchTemplateId(id))
                            .launchTemplateVersions())
                    .as("nothing changed")
                    .hasSize(1);
            List<AuthorizationDecision> decisions =
                    drydock.decisionLog().decisions(d -> d.action().startsWith("ec2:"));
            assertThat(decisions)
                    .extracting(d -> d.action() + " " + d.allowed())
                    .containsExactly(
                            "ec2:CreateLaunchTemplate true",
                            "ec2:DeleteLaunchTemplate false",
                            "ec2:CreateLaunchTemplateVersion false",
                            "ec2:DescribeLaunchTemplateVersions true");
        }
    }
}
