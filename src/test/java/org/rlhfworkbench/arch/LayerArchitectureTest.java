package org.rlhfworkbench.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Layers point one way: ui -> jobs -> train / lm / store / formats -> core. */
class LayerArchitectureTest {
    static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.rlhfworkbench");
    }

    @Test
    void lowerLayersNeverImportJavafx() {
        noClasses().that().resideInAnyPackage("..core..", "..store..", "..lm..", "..train..", "..formats..",
                        "..jobs..", "..cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "eu.hansolo..")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void uiNeverTouchesSqlOrDjl() {
        noClasses().that().resideInAPackage("..ui..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "ai.djl..", "org.sqlite..")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void uiNeverTouchesStoreTrainersOrModels() {
        noClasses().that().resideInAPackage("org.rlhfworkbench.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("org.rlhfworkbench.store..",
                        "org.rlhfworkbench.train..", "org.rlhfworkbench.lm..")
                .because("the ui reaches projects, trainers and models only through jobs (ViewModels call services)")
                .check(classes);
    }

    @Test
    void coreDependsOnNothingElseOfOurs() {
        noClasses().that().resideInAPackage("org.rlhfworkbench.core..")
                .should().dependOnClassesThat().resideInAnyPackage("org.rlhfworkbench.store..", "org.rlhfworkbench.lm..",
                        "org.rlhfworkbench.train..", "org.rlhfworkbench.jobs..", "org.rlhfworkbench.ui..",
                        "org.rlhfworkbench.cli..", "org.rlhfworkbench.formats..", "java.sql..", "ai.djl..")
                .check(classes);
    }

    @Test
    void storageAndModelLayersNeverReachUp() {
        noClasses().that().resideInAnyPackage("org.rlhfworkbench.store..", "org.rlhfworkbench.lm..",
                        "org.rlhfworkbench.train..", "org.rlhfworkbench.formats..")
                .should().dependOnClassesThat().resideInAnyPackage("org.rlhfworkbench.jobs..",
                        "org.rlhfworkbench.ui..", "org.rlhfworkbench.cli..")
                .check(classes);
    }

    @Test
    void jobsNeverReachTheUiOrCli() {
        noClasses().that().resideInAPackage("org.rlhfworkbench.jobs..")
                .should().dependOnClassesThat().resideInAnyPackage("org.rlhfworkbench.ui..", "org.rlhfworkbench.cli..")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void noStandardStreamsOutsideTheCli() {
        noClasses().that().resideOutsideOfPackage("org.rlhfworkbench.cli..")
                .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS).check(classes);
    }

    @Test
    void noPrintStackTrace() {
        noClasses().should().callMethod(Throwable.class, "printStackTrace").check(classes);
    }
}
