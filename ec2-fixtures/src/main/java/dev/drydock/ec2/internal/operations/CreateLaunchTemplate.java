package dev.drydock.ec2.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.ec2.internal.Ec2Errors;
import dev.drydock.ec2.internal.backend.LaunchTemplates;
import dev.drydock.ec2.internal.support.Ec2Operation;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.CreateLaunchTemplateRequest;
import software.amazon.awssdk.services.ec2.model.CreateLaunchTemplateResponse;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/**
 * CreateLaunchTemplate, as <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateLaunchTemplate.html">the
 * EC2 API reference</a> describes it: a template with version 1 holding the whole LaunchTemplateData (instance type,
 * image id, IAM instance profile, user data, security groups, tag specifications for instances, ...), tags from the
 * {@code launch-template} tag specification, ClientToken idempotency, DryRun. A name in use answers
 * {@code InvalidLaunchTemplateName.AlreadyExistsException}. Not modelled: the validation warnings EC2 returns for
 * data that would fail at launch (image ids and instance types are kept as given), Operator. IAM:
 * {@code ec2:CreateLaunchTemplate} on {@code launch-template/*}.
 */
public final class CreateLaunchTemplate extends Ec2Operation
        implements Operation<CreateLaunchTemplateRequest, CreateLaunchTemplateResponse> {

    public CreateLaunchTemplate(LaunchTemplates templates) {
        super(templates);
    }

    @Override
    public CreateLaunchTemplateResponse call(CreateLaunchTemplateRequest r, CallContext c) {
        authorize(c, "CreateLaunchTemplate", templates.arn("*"), r.dryRun());
        List<Tag> tags = new ArrayList<>();
        int i = 1;
        for (TagSpecification spec : r.tagSpecifications()) {
            if (spec.resourceType() != ResourceType.LAUNCH_TEMPLATE) {
                throw Ec2Errors.invalidValue("Value (" + spec.resourceTypeAsString() + ") for parameter "
                        + "TagSpecification." + i + ".ResourceType is invalid: CreateLaunchTemplate tags the "
                        + "launch-template; tag instances in LaunchTemplateData.TagSpecification.");
            }
            tags.addAll(spec.tags());
            i++;
        }
        return CreateLaunchTemplateResponse.builder()
                .launchTemplate(templates.create(
                        r.launchTemplateName(),
                        r.versionDescription(),
                        r.launchTemplateData(),
                        tags,
                        c.caller().arn(),
                        r.clientToken()))
                .build();
    }
}
