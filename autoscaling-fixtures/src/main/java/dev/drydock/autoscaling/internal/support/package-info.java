/** What EC2 Auto Scaling's handlers share: the base class and authorization. */
package dev.drydock.autoscaling.internal.support;
