package dev.drydock.elb;

import dev.drydock.core.spi.ServiceModule;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;

/**
 * Elastic Load Balancing (v2) in a Drydock instance: the ELB query API (signing name {@code elasticloadbalancing},
 * version 2015-12-01) on Drydock's endpoint, and a real proxy behind every listener: an HTTP/1.1 reverse proxy for the
 * HTTP listeners of Application Load Balancers, a TCP proxy for the TCP listeners of Network Load Balancers, each on a
 * local port, with real health checks, draining and deregistration delay. ECS services that name load balancers
 * register, drain and count their tasks through it. Found on the classpath by {@link java.util.ServiceLoader}; reach
 * it with {@code drydock.service(ElbModule.class)}; declare load balancers with {@link ElbFixtures} or the JUnit
 * annotations. See docs/elb.md.
 */
public interface ElbModule extends ServiceModule {

    /**
     * Where a load balancer's lowest HTTP listener answers on this machine, e.g. {@code http://127.0.0.1:41234}: send
     * the test's requests there. (Its DNS name keeps AWS's form and resolves nowhere.)
     *
     * @param loadBalancer the load balancer's name or ARN
     * @throws IllegalArgumentException when there is no such load balancer, or it has no listener Drydock serves
     */
    URI url(String loadBalancer);

    /**
     * Where a listener of a load balancer answers on this machine, as a URL.
     *
     * @param loadBalancer the load balancer's name or ARN
     * @param listenerPort the listener's port as ELB knows it, e.g. 80
     * @throws IllegalArgumentException when there is no such load balancer or listener, or Drydock does not serve its
     *     protocol
     */
    URI url(String loadBalancer, int listenerPort);

    /**
     * Where a listener of a load balancer accepts connections on this machine (for the TCP listeners of Network Load
     * Balancers).
     *
     * @throws IllegalArgumentException as {@link #url(String, int)}
     */
    InetSocketAddress address(String loadBalancer, int listenerPort);

    /** Every change of target health so far, oldest first (the last 5,000). */
    List<TargetHealthChange> targetHealthHistory();
}
