/** The Elastic Load Balancing module's implementation: routing table, errors, module wiring. Not API. */
package dev.drydock.elb.internal;
