package dev.drydock.core.spi;

import software.amazon.awssdk.core.SdkPojo;

/**
 * One AWS operation's handler: takes the SDK request shape, answers the SDK response shape, or throws
 * {@link dev.drydock.core.spi.AwsException}. Handlers validate everything before they change state,
 * so a failed call changes nothing.
 *
 * @param <I> the SDK request shape, e.g. {@code RunTaskRequest}
 * @param <O> the SDK response shape, e.g. {@code RunTaskResponse}
 */
@FunctionalInterface
public interface Operation<I extends SdkPojo, O extends SdkPojo> {
    O call(I request, CallContext context);
}
