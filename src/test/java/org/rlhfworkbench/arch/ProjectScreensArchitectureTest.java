package org.rlhfworkbench.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The project screens (main window, prompt browser, new-project guide) and the Label tab reach the
 * project only through jobs: no store (SQL), no lm or train (DJL), no JDBC.
 */
class ProjectScreensArchitectureTest {

    @Test
    void projectAndLabelScreensGoThroughJobs() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.rlhfworkbench.ui.project", "org.rlhfworkbench.ui.label");
        noClasses().that().resideInAnyPackage("org.rlhfworkbench.ui.project..", "org.rlhfworkbench.ui.label..")
                .should().dependOnClassesThat().resideInAnyPackage("org.rlhfworkbench.store..", "org.rlhfworkbench.lm..",
                        "org.rlhfworkbench.train..", "java.sql..", "org.sqlite..", "ai.djl..")
                .check(classes);
    }
}
