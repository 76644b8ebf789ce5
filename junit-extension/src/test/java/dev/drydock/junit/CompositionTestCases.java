package dev.drydock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.core.Drydock;
import dev.drydock.ecs.EcsFixtures;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;

/** Fixtures for {@link CompositionTest}; run only through it. */
class CompositionTestCases {

    /** A user's own annotation, composed of Drydock's. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @EcsCluster(name = "composed")
    @FargateService(cluster = "composed", name = "web", taskDefinition = "ecs/sleeper.json", desiredCount = 2)
    @interface ShopWithWeb {}

    @ShopWithWeb
    static class MetaAnnotated {
        @Test
        void theComposedDeclarationsApply(EcsClient ecs, TestReporter reporter) {
            publishClustersAndServices(ecs, reporter);
        }
    }

    @EcsCluster(name = "base")
    @IamRole(name = "base-reader", policy = "iam/cluster-reader.json")
    abstract static class Base {
        @Test
        void seesWhatTheHierarchyDeclares(
                EcsClient ecs, @ActingAs("base-reader") EcsClient reader, TestReporter reporter) {
            publishClustersAndServices(ecs, reporter);
            assertThat(reader.listClusters().clusterArns()).isNotEmpty();
        }
    }

    static class Inheriting extends Base {}

    @EcsCluster(name = "own")
    @FargateService(cluster = "base", name = "own-web", taskDefinition = "ecs/sleeper.json")
    static class InheritingAndAdding extends Base {}

    @EcsCluster(name = "a")
    @EcsCluster(name = "b")
    @FargateService(cluster = "a", name = "one", taskDefinition = "ecs/sleeper.json")
    @FargateService(cluster = "b", name = "two", taskDefinition = "ecs/sleeper.json")
    @IamRole(name = "first-reader", policy = "iam/cluster-reader.json")
    @IamRole(name = "second-reader", policy = "iam/cluster-reader.json")
    static class Repeated {
        @Test
        void everyDeclarationApplies(
                EcsClient ecs,
                @ActingAs("first-reader") EcsClient first,
                @ActingAs("second-reader") EcsClient second,
                TestReporter reporter) {
            publishClustersAndServices(ecs, reporter);
            assertThat(first.listClusters().clusterArns()).hasSize(2);
            assertThat(second.listClusters().clusterArns()).hasSize(2);
        }
    }

    @EcsCluster(name = "outer")
    static class Outer {
        @BeforeAll
        static void before(Drydock drydock, TestReporter reporter) {
            reporter.publishEntry("session", drydock.sessionId());
        }

        @Test
        void outerTest(EcsClient ecs, Drydock drydock, TestReporter reporter) {
            reporter.publishEntry("session", drydock.sessionId());
            reporter.publishEntry("client", Integer.toString(System.identityHashCode(ecs)));
            assertThat(ecs.listClusters().clusterArns())
                    .singleElement()
                    .asString()
                    .endsWith(":cluster/outer");
        }

        @Nested
        @EcsCluster(name = "inner")
        @FargateService(cluster = "outer", name = "inner-web", taskDefinition = "ecs/sleeper.json")
        class Inner {
            @Test
            void sharesTheInstanceAndAddsToIt(EcsClient ecs, Drydock drydock, TestReporter reporter) {
                reporter.publishEntry("session", drydock.sessionId());
                reporter.publishEntry("client", Integer.toString(System.identityHashCode(ecs)));
                publishClustersAndServices(ecs, reporter);
            }

            @Nested
            class Deeper {
                @Test
                void sharesTheInstanceToo(EcsClient ecs, Drydock drydock, TestReporter reporter) {
                    reporter.publishEntry("session", drydock.sessionId());
                    reporter.publishEntry("client", Integer.toString(System.identityHashCode(ecs)));
                }
            }
        }
    }

    @EcsCluster(name = "annotated")
    static class AnnotationsAndABuilder {
        static final AtomicInteger APPLIED = new AtomicInteger();

        @RegisterExtension
        static DrydockExtension drydock = DrydockExtension.builder()
                .setting("region", "eu-west-1")
                .fixture(EcsFixtures.fargateService("annotated", "built", "ecs/sleeper.json"))
                .fixture(d -> APPLIED.incrementAndGet())
                .build();

        @Test
        void both(EcsClient ecs, TestReporter reporter) {
            publishClustersAndServices(ecs, reporter);
            reporter.publishEntry(
                    "revisions",
                    String.join(
                            ",",
                            ecs.listTaskDefinitions(r -> r.familyPrefix("sleeper"))
                                    .taskDefinitionArns()));
        }

        @Test
        void again(EcsClient ecs) {
            assertThat(ecs.listServices(r -> r.cluster("annotated")).serviceArns())
                    .hasSize(1);
        }

        @Nested
        class Inner {
            @Test
            void nested(EcsClient ecs) {
                assertThat(ecs.listServices(r -> r.cluster("annotated")).serviceArns())
                        .hasSize(1);
            }
        }
    }

    /** Only a programmatic registration, the way TestNG-minded users might write it, with a nested class. */
    static class ProgrammaticOnly {
        static final AtomicInteger APPLIED = new AtomicInteger();

