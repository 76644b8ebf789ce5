package dev.drydock.ssm;

import dev.drydock.core.spi.ServiceModule;

/**
 * AWS Systems Manager Parameter Store in a Drydock instance: String, StringList and SecureString parameters (the
 * latter encrypted under KMS keys), hierarchies, versions, labels, tiers and tags, served as the Parameter Store
 * operations of the Systems Manager API (AWS JSON 1.1, {@code X-Amz-Target: AmazonSSM.*}, signing name {@code ssm})
 * on Drydock's endpoint. ECS reads a task's {@code secrets} that name parameters through it. Found on the classpath by
 * {@link java.util.ServiceLoader}; reach it with {@code drydock.service(SsmModule.class)}, declare parameters with
 * {@link SsmFixtures} (or {@code @SsmParameter}).
 */
public interface SsmModule extends ServiceModule {
    /** The {@code X-Amz-Target} prefix of the Systems Manager API. */
    String TARGET_PREFIX = "AmazonSSM";

    /** The SigV4 signing name. */
    String SIGNING_NAME = "ssm";
}
