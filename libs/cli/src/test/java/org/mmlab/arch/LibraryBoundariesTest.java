package org.mmlab.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the libraries free of Spring and of service code: a service is a thin shell over the
 * libraries, never the other way round. The cli module sees every library, so the rule lives here.
 */
class LibraryBoundariesTest {

  /** Packages of the libraries under {@code libs/}. */
  static final String[] LIBRARY_PACKAGES = {
    "org.mmlab.lob..",
    "org.mmlab.sim..",
    "org.mmlab.strategy..",
    "org.mmlab.rl..",
    "org.mmlab.api..",
    "org.mmlab.cli.."
  };

  static JavaClasses libraries;

  @BeforeAll
  static void importLibraries() {
    libraries =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.mmlab");
  }

  @Test
  void importsTheLibrariesItGuards() {
    // A rule over an empty import passes vacuously; make sure the engine, the simulator and
    // the CLI are really there.
    assertThat(libraries.containPackage("org.mmlab.lob")).isTrue();
    assertThat(libraries.containPackage("org.mmlab.sim")).isTrue();
    assertThat(libraries.containPackage("org.mmlab.cli")).isTrue();
  }

  @Test
  void librariesDoNotDependOnSpring() {
    noClasses()
        .that()
        .resideInAnyPackage(LIBRARY_PACKAGES)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework..", "jakarta.servlet..", "reactor..")
        .check(libraries);
  }

  @Test
  void librariesDoNotDependOnServices() {
    noClasses()
        .that()
        .resideInAnyPackage(LIBRARY_PACKAGES)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.mmlab.service..")
        .check(libraries);
  }

  @Test
  void matchingEngineDependsOnlyOnTheJdk() {
    noClasses()
        .that()
        .resideInAPackage("org.mmlab.lob..")
        .should()
        .dependOnClassesThat()
        .resideOutsideOfPackages("java..", "org.mmlab.lob..")
        .check(libraries);
  }
}