        @RegisterExtension
        static DrydockExtension drydock = DrydockExtension.builder()
                .setting("region", "eu-west-1")
                .fixture(EcsFixtures.cluster("programmatic"))
                .fixture(d -> APPLIED.incrementAndGet())
                .build();

        @Test
        void outerTest(EcsClient ecs, TestReporter reporter) {
            publishClustersAndServices(ecs, reporter);
        }

        @Nested
        @EcsCluster(name = "nested")
        class Inner {
            @Test
            void innerTest(EcsClient ecs, Drydock drydock, TestReporter reporter) {
                reporter.publishEntry("region", drydock.region());
                publishClustersAndServices(ecs, reporter);
            }
        }
    }

    static class ConflictingSettings {
        @RegisterExtension
        static DrydockExtension ireland =
                DrydockExtension.builder().setting("region", "eu-west-1").build();

        @RegisterExtension
        static DrydockExtension london =
                DrydockExtension.builder().setting("region", "eu-west-2").build();

        @Test
        void neverRuns() {
            throw new AssertionError("conflicting settings must fail the class");
        }
    }

    @EcsCluster(name = "outer")
    static class NestedSettings {
        @Nested
        class Inner {
            @RegisterExtension
            static DrydockExtension london =
                    DrydockExtension.builder().setting("region", "eu-west-2").build();

            @Test
            void neverRuns() {
                throw new AssertionError("a nested class cannot change its enclosing class's Drydock");
            }
        }
    }

    @EcsCluster(name = "outer")
    @FargateService(cluster = "outer", name = "web", taskDefinition = "ecs/sleeper.json")
    static class NestedRedeclaring {
        @Test
        void outerTest(EcsClient ecs) {
            assertThat(ecs.listServices(r -> r.cluster("outer")).serviceArns()).hasSize(1);
        }

        /** The same declarations again: nothing new. */
        @Nested
        @EcsCluster(name = "outer")
        @FargateService(cluster = "outer", name = "web", taskDefinition = "ecs/sleeper.json")
        class Repeating {
            @Test
            void sameService(EcsClient ecs) {
                assertThat(ecs.listServices(r -> r.cluster("outer")).serviceArns())
                        .hasSize(1);
            }
        }

        /** The same service with another desired count: refused. */
        @Nested
        @FargateService(cluster = "outer", name = "web", taskDefinition = "ecs/sleeper.json", desiredCount = 3)
        class Changing {
            @Test
            void neverRuns() {
                throw new AssertionError("a nested class cannot change its enclosing class's service");
            }
        }
    }

    static void publishClustersAndServices(EcsClient ecs, TestReporter reporter) {
        for (String cluster : ecs.listClusters().clusterArns()) {
            reporter.publishEntry("cluster", cluster.substring(cluster.indexOf('/') + 1));
            for (String service : ecs.listServices(r -> r.cluster(cluster)).serviceArns()) {
                reporter.publishEntry("service", service.substring(service.indexOf('/') + 1));
            }
        }
    }
}
