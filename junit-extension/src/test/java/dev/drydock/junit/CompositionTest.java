package dev.drydock.junit;

import static dev.drydock.junit.FixtureRuns.assertAllPassed;
import static dev.drydock.junit.FixtureRuns.classFailure;
import static dev.drydock.junit.FixtureRuns.execute;
import static dev.drydock.junit.FixtureRuns.published;
import static dev.drydock.junit.FixtureRuns.publishedOnce;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.core.DrydockException;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Declarations compose: meta-annotations, inheritance, repetition, nested classes and a programmatic registration
 * next to the annotations.
 */
class CompositionTest {

    @Test
    void aMetaAnnotationCombiningClusterAndService() {
        EngineExecutionResults results = execute(CompositionTestCases.MetaAnnotated.class);

        assertAllPassed(results, 1);
        assertThat(published(results, "cluster")).containsExactly("composed");
        assertThat(published(results, "service")).containsExactly("composed/web");
    }

    @Test
    void declarationsAreInheritedFromASuperclass() {
        EngineExecutionResults results = execute(CompositionTestCases.Inheriting.class);

        assertAllPassed(results, 1);
        assertThat(published(results, "cluster")).containsExactly("base");
    }

    @Test
    void aSubclassAddsToWhatItInherits() {
        EngineExecutionResults results = execute(CompositionTestCases.InheritingAndAdding.class);

        assertAllPassed(results, 1);
        assertThat(published(results, "cluster")).containsExactlyInAnyOrder("base", "own");
        assertThat(published(results, "service")).containsExactly("base/own-web");
    }

    @Test
    void repeatedAnnotationsAllApply() {
        EngineExecutionResults results = execute(CompositionTestCases.Repeated.class);

        assertAllPassed(results, 1);
        assertThat(published(results, "cluster")).containsExactlyInAnyOrder("a", "b");
        assertThat(published(results, "service")).containsExactlyInAnyOrder("a/one", "b/two");
    }

    @Test
    void nestedClassesShareTheEnclosingInstanceAndAddToIt() {
        EngineExecutionResults results = execute(CompositionTestCases.Outer.class);

        assertAllPassed(results, 3);
        assertThat(published(results, "session"))
                .hasSize(4)
                .containsOnly(published(results, "session").get(0));
        assertThat(published(results, "client"))
                .hasSize(3)
                .containsOnly(published(results, "client").get(0));
        assertThat(published(results, "cluster")).containsExactlyInAnyOrder("outer", "inner");
        assertThat(published(results, "service")).containsExactly("outer/inner-web");
    }

    @Test
    void aNestedClassMayRepeatButNotChangeWhatItsEnclosingClassDeclares() {
        EngineExecutionResults results = execute(CompositionTestCases.NestedRedeclaring.class);

        assertThat(results.testEvents().succeeded().count()).isEqualTo(2);
        assertThat(results.testEvents().failed().count()).isZero();
        assertThat(classFailure(results))
                .isInstanceOf(DrydockException.class)
                .hasMessageStartingWith("Changing: @FargateService(cluster = \"outer\", name = \"web\") is declared "
                        + "differently on the @Nested class (@FargateService(")
                .hasMessageContaining("desiredCount=3")
                .hasMessageContaining("than on its enclosing class (@FargateService(")
                .hasMessageContaining("desiredCount=1")
                .hasMessageEndingWith("give the nested one another name, or remove it.");
    }

    @Test
    void aRegisteredExtensionWithFixturesAndSettingsNextToAnnotationsAppliesEverythingOnce() {
        CompositionTestCases.AnnotationsAndABuilder.APPLIED.set(0);

        EngineExecutionResults results = execute(CompositionTestCases.AnnotationsAndABuilder.class);

        assertAllPassed(results, 3);
        assertThat(published(results, "cluster")).containsExactly("annotated");
        assertThat(published(results, "service")).containsExactly("annotated/built");
        assertThat(publishedOnce(results, "revisions"))
                .as("the builder's service registered its task definition once, in the builder's region")
                .isEqualTo("arn:aws:ecs:eu-west-1:123456789012:task-definition/sleeper:1");
        assertThat(CompositionTestCases.AnnotationsAndABuilder.APPLIED)
                .as("the builder's fixture applied")
                .hasValue(1);
    }

    @Test
    void aProgrammaticRegistrationAloneWithANestedClass() {
        CompositionTestCases.ProgrammaticOnly.APPLIED.set(0);

        EngineExecutionResults results = execute(CompositionTestCases.ProgrammaticOnly.class);

        assertAllPassed(results, 2);
        assertThat(publishedOnce(results, "region")).isEqualTo("eu-west-1");
        assertThat(published(results, "cluster")).containsExactly("programmatic", "programmatic", "nested");
        assertThat(CompositionTestCases.ProgrammaticOnly.APPLIED)
                .as("the builder's fixture applied")
                .hasValue(1);
    }

    @Test
    void twoRegistrationsWithConflictingSettingsFailTheClass() {
        EngineExecutionResults results = execute(CompositionTestCases.ConflictingSettings.class);

        assertThat(results.testEvents().started().count()).isZero();
        assertThat(classFailure(results))
                .isInstanceOf(DrydockException.class)
                .hasMessageStartingWith("ConflictingSettings: Two DrydockExtension registrations on "
                        + CompositionTestCases.ConflictingSettings.class.getName() + " set 'region' differently (")
                .hasMessageContaining("'eu-west-1'")
                .hasMessageContaining("'eu-west-2'")
                .hasMessageEndingWith("Register one DrydockExtension with all the settings.");
    }

    @Test
    void aNestedClassCannotChangeTheSettingsOfTheRunningInstance() {
        EngineExecutionResults results = execute(CompositionTestCases.NestedSettings.class);

        assertThat(results.testEvents().started().count()).isZero();
        assertThat(classFailure(results))
                .isInstanceOf(DrydockException.class)
                .hasMessageStartingWith("Inner: DrydockExtension.builder().setting(...) on the @Nested class ")
                .hasMessageContaining("cannot change the Drydock instance its enclosing class already started "
                        + "(settings [region])")
                .hasMessageContaining("Register the extension with its settings on the outermost test class.");
    }
}
