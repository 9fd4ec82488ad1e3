package org.pkiaas.api.openapi;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.pkiaas.api.security.Public;
import org.pkiaas.api.security.RateLimited;

/**
 * Completes the OpenAPI document from what the code already says, so that no operation is left
 * without it: every operation named ({@link OperationNames}), the {@link Public} ones without a
 * security requirement, the problem responses each can give ({@link ProblemResponses}), a {@code
 * Location} header on every 201, and an enum wherever a request field's pattern is a fixed list of
 * words ({@link FixedWords}). Registered in microprofile-config.properties ({@code
 * mp.openapi.filter}).
 */
public class DocumentFilter implements OASFilter {

  private final OperationNames names = new OperationNames();
  private final Set<String> rateLimited = new HashSet<>();

  @Override
  public Operation filterOperation(Operation operation) {
    Method method = ResourceMethods.find(operation.getOperationId());
    names.filterOperation(operation);
    if (method != null && method.isAnnotationPresent(Public.class)) {
      // one requirement naming no scheme: callable without credentials (an empty list would be
      // left out of the document, and the document-wide requirement would apply)
      operation.setSecurity(new ArrayList<>(List.of(OASFactory.createSecurityRequirement())));
      if (method.isAnnotationPresent(RateLimited.class)) {
        rateLimited.add(operation.getOperationId());
      }
    }
    return operation;
  }

  @Override
  public void filterOpenAPI(OpenAPI document) {
    ProblemResponses.declare(document, rateLimited);
    FixedWords.toEnums(document);
  }
}
