package dev.drydock.ec2;

import dev.drydock.core.spi.ServiceModule;

/**
 * Amazon EC2 in a Drydock instance, the part capacity needs: launch templates (CreateLaunchTemplate,
 * CreateLaunchTemplateVersion, DescribeLaunchTemplates, DescribeLaunchTemplateVersions, ModifyLaunchTemplate,
 * DeleteLaunchTemplate) on the
 * EC2 query API (signing name {@code ec2}, version 2016-11-15) on Drydock's endpoint, IAM-authorized. Every other EC2
 * operation answers HTTP 501 {@code NotImplemented} naming itself. Found on the classpath by
 * {@link java.util.ServiceLoader}; reach it with {@code drydock.service(Ec2Module.class)}. See
 * docs/ec2-operations.md.
 */
public interface Ec2Module extends ServiceModule {}
