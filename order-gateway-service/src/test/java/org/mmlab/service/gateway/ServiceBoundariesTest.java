package org.mmlab.service.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The services never reach into each other: they share only the wire records of {@code
 * org.mmlab.api}. This test sees both services (the exchange is on this module's test classpath for
 * the end-to-end test), so it checks both directions.
 */
class ServiceBoundariesTest {
  static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.mmlab.service", "org.mmlab.api");
  }

  @Test
  void importsBothServices() {
    assertThat(classes.containPackage("org.mmlab.service.gateway")).isTrue();
    assertThat(classes.containPackage("org.mmlab.service.marketdata")).isTrue();
  }

  @Test
  void theGatewayDoesNotUseTheExchangeOrTheEngine() {
    noClasses()
        .that()
        .resideInAPackage("org.mmlab.service.gateway..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.mmlab.service.marketdata..", "org.mmlab.lob..", "org.mmlab.sim..")
        .check(classes);
  }

  @Test
  void theExchangeDoesNotUseTheGateway() {
    noClasses()
        .that()
        .resideInAPackage("org.mmlab.service.marketdata..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.mmlab.service.gateway..")
        .check(classes);
  }

  @Test
  void theWireContractsStaySpringFree() {
    noClasses()
        .that()
        .resideInAPackage("org.mmlab.api..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..", "reactor..", "org.mmlab.service..", "tools.jackson.databind..")
        .check(classes);
  }
}
