/** EC2 Auto Scaling's state of one account and region: groups and their instances. */
package dev.drydock.autoscaling.internal.backend;
