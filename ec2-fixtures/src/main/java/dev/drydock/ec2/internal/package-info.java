/** EC2's implementation (not API): the module, its routing table and errors. */
package dev.drydock.ec2.internal;
