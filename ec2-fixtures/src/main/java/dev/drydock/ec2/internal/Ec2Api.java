package dev.drydock.ec2.internal;

import dev.drydock.core.spi.QueryService;
import dev.drydock.ec2.internal.backend.LaunchTemplates;
import dev.drydock.ec2.internal.operations.CreateLaunchTemplate;
import dev.drydock.ec2.internal.operations.CreateLaunchTemplateVersion;
import dev.drydock.ec2.internal.operations.DeleteLaunchTemplate;
import dev.drydock.ec2.internal.operations.DescribeLaunchTemplateVersions;
import dev.drydock.ec2.internal.operations.DescribeLaunchTemplates;
import dev.drydock.ec2.internal.operations.ModifyLaunchTemplate;
import java.time.Clock;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.CreateLaunchTemplateRequest;
import software.amazon.awssdk.services.ec2.model.CreateLaunchTemplateVersionRequest;
import software.amazon.awssdk.services.ec2.model.DeleteLaunchTemplateRequest;
import software.amazon.awssdk.services.ec2.model.DescribeLaunchTemplateVersionsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeLaunchTemplatesRequest;
import software.amazon.awssdk.services.ec2.model.ModifyLaunchTemplateRequest;

/**
 * EC2's routing table: the EC2 query protocol ({@code ec2Query}: what SDK v2 sends), signing name {@code ec2},
 * version {@code 2016-11-15}, XML namespace {@code http://ec2.amazonaws.com/doc/2016-11-15/}; one handler per
 * operation (in {@code operations}). Requests that break EC2's model (core's table keeps its launch-template
 * operations) are refused before any handler runs with {@code MissingParameter} or {@code InvalidParameterValue}
 * ({@link Ec2Errors#VALIDATION}); EC2's other operations answer HTTP 501 naming themselves.
 */
public final class Ec2Api {
    /** The API version. */
    public static final String VERSION = "2016-11-15";

    private Ec2Api() {}

    /** The EC2 service for {@code templates}. */
    public static QueryService routingTable(LaunchTemplates templates, Clock clock) {
        return QueryService.builder("ec2", VERSION, "http://ec2.amazonaws.com/doc/2016-11-15/", Ec2Client.class)
                .ec2Query()
                .clock(clock)
                .validation(Ec2Errors.VALIDATION)
                .operation(
                        "CreateLaunchTemplate", CreateLaunchTemplateRequest.class, new CreateLaunchTemplate(templates))
                .operation(
                        "CreateLaunchTemplateVersion",
                        CreateLaunchTemplateVersionRequest.class,
                        new CreateLaunchTemplateVersion(templates))
                .operation(
                        "DescribeLaunchTemplates",
                        DescribeLaunchTemplatesRequest.class,
                        new DescribeLaunchTemplates(templates))
                .operation(
                        "DescribeLaunchTemplateVersions",
                        DescribeLaunchTemplateVersionsRequest.class,
                        new DescribeLaunchTemplateVersions(templates))
                .operation(
                        "DeleteLaunchTemplate", DeleteLaunchTemplateRequest.class, new DeleteLaunchTemplate(templates))
                .operation(
                        "ModifyLaunchTemplate", ModifyLaunchTemplateRequest.class, new ModifyLaunchTemplate(templates))
                .build();
    }
}
