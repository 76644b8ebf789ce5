/** Drydock's Application Auto Scaling module: internal. Not API. */
package dev.drydock.scaling.internal;
