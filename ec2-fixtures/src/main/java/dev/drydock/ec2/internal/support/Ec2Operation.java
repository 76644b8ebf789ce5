package dev.drydock.ec2.internal.support;

import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.CallContext;
import dev.drydock.ec2.internal.backend.LaunchTemplates;

/**
 * What EC2's handlers share: the backend, authorization as the Service Authorization Reference lists it for Amazon
 * EC2 (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonec2.html): action
 * {@code ec2:<Operation>}; CreateLaunchTemplate, CreateLaunchTemplateVersion and DeleteLaunchTemplate on the
 * launch template's ARN ({@code arn:aws:ec2:<region>:<account>:launch-template/<id>}, {@code launch-template/*} for
 * one not created yet), the Describe actions on {@code *} (they support no resource-level permissions); and EC2's
 * {@code DryRun}: once authorized, "Request would have succeeded, but DryRun flag is set." as
 * {@code DryRunOperation} (HTTP 412), otherwise the caller's {@code UnauthorizedOperation}
 * (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html).
 */
public abstract class Ec2Operation {
    /** The IAM service prefix. */
    protected static final String PREFIX = "ec2:";

    protected final LaunchTemplates templates;

    protected Ec2Operation(LaunchTemplates templates) {
        this.templates = templates;
    }

    /**
     * Authorizes {@code ec2:<action>} on {@code resource}, then answers a dry run.
     *
     * @throws AwsException {@code UnauthorizedOperation} when not allowed; {@code DryRunOperation} when allowed and
     *     {@code dryRun} is true
     */
    protected static void authorize(CallContext c, String action, String resource, Boolean dryRun) {
        c.authorize(PREFIX + action, resource);
        if (Boolean.TRUE.equals(dryRun)) {
            throw new AwsException("DryRunOperation", 412, "Request would have succeeded, but DryRun flag is set.");
        }
    }

    /** The launch template ARN of the id, or of the template named (resolving it), for authorization. */
    protected String templateArn(String id, String name) {
        if (id == null && name != null) {
            try {
                return templates.arn(templates.version(null, name, "$Default").launchTemplateId());
            } catch (AwsException e) {
                return templates.arn("*"); // authorized first; the handler then answers that it does not exist
            }
        }
        return templates.arn(id == null ? "*" : id);
    }
}
