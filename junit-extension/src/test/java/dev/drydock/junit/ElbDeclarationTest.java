package dev.drydock.junit;

import static dev.drydock.junit.FixtureRuns.assertAllPassed;
import static dev.drydock.junit.FixtureRuns.classFailure;
import static dev.drydock.junit.FixtureRuns.execute;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@link ElbTargetGroup}, {@link ApplicationLoadBalancer} and {@link NetworkLoadBalancer}: created target groups
 * first, listeners and rules as declared, the injected ELB client and {@code ElbModule}, and declaration errors.
 */
class ElbDeclarationTest {

    @Test
    void loadBalancersTheirListenersRulesAndTargetGroups() {
        assertAllPassed(execute(ElbDeclarationTestCases.LoadBalancersAndTargetGroups.class), 1);
    }

    @Test
    void forwardingToATargetGroupNobodyDeclaredFailsTheClass() {
        assertThat(classFailure(execute(ElbDeclarationTestCases.ForwardToAnUndeclaredTargetGroup.class)))
                .hasMessageStartingWith("ForwardToAnUndeclaredTargetGroup: @ApplicationLoadBalancer(name = \"lost\"): ")
                .hasMessageContaining("There is no target group 'nowhere' to forward to");
    }

    @Test
    void aTargetGroupElbRefusesFailsTheClassWithElbsError() {
        assertThat(classFailure(execute(ElbDeclarationTestCases.TimeoutNotBelowInterval.class)))
                .hasMessageStartingWith("TimeoutNotBelowInterval: @ElbTargetGroup(name = \"bad\"): ")
                .hasMessageContaining("ValidationError: Health check interval must be greater than the timeout.");
    }
}
