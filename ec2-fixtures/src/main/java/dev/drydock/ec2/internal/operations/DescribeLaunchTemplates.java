package dev.drydock.ec2.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.Page;
import dev.drydock.ec2.internal.Ec2Errors;
import dev.drydock.ec2.internal.backend.LaunchTemplates;
import dev.drydock.ec2.internal.support.Ec2Operation;
import software.amazon.awssdk.services.ec2.model.DescribeLaunchTemplatesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeLaunchTemplatesResponse;
import software.amazon.awssdk.services.ec2.model.LaunchTemplate;

/**
 * DescribeLaunchTemplates, as <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeLaunchTemplates.html">the
 * EC2 API reference</a> describes it: the templates named by LaunchTemplateId/LaunchTemplateName (a missing one
 * answers {@code InvalidLaunchTemplateId.NotFound} / {@code InvalidLaunchTemplateName.NotFoundException}), else all;
 * filters {@code launch-template-name}, {@code tag:<key>}, {@code tag-key} (others, such as {@code create-time},
 * answer InvalidParameterValue naming the filter); MaxResults 1 to 200 and NextToken. IAM:
 * {@code ec2:DescribeLaunchTemplates} on {@code *}.
 */
public final class DescribeLaunchTemplates extends Ec2Operation
        implements Operation<DescribeLaunchTemplatesRequest, DescribeLaunchTemplatesResponse> {

    public DescribeLaunchTemplates(LaunchTemplates templates) {
        super(templates);
    }

    @Override
    public DescribeLaunchTemplatesResponse call(DescribeLaunchTemplatesRequest r, CallContext c) {
        authorize(c, "DescribeLaunchTemplates", "*", r.dryRun());
        Page<LaunchTemplate> page = Ec2Errors.TEMPLATES.page(
                templates.describe(r.launchTemplateIds(), r.launchTemplateNames(), r.filters()),
                r.maxResults(),
                r.nextToken());
        return DescribeLaunchTemplatesResponse.builder()
                .launchTemplates(page.items())
                .nextToken(page.nextToken())
                .build();
    }
}
