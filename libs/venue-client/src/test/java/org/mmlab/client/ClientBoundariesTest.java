package org.mmlab.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The client is plain Java: the JDK, the wire contracts and Jackson; never Spring or Reactor. */
class ClientBoundariesTest {
  @Test
  void clientDependsOnlyOnTheJdkTheApiAndJackson() {
    JavaClasses client =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.mmlab.client");
    assertThat(client.contain(VenueClient.class)).isTrue();
    classes()
        .that()
        .resideInAPackage("org.mmlab.client..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "org.mmlab.client..", "org.mmlab.api..", "tools.jackson..")
        .check(client);
  }
}
