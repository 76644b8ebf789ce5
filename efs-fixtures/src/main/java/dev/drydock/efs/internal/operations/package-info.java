/**
 * One class per EFS operation, named as AWS names it: each takes the SDK request shape, authorizes the call as the
 * Service Authorization Reference lists it, asks the backend and answers the SDK response shape or an AWS error.
 * Nothing else lives here: helpers the handlers share are elsewhere (a {@code support} package, the backend, core).
 */
package dev.drydock.efs.internal.operations;
