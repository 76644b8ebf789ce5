/** Drydock's Application Auto Scaling module: backend. Not API. */
package dev.drydock.scaling.internal.backend;
