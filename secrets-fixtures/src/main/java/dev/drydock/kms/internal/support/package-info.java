/**
 * What the AWS KMS operation handlers share and that is not an operation: authorization on the service's resources
 * (with their condition keys and, where the service has them, resource policies), encryption through KMS, filters
 * and the model's shapes.
 */
package dev.drydock.kms.internal.support;
