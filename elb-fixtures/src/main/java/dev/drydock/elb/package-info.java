/**
 * Elastic Load Balancing (v2) in process: {@link dev.drydock.elb.ElbModule} (the load balancers' local URLs, target
 * health over time) and {@link dev.drydock.elb.ElbFixtures} (load balancers, target groups and listeners declared in
 * code).
 */
package dev.drydock.elb;
