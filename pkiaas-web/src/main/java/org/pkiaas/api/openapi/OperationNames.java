package org.pkiaas.api.openapi;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;

/**
 * Names every operation of the OpenAPI document for client generators: SmallRye derives {@code
 * TemplatesResource_list} from the resource method
 * (mp.openapi.extensions.smallrye.operationIdStrategy in microprofile-config.properties), which
 * becomes {@code listTemplates}, tagged "Templates". An operationId or tag set by an annotation is
 * kept.
 */
public class OperationNames implements OASFilter {

  private static final String RESOURCE = "Resource";

  @Override
  public Operation filterOperation(Operation operation) {
    String id = operation.getOperationId();
    if (id == null || !id.contains("_")) {
      return operation;
    }
    String resource = id.substring(0, id.indexOf('_'));
    String method = id.substring(id.indexOf('_') + 1);
    String subject =
        resource.endsWith(RESOURCE)
            ? resource.substring(0, resource.length() - RESOURCE.length())
            : resource;
    operation.setOperationId(operationId(method, subject));
    if (operation.getTags() == null || operation.getTags().isEmpty()) {
      operation.setTags(new ArrayList<>(List.of(tag(subject))));
    }
    return operation;
  }

  /** {@code list} and {@code Templates} give {@code listTemplates}. */
  static String operationId(String method, String subject) {
    return method + subject;
  }

  /** {@code CertificateAuthorities} gives "Certificate Authorities". */
  static String tag(String subject) {
    return subject.replaceAll("(?<=[a-z])(?=[A-Z])", " ");
  }
}
