/**
 * Amazon EC2 launch templates in process: {@link dev.drydock.ec2.Ec2Module} is what tests reach; the implementation is
 * in {@code internal} and not API.
 */
package dev.drydock.ec2;
