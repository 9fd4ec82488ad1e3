package org.pkiaas;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Optional;
import java.util.Set;

/**
 * The direction of dependencies in {@code pkiaas-ejb}, as {@code docs/architecture.md} describes
 * it. A component is a package {@code org.pkiaas.<name>}; inside one, calls go boundary → control →
 * entity; the small shared packages below the components import none of them.
 */
@AnalyzeClasses(packages = "org.pkiaas", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /** Packages below the components: each may use the others, never a component. */
  static final Set<String> SHARED =
      Set.of(
          "config",
          // the IoT-HSM adapter's client API (pkiaas-hsm-api), a library below everything here
          "hsm",
          "identity",
          "input",
          "network",
          "pem",
          "probe",
          "problem",
          "random",
          "rowid",
          "schema",
          "signing",
          "x509");

  /**
   * Components (and the shared packages) depend on each other one way only. A component that must
   * tell a higher one something fires a CDI event ({@code CaLifecycle}, {@code CertificateIssued},
   * {@code CertificateRevoked}) or asks through an interface it owns ({@code CtAttemptOrigins})
   * rather than calling it.
   */
  @ArchTest
  static final ArchRule componentsFormNoCycles =
      slices()
          .matching("org.pkiaas.(*)..")
          .namingSlices("component $1")
          .should()
          .beFreeOfCycles()
          .as("no cycles between components");

  @ArchTest
  static final ArchRule entitiesUseNoBoundaryOrControl =
      noClasses()
          .that()
          .resideInAPackage("org.pkiaas.*.entity..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.pkiaas.*.boundary..", "org.pkiaas.*.control..")
          .as("entities depend on no boundary or control, in any component");

  /**
   * Records, enums, events and exceptions in a boundary are its vocabulary, which its controls may
   * speak; what they may not do is call back into the boundary's beans.
   */
  @ArchTest
  static final ArchRule controlNeverCallsItsOwnBoundary =
      classes()
          .that()
          .resideInAPackage("org.pkiaas.*.control..")
          .should(notUseBeansOfOwnLayer("boundary"))
          .as("a component's control never calls its own boundary's beans");

  /**
   * A boundary's request records (those with Bean Validation constraints) are the API's shape; a
   * control takes its own input, which the boundary maps them onto ({@code
   * NewCertificateAuthority.draft()} for {@code CaCreation}), so a renamed field outside does not
   * reach the logic.
   */
  @ArchTest
  static final ArchRule controlsTakeNoRequestRecords =
      noClasses()
          .that()
          .resideInAPackage("org.pkiaas.*.control..")
          .should()
          .dependOnClassesThat(requestRecords())
          .as("controls take no boundary's request records");

  /**
   * Issuing is one transaction that mails nobody: the certificate's mail observes {@code
   * RequestSigned} after the commit ({@code issuance.control.IssuedCertificateMail}).
   */
  @ArchTest
  static final ArchRule issuanceLeavesItsMailToAnObserver =
      noClasses()
          .that()
          .resideInAPackage("org.pkiaas.issuance.boundary..")
          .should()
          .dependOnClassesThat()
          .haveFullyQualifiedName("org.pkiaas.mail.boundary.Mailer")
          .as("issuance boundaries leave mail to the observers of their events");

  @ArchTest
  static final ArchRule sharedPackagesStayBelowTheComponents =
      classes()
          .that(areIn(SHARED))
          .should(useOnly(SHARED))
          .as("the shared packages " + SHARED + " import no component");

  /** The component of a class: the package segment after {@code org.pkiaas}. */
  static Optional<String> component(JavaClass type) {
    String name = type.getPackageName();
    if (!name.startsWith("org.pkiaas.")) {
      return Optional.empty();
    }
    String rest = name.substring("org.pkiaas.".length());
    int dot = rest.indexOf('.');
    return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
  }

  /** The layer of a class inside its component ({@code boundary}, {@code control}, ...). */
  static Optional<String> layer(JavaClass type) {
    String[] parts = type.getPackageName().split("\\.");
    return parts.length > 3 ? Optional.of(parts[3]) : Optional.empty();
  }

  /** An EJB or a CDI bean with a scope: something called, not a value. */
  static boolean isBean(JavaClass type) {
    return type.getAnnotations().stream()
        .map(annotation -> annotation.getRawType().getPackageName())
        .anyMatch(name -> name.equals("jakarta.ejb") || name.equals("jakarta.enterprise.context"));
  }

  /** A record in a boundary whose components carry Bean Validation constraints. */
  private static DescribedPredicate<JavaClass> requestRecords() {
    return DescribedPredicate.describe(
        "are request records of a boundary",
        type ->
            type.isRecord()
                && layer(type).filter("boundary"::equals).isPresent()
                && type.getFields().stream()
                    .flatMap(field -> field.getAnnotations().stream())
                    .map(annotation -> annotation.getRawType().getPackageName())
                    .anyMatch(name -> name.startsWith("jakarta.validation")));
  }

  private static DescribedPredicate<JavaClass> areIn(Set<String> components) {
    return DescribedPredicate.describe(
        "are in " + components, type -> component(type).filter(components::contains).isPresent());
  }

  private static ArchCondition<JavaClass> useOnly(Set<String> allowed) {
    return new ArchCondition<>("use only " + allowed + " of org.pkiaas") {
      @Override
      public void check(JavaClass type, ConditionEvents events) {
        for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
          Optional<String> target = component(dependency.getTargetClass());
          if (target.isPresent() && !allowed.contains(target.get())) {
            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
          }
        }
      }
    };
  }

  private static ArchCondition<JavaClass> notUseBeansOfOwnLayer(String layer) {
    return new ArchCondition<>("not use the beans of its own component's " + layer) {
      @Override
      public void check(JavaClass type, ConditionEvents events) {
        for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
          JavaClass target = dependency.getTargetClass();
          if (component(target).equals(component(type))
              && layer(target).filter(layer::equals).isPresent()
              && isBean(target)) {
            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
          }
        }
      }
    };
  }
}
