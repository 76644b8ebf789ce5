/**
 * The {@code awslogs} log driver as Fargate runs it (the SPI's {@code TaskLogSink}): the execution role creates the
 * group (with {@code awslogs-create-group}) and the stream, and puts each container's output with PutLogEvents, each
 * call authorized and recorded like an API call.
 */
package dev.drydock.logs.internal.tasks;
