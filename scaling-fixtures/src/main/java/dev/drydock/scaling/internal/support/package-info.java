/** Drydock's Application Auto Scaling module: support. Not API. */
package dev.drydock.scaling.internal.support;
