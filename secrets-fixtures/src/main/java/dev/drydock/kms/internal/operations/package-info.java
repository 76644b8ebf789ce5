/**
 * One class per AWS KMS operation, named as AWS names it: each takes the SDK request shape, authorizes the call as
 * the Service Authorization Reference lists it, asks the backend and answers the SDK response shape or an AWS error.
 */
package dev.drydock.kms.internal.operations;
