/** EC2 Auto Scaling's implementation (not API): the module, its routing table and errors. */
package dev.drydock.autoscaling.internal;
