package org.pkiaas.api.body;

import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.lang.annotation.ElementType;

/**
 * The validator {@link RequestBodyBinder} checks request records with: every property reachable and
 * cascadable. The container's default validator asks JPA, for each constrained property, whether
 * the persistence providers have it loaded; a request record is no entity, and the question cost
 * every request a lookup of those providers.
 */
public final class RecordValidation {

  private RecordValidation() {}

  /** A validator for request records from {@code factory}. */
  public static Validator validatorFor(ValidatorFactory factory) {
    return factory.usingContext().traversableResolver(new AllReachable()).getValidator();
  }

  private static final class AllReachable implements TraversableResolver {

    @Override
    public boolean isReachable(
        Object bean, Path.Node property, Class<?> root, Path path, ElementType type) {
      return true;
    }

    @Override
    public boolean isCascadable(
        Object bean, Path.Node property, Class<?> root, Path path, ElementType type) {
      return true;
    }
  }
}
