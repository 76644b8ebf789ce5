/** Drydock's Application Auto Scaling module: operations. Not API. */
package dev.drydock.scaling.internal.operations;
