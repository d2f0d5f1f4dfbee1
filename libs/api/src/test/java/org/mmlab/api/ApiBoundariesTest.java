package org.mmlab.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The wire contracts depend on the JDK, Jackson's annotations, Jackson's streaming core (the
 * internal protocol's codec; never databind) and Jakarta Validation only: never Spring, Reactor,
 * the engine or a service, so any client can use them.
 */
class ApiBoundariesTest {
  @Test
  void apiDependsOnlyOnTheJdkAndAnnotations() {
    JavaClasses api =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.mmlab.api");
    assertThat(api.containPackage("org.mmlab.api.marketdata")).isTrue();
    classes()
        .that()
        .resideInAPackage("org.mmlab.api..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "java..",
            "org.mmlab.api..",
            "com.fasterxml.jackson.annotation..",
            "tools.jackson.core..",
            "jakarta.validation..")
        .check(api);
  }
}
