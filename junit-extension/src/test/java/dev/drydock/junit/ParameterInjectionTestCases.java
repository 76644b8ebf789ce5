package dev.drydock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.core.Drydock;
import dev.drydock.core.iam.DecisionLog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecs.EcsAsyncClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

/** Fixtures for {@link ParameterInjectionTest}; run only through it. */
class ParameterInjectionTestCases {

    @IamRole(name = "cluster-reader", policy = "iam/cluster-reader.json")
    @EcsCluster(name = "injection")
    static class InjectsEverywhere {
        static EcsClient fromBeforeAll;
        private final EcsClient fromConstructor;
        private EcsClient fromBeforeEach;

        InjectsEverywhere(EcsClient ecs, Drydock drydock) {
            assertThat(drydock).isNotNull();
            this.fromConstructor = ecs;
        }

        @BeforeAll
        static void beforeAll(EcsClient ecs, IamClient iam, StsClient sts, Drydock drydock, DecisionLog decisions) {
            assertThat(ecs.listClusters().clusterArns()).hasSize(1);
            assertThat(iam.getRole(r -> r.roleName("cluster-reader")).role().arn())
                    .isEqualTo("arn:aws:iam::" + drydock.accountId() + ":role/cluster-reader");
            assertThat(sts.getCallerIdentity().arn()).isEqualTo(drydock.testPrincipalArn());
            assertThat(decisions).isSameAs(drydock.decisionLog());
            fromBeforeAll = ecs;
        }

        @BeforeEach
        void beforeEach(EcsClient ecs, IamClient iam, StsClient sts, Drydock drydock, DecisionLog decisions) {
            assertThat(iam).isNotNull();
            assertThat(sts).isNotNull();
            assertThat(decisions).isSameAs(drydock.decisionLog());
            fromBeforeEach = ecs;
        }

        @Test
        void ecsClientTalksToDrydock(EcsClient ecs, Drydock drydock) {
            assertThat(ecs.listClusters().clusterArns())
                    .containsExactly(
                            "arn:aws:ecs:" + drydock.region() + ":" + drydock.accountId() + ":cluster/injection");
        }

        @Test
        void iamClientSeesTheDeclaredRole(IamClient iam) {
            assertThat(iam.listRoles().roles()).extracting(r -> r.roleName()).contains("cluster-reader");
        }

        @Test
        void stsClientSignsAsTheTestPrincipal(StsClient sts, Drydock drydock) {
            assertThat(sts.getCallerIdentity().account()).isEqualTo(drydock.accountId());
            assertThat(sts.getCallerIdentity().arn()).isEqualTo(drydock.testPrincipalArn());
        }

        @Test
        void decisionLogRecordsTheTestsRequests(EcsClient ecs, DecisionLog decisions, Drydock drydock) {
            ecs.describeClusters(r -> r.clusters("injection"));
            assertThat(decisions.decisionsFor(drydock.testPrincipalArn()))
                    .anySatisfy(d -> assertThat(d.action()).isEqualTo("ecs:DescribeClusters"));
        }

        @Test
        void theSameEcsClientEverywhereInTheClass(EcsClient ecs) {
            assertThat(ecs).isSameAs(fromConstructor).isSameAs(fromBeforeEach).isSameAs(fromBeforeAll);
        }
    }

    /** With one test instance per class, JUnit constructs it before the before-all callbacks. */
    @TestInstance(Lifecycle.PER_CLASS)
    @EcsCluster(name = "per-class")
    static class PerClassLifecycle {
        private final EcsClient fromConstructor;

        PerClassLifecycle(EcsClient ecs) {
            assertThat(ecs.listClusters().clusterArns())
                    .singleElement()
                    .asString()
                    .endsWith(":cluster/per-class");
            this.fromConstructor = ecs;
        }

        @BeforeAll
        void beforeAll(EcsClient ecs) {
            assertThat(ecs).isSameAs(fromConstructor);
        }

        @Test
        void sameClient(EcsClient ecs) {
            assertThat(ecs).isSameAs(fromConstructor);
        }
    }

    /** Drydock does not claim types it does not inject, so other resolvers can. */
    @EcsCluster(name = "other-types")
    @ExtendWith(TextResolver.class)
    static class OtherTypesForOtherResolvers {
        @Test
        void aStringFromAnotherResolver(String text, EcsClient ecs) {
            assertThat(text).isEqualTo("from TextResolver");
            assertThat(ecs).isNotNull();
        }
    }

    @EcsCluster(name = "async")
    static class UnsupportedClientType {
        @Test
        void asyncClient(EcsAsyncClient ecs) {
            throw new AssertionError("Drydock does not inject async clients");
        }
    }

    /** The extension without any declaration: an empty Drydock, for tests that create everything themselves. */
    @ExtendWith(DrydockExtension.class)
    static class ExtensionWithoutDeclarations {
        @Test
        void anEmptyDrydock(EcsClient ecs, IamClient iam) {
            assertThat(ecs.listClusters().clusterArns()).isEmpty();
            ecs.createCluster(r -> r.clusterName("made-by-the-test"));
            assertThat(ecs.listClusters().clusterArns()).hasSize(1);
        }
    }

    /**
     * drydock-ec2-fixtures' and drydock-autoscaling-fixtures' plug-ins inject EC2 and Auto Scaling clients that create
     * launch templates and groups through Drydock.
     */
    @ExtendWith(DrydockExtension.class)
    static class InjectsEc2 {
        @Test
        void ec2ClientCreatesLaunchTemplates(Ec2Client ec2) {
            String id = ec2.createLaunchTemplate(
                            r -> r.launchTemplateName("injected").launchTemplateData(d -> d.instanceType("m5.large")))
                    .launchTemplate()
                    .launchTemplateId();
            assertThat(ec2.describeLaunchTemplates(r -> r.launchTemplateNames("injected"))
                            .launchTemplates())
                    .singleElement()
                    .satisfies(t -> assertThat(t.launchTemplateId()).isEqualTo(id));
        }

        @Test
        void autoScalingClientLaunchesFromTheTemplate(Ec2Client ec2, AutoScalingClient autoscaling) {
            ec2.createLaunchTemplate(
                    r -> r.launchTemplateName("for-a-group").launchTemplateData(d -> d.instanceType("m5.large")));
            autoscaling.createAutoScalingGroup(r -> r.autoScalingGroupName("injected")
                    .launchTemplate(t -> t.launchTemplateName("for-a-group"))
                    .minSize(1)
                    .maxSize(1)
                    .availabilityZones("us-east-1a"));
            assertThat(autoscaling.describeAutoScalingInstances().autoScalingInstances())
                    .singleElement()
                    .satisfies(i -> assertThat(i.instanceType()).isEqualTo("m5.large"));
        }
    }

    static class RegisteredOnAMethod {
        @Test
        @ExtendWith(DrydockExtension.class)
        void injected(EcsClient ecs) {
            throw new AssertionError("nothing can be injected without Drydock running");
        }
    }

    static class RegisteredInAnInstanceField {
        @RegisterExtension
        DrydockExtension drydock = DrydockExtension.builder().build();

        @Test
        void injected(EcsClient ecs) {
            throw new AssertionError("nothing can be injected without Drydock running");
        }
    }

    static final class TextResolver implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == String.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return "from TextResolver";
        }
    }
}
