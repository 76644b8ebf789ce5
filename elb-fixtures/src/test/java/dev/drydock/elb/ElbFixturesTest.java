package dev.drydock.elb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.drydock.core.Drydock;
import dev.drydock.core.DrydockException;
import dev.drydock.core.runtime.SimulatedRuntime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;

/**
 * A declaration ELB refuses midway leaves nothing behind: what it created is deleted again, and a declaration naming
 * what it does not declare is refused before anything is created.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ElbFixturesTest {
    Drydock drydock;
    ElasticLoadBalancingV2Client elb;

    @BeforeAll
    void start() {
        drydock = Drydock.builder()
                .runtime(SimulatedRuntime::new)
                .fixture(ElbFixtures.targetGroup("web"))
                .start();
        elb = drydock.client(ElasticLoadBalancingV2Client.builder());
    }

    @AfterAll
    void stop() {
        elb.close();
        drydock.close();
    }

    @Test
    void aTargetGroupWhoseAttributeIsRefusedIsDeletedAgain() {
        var e = catchThrowableOfType(
                DrydockException.class,
                () -> drydock.apply(
                        ElbFixtures.targetGroup("half").attribute("deregistration_delay.timeout_seconds", "-1")));

        assertThat(e.getMessage()).contains("ELB refuses the target group 'half': ");
        assertThat(elb.describeTargetGroups().targetGroups())
                .extracting(g -> g.targetGroupName())
                .containsExactly("web");
    }

    @Test
    void aLoadBalancerWhoseListenerIsRefusedIsDeletedAgain() {
        var e = catchThrowableOfType(
                DrydockException.class,
                () -> drydock.apply(ElbFixtures.applicationLoadBalancer("half")
                        .listener(80, "web")
                        .rule(80, 0, List.of(ElbFixtures.pathPattern("/a")), ElbFixtures.forward("web"))));

        assertThat(e.getMessage()).contains("ELB refuses the load balancer 'half': ");
        assertThat(elb.describeLoadBalancers().loadBalancers()).isEmpty();
    }

    @Test
    void aRuleForAnUndeclaredListenerOrTargetGroupIsRefusedBeforeAnythingIsCreated() {
        var noListener = catchThrowableOfType(
                DrydockException.class,
                () -> drydock.apply(ElbFixtures.applicationLoadBalancer("lost")
                        .listener(80, "web")
                        .rule(8080, 1, List.of(ElbFixtures.pathPattern("/a")), ElbFixtures.forward("web"))));
        assertThat(noListener.getMessage())
                .contains("The rule of priority 1 is for a listener on port 8080, which the load balancer 'lost' does "
                        + "not declare: add .listener(8080, ...) first.");
        var noGroup = catchThrowableOfType(
                DrydockException.class,
                () -> drydock.apply(ElbFixtures.applicationLoadBalancer("lost").listener(80, "nowhere")));
        assertThat(noGroup.getMessage()).contains("There is no target group 'nowhere' to forward to");

        assertThat(elb.describeLoadBalancers().loadBalancers()).isEmpty();
    }
}
