package dev.drydock.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering docs/architecture.md describes, checked over the main classes of every module (core, each service
 * module, the JUnit extension, the samples and the benchmarks):
 * <ul>
 *   <li>a service module ({@code dev.drydock.<service>}, any top-level package besides core, junit, samples and
 *       benchmarks) never depends on another service module, nor on the JUnit extension;</li>
 *   <li>core and the service modules never see JUnit;</li>
 *   <li>no class outside {@code dev.drydock.core..} uses {@code dev.drydock.core.internal..}: modules reach core
 *       through {@code dev.drydock.core.spi};</li>
 *   <li>a public API signature (a public or protected member, supertype or thrown exception of a public type outside
 *       {@code internal} packages) exposes no type of an {@code internal} package.</li>
 * </ul>
 */
class ArchitectureTest {
    private static final Set<String> NOT_SERVICES = Set.of("core", "junit", "samples", "benchmarks", "architecture");
    private static JavaClasses classes;

    @BeforeAll
    static void importEveryModule() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // the Netty that drydock-elb-fixtures shades into its jar is a library, not Drydock's code
                .withImportOption(location -> !location.contains("/dev/drydock/elb/internal/netty/"))
                .importPackages("dev.drydock");
    }

    /** The service modules' top-level packages found among the classes, e.g. {@code ecs}, {@code ecr}, {@code efs}. */
    static Set<String> services(JavaClasses classes) {
        Set<String> services = new TreeSet<>();
        for (JavaClass c : classes) {
            String[] parts = c.getPackageName().split("\\.");
            if (parts.length > 2
                    && parts[0].equals("dev")
                    && parts[1].equals("drydock")
                    && !NOT_SERVICES.contains(parts[2])) {
                services.add(parts[2]);
            }
        }
        return services;
    }

    @Test
    void everyModuleIsChecked() {
        assertThat(services(classes))
                .contains(
                        "ecs",
                        "ecr",
                        "efs",
                        "secretsmanager",
                        "ssm",
                        "kms",
                        "logs",
                        "elb",
                        "cloudwatch",
                        "scaling",
                        "ec2",
                        "autoscaling");
        assertThat(classes.containPackage("dev.drydock.junit")).isTrue();
        assertThat(classes.containPackage("dev.drydock.samples.app")).isTrue();
        assertThat(classes.containPackage("dev.drydock.benchmarks")).isTrue();
        assertThat(classes.containPackage("dev.drydock.core.spi")).isTrue();
    }

    @Test
    void serviceModulesNeverDependOnEachOtherNorOnTheJUnitExtension() {
        for (ArchRule rule : serviceIsolation(classes)) {
            rule.check(classes);
        }
    }

    /** One rule per service module: it depends on no other service module, no JUnit extension. */
    static List<ArchRule> serviceIsolation(JavaClasses classes) {
        List<ArchRule> rules = new ArrayList<>();
        Set<String> services = services(classes);
        for (String service : services) {
            List<String> others = new ArrayList<>();
            for (String other : services) {
                if (!other.equals(service)) {
                    others.add("dev.drydock." + other + "..");
                }
            }
            others.add("dev.drydock.junit..");
            rules.add(noClasses()
                    .that()
                    .resideInAPackage("dev.drydock." + service + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(others.toArray(String[]::new))
                    .because("service modules meet only through interfaces core defines (docs/architecture.md)"));
        }
        return rules;
    }

    @Test
    void coreAndServiceModulesNeverSeeJUnit() {
        noClasses()
                .that()
                .resideOutsideOfPackages("dev.drydock.junit..", "dev.drydock.samples..", "dev.drydock.benchmarks..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.junit..", "dev.drydock.junit..")
                .because("JUnit is one front end: core and the fixtures serve TestNG, Spock and plain main too")
                .check(classes);
    }

    @Test
    void nothingOutsideCoreUsesCoresInternals() {
        NO_CORE_INTERNALS_OUTSIDE_CORE.check(classes);
    }

    static final ArchRule NO_CORE_INTERNALS_OUTSIDE_CORE = noClasses()
            .that()
            .resideOutsideOfPackage("dev.drydock.core..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.drydock.core.internal..")
            .because("modules reach core through dev.drydock.core.spi, so core's internals stay free to change");

    @Test
    void publicSignaturesExposeNoInternalType() {
        PUBLIC_API_EXPOSES_NO_INTERNAL_TYPE.check(classes);
    }

    static final ArchRule PUBLIC_API_EXPOSES_NO_INTERNAL_TYPE = classes()
            .that(publicApi())
            .should(exposeNoInternalType())
            .because("what users and module authors see must not tie them to internals");

    /** Public types outside internal packages, nested ones only when their enclosing types are public too. */
    private static DescribedPredicate<JavaClass> publicApi() {
        return DescribedPredicate.describe("are public API", c -> isApi(c));
    }

    private static boolean isApi(JavaClass c) {
        if (isInternal(c) || !c.getModifiers().contains(JavaModifier.PUBLIC)) {
            return false;
        }
        return c.getEnclosingClass().map(ArchitectureTest::isApi).orElse(true);
    }

    private static boolean isInternal(JavaClass c) {
        String p = c.getPackageName();
        return p.contains(".internal.") || p.endsWith(".internal");
    }

    private static ArchCondition<JavaClass> exposeNoInternalType() {
        return new ArchCondition<>("expose no type of an internal package") {
            @Override
            public void check(JavaClass api, ConditionEvents events) {
                api.getRawSuperclass().ifPresent(s -> report(api, "extends", List.of(s), events));
                report(api, "implements", List.copyOf(api.getRawInterfaces()), events);
                for (JavaMember member : api.getMembers()) {
                    if (!visible(member)) {
                        continue;
                    }
                    List<JavaClass> involved = new ArrayList<>();
                    if (member instanceof JavaField f) {
                        involved.addAll(f.getType().getAllInvolvedRawTypes());
                    } else if (member instanceof JavaCodeUnit u) {
                        involved.addAll(u.getReturnType().getAllInvolvedRawTypes());
                        for (JavaType p : u.getParameterTypes()) {
                            involved.addAll(p.getAllInvolvedRawTypes());
                        }
                        involved.addAll(u.getThrowsClause().getTypes());
                    }
                    report(api, member.getFullName(), involved, events);
                }
            }
        };
    }

    private static boolean visible(JavaMember member) {
        Set<JavaModifier> m = member.getModifiers();
        return (m.contains(JavaModifier.PUBLIC) || m.contains(JavaModifier.PROTECTED))
                && !m.contains(JavaModifier.SYNTHETIC)
                && !m.contains(JavaModifier.BRIDGE);
    }

    private static void report(JavaClass api, String where, Collection<JavaClass> involved, ConditionEvents events) {
        for (JavaClass t : involved) {
            if (isInternal(t.getBaseComponentType())) {
                events.add(SimpleConditionEvent.violated(
                        api,
                        api.getName() + ": " + where + " exposes the internal type "
                                + t.getBaseComponentType().getName()));
            }
        }
    }
}
