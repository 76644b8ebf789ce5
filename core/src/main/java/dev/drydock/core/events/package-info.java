/**
 * The events a Drydock instance's services emit, in EventBridge's format: {@link dev.drydock.core.events.AwsEvent}
 * and the {@link dev.drydock.core.events.EventStream} a test subscribes to or awaits events on
 * ({@code drydock.events()}).
 */
package dev.drydock.core.events;
