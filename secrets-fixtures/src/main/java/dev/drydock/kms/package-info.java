/**
 * AWS KMS in Drydock: {@link dev.drydock.kms.KmsModule} (the module) and {@link dev.drydock.kms.KmsFixtures} (customer managed keys with aliases and key policies). Everything else is done through the AWS KMS API with the AWS SDK; {@code dev.drydock.kms.internal} is not
 * API.
 */
package dev.drydock.kms;
