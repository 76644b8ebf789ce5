package dev.drydock.ec2.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.ec2.internal.backend.LaunchTemplates;
import dev.drydock.ec2.internal.support.Ec2Operation;
import software.amazon.awssdk.services.ec2.model.CreateLaunchTemplateVersionRequest;
import software.amazon.awssdk.services.ec2.model.CreateLaunchTemplateVersionResponse;

/**
 * CreateLaunchTemplateVersion, as <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateLaunchTemplateVersion.html">the
 * EC2 API reference</a> describes it: the next version number of the template (by id or name); with SourceVersion
 * ({@code $Latest}, {@code $Default} or a number) the new version inherits what the request leaves out. The default
 * version does not change. Not modelled: ResolveAlias, ClientToken idempotency of versions. IAM:
 * {@code ec2:CreateLaunchTemplateVersion} on the template's ARN.
 */
public final class CreateLaunchTemplateVersion extends Ec2Operation
        implements Operation<CreateLaunchTemplateVersionRequest, CreateLaunchTemplateVersionResponse> {

    public CreateLaunchTemplateVersion(LaunchTemplates templates) {
        super(templates);
    }

    @Override
    public CreateLaunchTemplateVersionResponse call(CreateLaunchTemplateVersionRequest r, CallContext c) {
        authorize(
                c,
                "CreateLaunchTemplateVersion",
                templateArn(r.launchTemplateId(), r.launchTemplateName()),
                r.dryRun());
        return CreateLaunchTemplateVersionResponse.builder()
                .launchTemplateVersion(templates.createVersion(
                        r.launchTemplateId(),
                        r.launchTemplateName(),
                        r.sourceVersion(),
                        r.versionDescription(),
                        r.launchTemplateData(),
                        c.caller().arn()))
                .build();
    }
}
