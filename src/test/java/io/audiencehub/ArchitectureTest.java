package io.audiencehub;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.springframework.stereotype.Repository;
import org.springframework.stereotype.Service;

@AnalyzeClasses(packages = "io.audiencehub", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featuresDoNotDependOnEachOtherInCycles = slices()
            .matching("io.audiencehub.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule servicesAndRepositoriesDoNotTouchTheUi = noClasses()
            .that().areAnnotatedWith(Service.class)
            .or().areAnnotatedWith(Repository.class)
            .or().haveSimpleNameEndingWith("Service")
            .or().haveSimpleNameEndingWith("Repository")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "com.vaadin.flow.component..", "com.vaadin.flow.router..", "..ui..");

    /** Any feature, including one added after this rule was written: every package under io.audiencehub but base. */
    @ArchTest
    static final ArchRule theShellDependsOnNoFeature = noClasses()
            .that().resideInAPackage("io.audiencehub.base..")
            .should().dependOnClassesThat(DescribedPredicate.describe("belong to a feature", target ->
                    target.getPackageName().startsWith("io.audiencehub.")
                            && !featureOf(target.getPackageName()).equals("base")));

    @ArchTest
    static final ArchRule repositoriesAreUsedOnlyInsideTheirFeature = classes()
            .that().areAnnotatedWith(Repository.class)
            .should().bePackagePrivate();

    @ArchTest
    static final ArchRule nothingOutsideTheSandboxDependsOnIt = noClasses()
            .that().resideOutsideOfPackage("io.audiencehub.sandbox..")
            .should().dependOnClassesThat().resideInAPackage("io.audiencehub.sandbox..");

    @ArchTest
    static final ArchRule aFeaturesViewsUseOnlyThatFeatureAndTheShell = classes()
            .that().resideInAPackage("io.audiencehub.(*).ui..")
            .should(new ArchCondition<JavaClass>("depend only on their own feature, base and libraries") {
                @Override
                public void check(JavaClass view, ConditionEvents events) {
                    String feature = featureOf(view.getPackageName());
                    view.getDirectDependenciesFromSelf().stream()
                            .map(Dependency::getTargetClass)
                            .filter(target -> target.getPackageName().startsWith("io.audiencehub."))
                            .filter(target -> !featureOf(target.getPackageName()).equals(feature))
                            .filter(target -> !target.getPackageName().startsWith("io.audiencehub.base"))
                            .forEach(target -> events.add(SimpleConditionEvent.violated(view, view.getName()
                                    + " (feature " + feature + ") uses " + target.getName())));
                }
            });

    @ArchTest
    static final ArchRule viewsLiveInUiPackages = classes()
            .that().areAnnotatedWith(com.vaadin.flow.router.Route.class)
            .should().resideInAPackage("..ui..");

    /** "connector" for io.audiencehub.connector.ui; "sandbox" for io.audiencehub.sandbox.heap.ui. */
    private static String featureOf(String packageName) {
        String rest = packageName.substring("io.audiencehub.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
