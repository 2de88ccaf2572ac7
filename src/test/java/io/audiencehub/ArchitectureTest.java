package io.audiencehub;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
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

    @ArchTest
    static final ArchRule theShellDependsOnNoFeature = noClasses()
            .that().resideInAPackage("io.audiencehub.base..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.audiencehub.catalog..", "io.audiencehub.connector..", "io.audiencehub.visitor..",
                    "io.audiencehub.sync..", "io.audiencehub.audience..", "io.audiencehub.segment..",
                    "io.audiencehub.campaign..", "io.audiencehub.sandbox..", "io.audiencehub.security..",
                    "io.audiencehub.database..");

    @ArchTest
    static final ArchRule repositoriesAreUsedOnlyInsideTheirFeature = classes()
            .that().areAnnotatedWith(Repository.class)
            .should().bePackagePrivate();

    @ArchTest
    static final ArchRule viewsLiveInUiPackages = classes()
            .that().areAnnotatedWith(com.vaadin.flow.router.Route.class)
            .should().resideInAPackage("..ui..");
}
