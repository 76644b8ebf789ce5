/** EC2's state of one account and region: launch templates and their versions. */
package dev.drydock.ec2.internal.backend;
