package dev.drydock.ec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.drydock.core.Drydock;
import dev.drydock.core.runtime.SimulatedRuntime;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.InstanceType;
import software.amazon.awssdk.services.ec2.model.LaunchTemplate;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateVersion;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.ResponseLaunchTemplateData;

/**
 * EC2's launch templates through the real SDK v2 client (EC2 query protocol) against Drydock's endpoint, without
 * Docker: what a test does to create capacity as it would on AWS.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Ec2LaunchTemplatesApiTest {
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final String USER_DATA = Base64.getEncoder()
            .encodeToString(
                    "#!/bin/bash\necho ECS_CLUSTER=orders >> /etc/ecs/ecs.config\n".getBytes(StandardCharsets.UTF_8));

    Drydock drydock;
    Ec2Client ec2;

    @BeforeAll
    void start() {
        drydock = Drydock.builder().runtime(SimulatedRuntime::new).start();
        ec2 = drydock.client(Ec2Client.builder());
    }

    @AfterAll
    void stop() {
        ec2.close();
        drydock.close();
    }

    static String unique(String prefix) {
        return prefix + "-" + NAMES.incrementAndGet();
    }

    private LaunchTemplate create(String name) {
        return ec2.createLaunchTemplate(r -> r.launchTemplateName(name)
                        .versionDescription("ECS capacity")
                        .launchTemplateData(d -> d.instanceType(InstanceType.M5_LARGE)
                                .imageId("ami-0abcdef1234567890")
                                .iamInstanceProfile(p -> p.name("ecsInstanceRole"))
                                .userData(USER_DATA)
                                .securityGroupIds("sg-0123456789abcdef0")
                                .tagSpecifications(t -> t.resourceType(ResourceType.INSTANCE)
                                        .tags(tag -> tag.key("cluster").value("orders"))))
                        .tagSpecifications(t -> t.resourceType(ResourceType.LAUNCH_TEMPLATE)
                                .tags(tag -> tag.key("team").value("orders"))))
                .launchTemplate();
    }

    @Test
    void aCreatedTemplateKeepsInstanceTypeImageInstanceProfileAndUserData() {
        String name = unique("capacity");
        LaunchTemplate created = create(name);

        assertThat(created.launchTemplateId()).matches("lt-[0-9a-f]{17}");
        assertThat(created.launchTemplateName()).isEqualTo(name);
        assertThat(created.defaultVersionNumber()).isEqualTo(1L);
        assertThat(created.latestVersionNumber()).isEqualTo(1L);
        assertThat(created.createTime()).isNotNull();
        assertThat(created.createdBy()).startsWith("arn:aws:");
        assertThat(created.tags())
                .singleElement()
                .satisfies(t -> assertThat(t.key() + "=" + t.value()).isEqualTo("team=orders"));

        LaunchTemplateVersion v = ec2.describeLaunchTemplateVersions(
                        r -> r.launchTemplateId(created.launchTemplateId()))
                .launchTemplateVersions()
                .get(0);
        ResponseLaunchTemplateData data = v.launchTemplateData();
        assertThat(v.versionNumber()).isEqualTo(1L);
        assertThat(v.defaultVersion()).isTrue();
        assertThat(v.versionDescription()).isEqualTo("ECS capacity");
        assertThat(data.instanceType()).isEqualTo(InstanceType.M5_LARGE);
        assertThat(data.imageId()).isEqualTo("ami-0abcdef1234567890");
        assertThat(data.iamInstanceProfile().name()).isEqualTo("ecsInstanceRole");
        assertThat(data.userData()).isEqualTo(USER_DATA);
        assertThat(data.securityGroupIds()).containsExactly("sg-0123456789abcdef0");
        assertThat(data.tagSpecifications())
                .singleElement()
                .satisfies(t -> assertThat(t.resourceType()).isEqualTo(ResourceType.INSTANCE));
    }

    @Test
    void describesByIdNameAndFilterAndPages() {
        LaunchTemplate a = create(unique("describe"));
        LaunchTemplate b = create(unique("describe"));

        assertThat(ec2.describeLaunchTemplates(r -> r.launchTemplateIds(a.launchTemplateId()))
                        .launchTemplates())
                .extracting(LaunchTemplate::launchTemplateName)
                .containsExactly(a.launchTemplateName());
        assertThat(ec2.describeLaunchTemplates(r -> r.launchTemplateNames(b.launchTemplateName()))
                        .launchTemplates())
                .extracting(LaunchTemplate::launchTemplateId)
                .containsExactly(b.launchTemplateId());
        assertThat(ec2.describeLaunchTemplates(r -> r.filters(Filter.builder()
                                .name("launch-template-name")
                                .values(a.launchTemplateName(), b.launchTemplateName())
                                .build()))
                        .launchTemplates())
                .hasSize(2);
        assertThat(ec2.describeLaunchTemplates(r -> r.filters(Filter.builder()
                                .name("tag:team")
                                .values("nobody")
                                .build()))
                        .launchTemplates())
                .isEmpty();
        List<String> paged = ec2.describeLaunchTemplatesPaginator(r -> r.maxResults(1)).launchTemplates().stream()
                .map(LaunchTemplate::launchTemplateId)
                .toList();
        assertThat(paged).contains(a.launchTemplateId(), b.launchTemplateId()).doesNotHaveDuplicates();
    }

    @Test
    void aNewVersionFromASourceVersionInheritsWhatItLeavesOut() {
        LaunchTemplate t = create(unique("versions"));
        LaunchTemplateVersion v2 = ec2.createLaunchTemplateVersion(r -> r.launchTemplateName(t.launchTemplateName())
                        .sourceVersion("$Latest")
                        .versionDescription("bigger")
                        .launchTemplateData(d -> d.instanceType(InstanceType.M5_XLARGE)))
                .launchTemplateVersion();
        LaunchTemplateVersion v3 = ec2.createLaunchTemplateVersion(r ->
                        r.launchTemplateId(t.launchTemplateId()).launchTemplateData(d -> d.imageId("ami-11111111")))
                .launchTemplateVersion();

        assertThat(v2.versionNumber()).isEqualTo(2L);
        assertThat(v2.defaultVersion()).isFalse();
        assertThat(v2.launchTemplateData().instanceType()).isEqualTo(InstanceType.M5_XLARGE);
        assertThat(v2.launchTemplateData().imageId()).isEqualTo("ami-0abcdef1234567890");
        assertThat(v2.launchTemplateData().userData()).isEqualTo(USER_DATA);
        assertThat(v3.launchTemplateData().instanceType())
                .as("no source version: nothing inherited")
                .isNull();

        assertThat(ec2.describeLaunchTemplateVersions(r -> r.launchTemplateId(t.launchTemplateId()))
                        .launchTemplateVersions())
                .extracting(LaunchTemplateVersion::versionNumber)
                .containsExactly(3L, 2L, 1L);
        assertThat(ec2.describeLaunchTemplateVersions(
                                r -> r.launchTemplateId(t.launchTemplateId()).versions("$Default", "$Latest"))
                        .launchTemplateVersions())
                .extracting(LaunchTemplateVersion::versionNumber)
                .containsExactly(3L, 1L);
        assertThat(ec2.describeLaunchTemplateVersions(r -> r.launchTemplateId(t.launchTemplateId())
                                .filters(Filter.builder()
                                        .name("instance-type")
                                        .values("m5.xlarge")
                                        .build()))
                        .launchTemplateVersions())
                .extracting(LaunchTemplateVersion::versionNumber)
                .containsExactly(2L);
        assertThat(ec2.describeLaunchTemplates(r -> r.launchTemplateIds(t.launchTemplateId()))
                        .launchTemplates()
                        .get(0))
                .satisfies(d -> {
                    assertThat(d.latestVersionNumber()).isEqualTo(3L);
                    assertThat(d.defaultVersionNumber()).isEqualTo(1L);
                });
    }

    @Test
    void modifySetsTheDefaultVersionThatDefaultReferencesResolveTo() {
        LaunchTemplate t = create(unique("default"));
        ec2.createLaunchTemplateVersion(r -> r.launchTemplateId(t.launchTemplateId())
                .sourceVersion("1")
                .launchTemplateData(d -> d.instanceType(InstanceType.C5_LARGE)));

        LaunchTemplate modified = ec2.modifyLaunchTemplate(
                        r -> r.launchTemplateName(t.launchTemplateName()).defaultVersion("2"))
                .launchTemplate();
        assertThat(modified.defaultVersionNumber()).isEqualTo(2L);
        assertThat(ec2.describeLaunchTemplateVersions(
                                r -> r.launchTemplateId(t.launchTemplateId()).versions("$Default"))
                        .launchTemplateVersions())
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.versionNumber()).isEqualTo(2L);
                    assertThat(v.defaultVersion()).isTrue();
                    assertThat(v.launchTemplateData().instanceType()).isEqualTo(InstanceType.C5_LARGE);
                });
        Ec2Exception missing = catchThrowableOfType(
                Ec2Exception.class,
                () -> ec2.modifyLaunchTemplate(
                        r -> r.launchTemplateId(t.launchTemplateId()).defaultVersion("9")));
        assertThat(missing.awsErrorDetails().errorCode()).isEqualTo("InvalidLaunchTemplateId.VersionNotFound");
        assertThat(ec2.describeLaunchTemplates(r -> r.launchTemplateIds(t.launchTemplateId()))
                        .launchTemplates()
                        .get(0)
                        .defaultVersionNumber())
                .isEqualTo(2L);
    }

    @Test
    void deleteRemovesTheTemplateAndItsVersions() {
        LaunchTemplate t = create(unique("delete"));
        LaunchTemplate deleted = ec2.deleteLaunchTemplate(r -> r.launchTemplateName(t.launchTemplateName()))
                .launchTemplate();
        assertThat(deleted.launchTemplateId()).isEqualTo(t.launchTemplateId());

        Ec2Exception e = catchThrowableOfType(
                Ec2Exception.class,
                () -> ec2.describeLaunchTemplateVersions(r -> r.launchTemplateId(t.launchTemplateId())));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidLaunchTemplateId.NotFound");
        assertThat(e.awsErrorDetails().errorMessage())
                .isEqualTo("The specified launch template, with template ID " + t.launchTemplateId()
                        + ", does not exist.");
        assertThat(e.statusCode()).isEqualTo(400);
        // the name is free again
        assertThat(create(t.launchTemplateName()).launchTemplateId()).isNotEqualTo(t.launchTemplateId());
    }

    @Test
    void aNameInUseAndADryRunAnswerEc2sErrorsAndChangeNothing() {
        LaunchTemplate t = create(unique("errors"));
        Ec2Exception inUse = catchThrowableOfType(Ec2Exception.class, () -> create(t.launchTemplateName()));
        assertThat(inUse.awsErrorDetails().errorCode()).isEqualTo("InvalidLaunchTemplateName.AlreadyExistsException");
        assertThat(inUse.awsErrorDetails().errorMessage()).isEqualTo("Launch template name already in use.");

        Ec2Exception dryRun = catchThrowableOfType(
                Ec2Exception.class,
                () -> ec2.deleteLaunchTemplate(
                        r -> r.launchTemplateId(t.launchTemplateId()).dryRun(true)));
        assertThat(dryRun.awsErrorDetails().errorCode()).isEqualTo("DryRunOperation");
        assertThat(dryRun.statusCode()).isEqualTo(412);
        assertThat(ec2.describeLaunchTemplates(r -> r.launchTemplateIds(t.launchTemplateId()))
                        .launchTemplates())
                .hasSize(1);
    }

    @Test
    void otherEc2OperationsAnswerNotImplementedNamingThemselves() {
        Ec2Exception e = catchThrowableOfType(Ec2Exception.class, () -> ec2.describeInstances());
        assertThat(e.statusCode()).isEqualTo(501);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NotImplemented");
        assertThat(e.awsErrorDetails().errorMessage()).contains("DescribeInstances");
    }
}
