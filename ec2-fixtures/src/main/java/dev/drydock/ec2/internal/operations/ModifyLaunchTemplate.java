package dev.drydock.ec2.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.ec2.internal.backend.LaunchTemplates;
import dev.drydock.ec2.internal.support.Ec2Operation;
import software.amazon.awssdk.services.ec2.model.ModifyLaunchTemplateRequest;
import software.amazon.awssdk.services.ec2.model.ModifyLaunchTemplateResponse;

/**
 * ModifyLaunchTemplate, as <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifyLaunchTemplate.html">the
 * EC2 API reference</a> describes it: sets the default version ({@code SetDefaultVersion} on the wire: a number, or
 * {@code $Latest}) of the template given by id or name; without one, nothing changes. IAM:
 * {@code ec2:ModifyLaunchTemplate} on the template's ARN.
 */
public final class ModifyLaunchTemplate extends Ec2Operation
        implements Operation<ModifyLaunchTemplateRequest, ModifyLaunchTemplateResponse> {

    public ModifyLaunchTemplate(LaunchTemplates templates) {
        super(templates);
    }

    @Override
    public ModifyLaunchTemplateResponse call(ModifyLaunchTemplateRequest r, CallContext c) {
        authorize(c, "ModifyLaunchTemplate", templateArn(r.launchTemplateId(), r.launchTemplateName()), r.dryRun());
        return ModifyLaunchTemplateResponse.builder()
                .launchTemplate(
                        templates.setDefaultVersion(r.launchTemplateId(), r.launchTemplateName(), r.defaultVersion()))
                .build();
    }
}
