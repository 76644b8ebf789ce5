package dev.drydock.core.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.drydock.core.internal.protocol.AwsQueryCodecTest.CannedHttpClient;
import dev.drydock.core.spi.AwsException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.CreateLaunchTemplateRequest;
import software.amazon.awssdk.services.ec2.model.DescribeLaunchTemplatesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeLaunchTemplatesResponse;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.LaunchTemplate;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * The EC2 query protocol ({@code ec2Query}) of the codec against the AWS SDK v2's own EC2 marshaller and unmarshaller:
 * what the SDK's Ec2Client sends is read back into the same request, and the answers and errors the codec writes are
 * read by the SDK into the same response and exception. A capturing HTTP client stands in for the network.
 */
class Ec2QueryCodecTest {
    private static final String EC2_NS = "http://ec2.amazonaws.com/doc/2016-11-15/";
    private static final CannedHttpClient HTTP = new CannedHttpClient();
    private static final Ec2Client EC2 = Ec2Client.builder()
            .httpClient(HTTP)
            .region(Region.US_EAST_1)
            .credentialsProvider(
                    StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "secret")))
            .build();

    private static synchronized Map<String, String> sent(Runnable call) {
        HTTP.status = 200;
        HTTP.response = ("<DescribeLaunchTemplatesResponse xmlns=\"" + EC2_NS
                        + "\"><requestId>1</requestId></DescribeLaunchTemplatesResponse>")
                .getBytes(StandardCharsets.UTF_8);
        HTTP.bodies.clear();
        call.run();
        return AwsQueryCodec.parseParameters(HTTP.bodies.get(0));
    }

    @Test
    void readsBackTheCreateLaunchTemplateTheSdkSends() {
        CreateLaunchTemplateRequest request = CreateLaunchTemplateRequest.builder()
                .launchTemplateName("ecs-capacity")
                .versionDescription("first & only")
                .clientToken("token-1")
                .launchTemplateData(d -> d.instanceType("m5.large")
                        .imageId("ami-0abcdef1234567890")
                        .iamInstanceProfile(p -> p.name("ecsInstanceRole"))
                        .userData("IyEvYmluL2Jhc2gKZWNobyBFQ1NfQ0xVU1RFUj1vcmRlcnM=")
                        .securityGroupIds("sg-1", "sg-2")
                        .tagSpecifications(t -> t.resourceType(ResourceType.INSTANCE)
                                .tags(Tag.builder().key("team").value("orders").build())))
                .tagSpecifications(t -> t.resourceType(ResourceType.LAUNCH_TEMPLATE)
                        .tags(Tag.builder().key("env").value("a=b").build()))
                .build();
        Map<String, String> params = sent(() -> EC2.createLaunchTemplate(request));

        assertThat(params)
                .containsEntry("Action", "CreateLaunchTemplate")
                .containsEntry("LaunchTemplateData.SecurityGroupId.2", "sg-2")
                .containsEntry("TagSpecification.1.Tag.1.Key", "env");
        CreateLaunchTemplateRequest read = AwsQueryCodec.readEc2(params, CreateLaunchTemplateRequest.class);
        assertThat(read.equalsBySdkFields(request))
                .as("read %s%nsent %s", read, request)
                .isTrue();
    }

    @Test
    void readsFlattenedListsAndNestedListsOfFilters() {
        DescribeLaunchTemplatesRequest request = DescribeLaunchTemplatesRequest.builder()
                .launchTemplateIds("lt-1", "lt-2", "lt-3")
                .filters(
                        Filter.builder()
                                .name("tag:team")
                                .values("orders", "billing")
                                .build(),
                        Filter.builder()
                                .name("launch-template-name")
                                .values("x")
                                .build())
                .maxResults(5)
                .build();
        Map<String, String> params = sent(() -> EC2.describeLaunchTemplates(request));

        assertThat(params).containsEntry("LaunchTemplateId.3", "lt-3").containsEntry("Filter.1.Value.2", "billing");
        DescribeLaunchTemplatesRequest read = AwsQueryCodec.readEc2(params, DescribeLaunchTemplatesRequest.class);
        assertThat(read.equalsBySdkFields(request)).as("read %s", read).isTrue();
        // the awsQuery reading does not understand EC2's flattened lists: the two protocols differ
        assertThat(AwsQueryCodec.read(params, DescribeLaunchTemplatesRequest.class)
                        .launchTemplateIds())
                .isEmpty();
    }

    @Test
    void theSdkReadsBackTheResponseTheCodecWrites() {
        DescribeLaunchTemplatesResponse response = DescribeLaunchTemplatesResponse.builder()
                .launchTemplates(
                        LaunchTemplate.builder()
                                .launchTemplateId("lt-0123456789abcdef0")
                                .launchTemplateName("ecs-capacity")
                                .createTime(Instant.parse("2026-12-07T21:00:00.500Z"))
                                .createdBy("arn:aws:iam::123456789012:root")
                                .defaultVersionNumber(1L)
                                .latestVersionNumber(3L)
                                .tags(Tag.builder()
                                        .key("team")
                                        .value("orders <&>")
                                        .build())
                                .build(),
                        LaunchTemplate.builder()
                                .launchTemplateId("lt-1")
                                .launchTemplateName("other")
                                .build())
                .nextToken("next")
                .build();
        byte[] xml = AwsQueryCodec.writeEc2Response("DescribeLaunchTemplates", EC2_NS, response, "req-1");

        DescribeLaunchTemplatesResponse parsed;
        synchronized (Ec2QueryCodecTest.class) {
            HTTP.status = 200;
            HTTP.response = xml;
            parsed = EC2.describeLaunchTemplates(r -> r.maxResults(5));
        }
        assertThat(parsed.equalsBySdkFields(response))
                .as("%s%n%s", new String(xml, StandardCharsets.UTF_8), parsed)
                .isTrue();
        assertThat(parsed.responseMetadata().requestId()).isEqualTo("req-1");
        assertThat(new String(xml, StandardCharsets.UTF_8))
                .contains("<DescribeLaunchTemplatesResponse xmlns=\"" + EC2_NS + "\"><requestId>req-1</requestId>")
                .contains("<launchTemplates><item><launchTemplateId>lt-0123456789abcdef0</launchTemplateId>");
    }

    @Test
    void theSdkReadsTheErrorTheCodecWrites() {
        byte[] xml = AwsQueryCodec.writeEc2Error(
                new AwsException(
                        "InvalidLaunchTemplateId.NotFound",
                        400,
                        "The specified launch template, with template ID lt-1, does not exist."),
                "req-2");
        Ec2Exception e;
        synchronized (Ec2QueryCodecTest.class) {
            HTTP.status = 400;
            HTTP.response = xml;
            try {
                e = catchThrowableOfType(Ec2Exception.class, () -> EC2.describeLaunchTemplates(r -> r.maxResults(5)));
            } finally {
                HTTP.status = 200;
            }
        }
        assertThat(e).isNotNull();
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidLaunchTemplateId.NotFound");
        assertThat(e.awsErrorDetails().errorMessage())
                .isEqualTo("The specified launch template, with template ID lt-1, does not exist.");
        assertThat(e.requestId()).isEqualTo("req-2");
        assertThat(e.statusCode()).isEqualTo(400);
    }
}
