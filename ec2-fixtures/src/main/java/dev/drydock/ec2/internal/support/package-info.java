/** What EC2's handlers share: the base class and authorization. */
package dev.drydock.ec2.internal.support;
