package dev.drydock.ec2.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.ec2.internal.backend.LaunchTemplates;
import dev.drydock.ec2.internal.support.Ec2Operation;
import software.amazon.awssdk.services.ec2.model.DeleteLaunchTemplateRequest;
import software.amazon.awssdk.services.ec2.model.DeleteLaunchTemplateResponse;

/**
 * DeleteLaunchTemplate, as <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DeleteLaunchTemplate.html">the
 * EC2 API reference</a> describes it: deletes the template (by id or name) and all its versions and answers it as it
 * was. IAM: {@code ec2:DeleteLaunchTemplate} on the template's ARN.
 */
public final class DeleteLaunchTemplate extends Ec2Operation
        implements Operation<DeleteLaunchTemplateRequest, DeleteLaunchTemplateResponse> {

    public DeleteLaunchTemplate(LaunchTemplates templates) {
        super(templates);
    }

    @Override
    public DeleteLaunchTemplateResponse call(DeleteLaunchTemplateRequest r, CallContext c) {
        authorize(c, "DeleteLaunchTemplate", templateArn(r.launchTemplateId(), r.launchTemplateName()), r.dryRun());
        return DeleteLaunchTemplateResponse.builder()
                .launchTemplate(templates.delete(r.launchTemplateId(), r.launchTemplateName()))
                .build();
    }
}
