package com.relabel;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module graph stays one-way and acyclic, scoring and the training engine stay framework-free;
 * writes the module documentation.
 */
class ModularityTests {

  private final ApplicationModules modules = ApplicationModules.of(RelabelApplication.class);

  @Test
  void modulesRespectTheirBoundaries() {
    modules.verify();
  }

  /**
   * Every module says in its package-info which modules it may use (decision 0041), so that {@link
   * #modulesRespectTheirBoundaries} refuses a dependency nobody declared; a module without the
   * declaration would accept any.
   */
  @Test
  void everyModuleDeclaresItsAllowedDependencies() {
    assertThat(modules.stream())
        .allSatisfy(
            module -> {
              String name = module.getBasePackage().getName();
              var declared =
                  Class.forName(name + ".package-info")
                      .getAnnotation(org.springframework.modulith.ApplicationModule.class);
              assertThat(declared).as(name + " has @ApplicationModule").isNotNull();
              assertThat(declared.allowedDependencies())
                  .as(name + " lists its allowed dependencies")
                  .doesNotContain(org.springframework.modulith.ApplicationModule.OPEN_TOKEN);
            });
  }

  /**
   * Scoring is plain Java: it uses the JDK's {@code java.*} and its own classes, nothing else. Its
   * package-info is left out: it carries the module declaration, which no scoring code reads.
   */
  @Test
  void scoringUsesNothingButTheJdk() {
    noClasses()
        .that()
        .resideInAPackage("com.relabel.scoring..")
        .and()
        .doNotHaveSimpleName("package-info")
        .should()
        .dependOnClassesThat()
        .resideOutsideOfPackages("java..", "com.relabel.scoring..")
        .because("scoring is a framework-free library (docs/architecture.md)")
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.relabel.scoring"));
  }

  /**
   * The training engine is DJL and plain Java: no Spring, no JPA, no Vaadin, so it trains outside
   * the application too (decision 0040). Its package-info is left out, as scoring's.
   */
  @Test
  void engineUsesNoApplicationFramework() {
    noClasses()
        .that()
        .resideInAPackage("com.relabel.engine..")
        .and()
        .doNotHaveSimpleName("package-info")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..", "jakarta.persistence..", "org.hibernate..", "com.vaadin..")
        .because("the engine is framework-free (docs/decisions/0040-training-engine.md)")
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.relabel.engine"));
  }

  @Test
  void writesModuleDocumentation() {
    new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
  }
}
