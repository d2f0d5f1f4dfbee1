package org.mmlab.service.marketdata;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The exchange service stays a shell: it never reaches into another service, and its exchange core
 * is free of Spring, Reactor and Micrometer (the web layer adapts it).
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
  void importsTheService() {
    assertThat(classes.containPackage("org.mmlab.service.marketdata.exchange")).isTrue();
  }

  @Test
  void doesNotDependOnOtherServices() {
    noClasses()
        .that()
        .resideInAPackage("org.mmlab.service.marketdata..")
        .should()
        .dependOnClassesThat(
            resideInAPackage("org.mmlab.service..")
                .and(resideOutsideOfPackage("org.mmlab.service.marketdata..")))
        .check(classes);
  }

  @Test
  void exchangeCoreIsFreeOfTheFrameworks() {
    noClasses()
        .that()
        .resideInAPackage("org.mmlab.service.marketdata.exchange..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework..", "reactor..", "io.micrometer..", "io.netty..")
        .check(classes);
  }

  @Test
  void theWireContractsDoNotDependOnServicesOrSpring() {
    noClasses()
        .that()
        .resideInAPackage("org.mmlab.api..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.mmlab.service..", "org.springframework..", "reactor..")
        .check(classes);
  }
}
