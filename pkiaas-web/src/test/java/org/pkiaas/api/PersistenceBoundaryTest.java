package org.pkiaas.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The console and the REST API reach the database only through the boundaries of {@code
 * pkiaas-ejb}: no class of this war holds an entity manager or runs a query.
 */
@AnalyzeClasses(
    packages = {"org.pkiaas.api", "org.pkiaas.view"},
    importOptions = ImportOption.DoNotIncludeTests.class)
class PersistenceBoundaryTest {

  @ArchTest
  static final ArchRule noEntityManager =
      noClasses()
          .should()
          .dependOnClassesThat()
          .haveNameMatching(
              "jakarta\\.persistence\\.(EntityManager|EntityManagerFactory|PersistenceContext|Query|TypedQuery)")
          .as("the web module never reaches an entity manager");

  /**
   * What a component does is reached through its boundary; its {@code control} package is its own
   * business ({@code docs/architecture.md}, "Modules and what each may use").
   */
  @ArchTest
  static final ArchRule onlyBoundaries =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.pkiaas.*.control..")
          .as("the web module calls component boundaries, never a component's control");
}
