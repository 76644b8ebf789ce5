/** The applications the samples test, written as a user would write them; they know nothing of Drydock. */
package dev.drydock.samples.app;
