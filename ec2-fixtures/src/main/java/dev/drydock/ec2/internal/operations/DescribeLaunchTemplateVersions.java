package dev.drydock.ec2.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.Page;
import dev.drydock.ec2.internal.Ec2Errors;
import dev.drydock.ec2.internal.backend.LaunchTemplates;
import dev.drydock.ec2.internal.support.Ec2Operation;
import software.amazon.awssdk.services.ec2.model.DescribeLaunchTemplateVersionsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeLaunchTemplateVersionsResponse;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateVersion;

/**
 * DescribeLaunchTemplateVersions, as <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeLaunchTemplateVersions.html">the
 * EC2 API reference</a> describes it: versions of the template given by id or name, newest first, those named in
 * Versions ({@code $Latest}, {@code $Default}, numbers) or all between MinVersion and MaxVersion; without a template,
 * {@code $Latest}/{@code $Default} of every template; filters {@code instance-type}, {@code image-id},
 * {@code is-default-version} (others answer InvalidParameterValue naming the filter); MaxResults and NextToken. Not
 * modelled: ResolveAlias (SSM parameters as image ids). IAM: {@code ec2:DescribeLaunchTemplateVersions} on
 * {@code *}.
 */
public final class DescribeLaunchTemplateVersions extends Ec2Operation
        implements Operation<DescribeLaunchTemplateVersionsRequest, DescribeLaunchTemplateVersionsResponse> {

    public DescribeLaunchTemplateVersions(LaunchTemplates templates) {
        super(templates);
    }

    @Override
    public DescribeLaunchTemplateVersionsResponse call(DescribeLaunchTemplateVersionsRequest r, CallContext c) {
        authorize(c, "DescribeLaunchTemplateVersions", "*", r.dryRun());
        Page<LaunchTemplateVersion> page = Ec2Errors.VERSIONS.page(
                templates.versions(
                        r.launchTemplateId(),
                        r.launchTemplateName(),
                        r.versions(),
                        r.minVersion(),
                        r.maxVersion(),
                        r.filters()),
                r.maxResults(),
                r.nextToken());
        return DescribeLaunchTemplateVersionsResponse.builder()
                .launchTemplateVersions(page.items())
                .nextToken(page.nextToken())
                .build();
    }
}
