/** One class per EC2 operation, named as AWS names it. */
package dev.drydock.ec2.internal.operations;
