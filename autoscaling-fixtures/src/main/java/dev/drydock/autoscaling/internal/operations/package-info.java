/** One class per EC2 Auto Scaling operation, named as AWS names it. */
package dev.drydock.autoscaling.internal.operations;
