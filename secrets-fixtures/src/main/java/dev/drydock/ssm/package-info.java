/**
 * AWS Systems Manager Parameter Store in Drydock: {@link dev.drydock.ssm.SsmModule} (the module) and {@link dev.drydock.ssm.SsmFixtures} (String, StringList and SecureString parameters). Everything else is done through the AWS Systems Manager Parameter Store API with the AWS SDK; {@code dev.drydock.ssm.internal} is not
 * API.
 */
package dev.drydock.ssm;
