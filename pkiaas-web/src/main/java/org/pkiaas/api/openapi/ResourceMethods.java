package org.pkiaas.api.openapi;

import jakarta.ws.rs.HttpMethod;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;

/**
 * Finds the JAX-RS resource method behind an operationId of the form SmallRye gives before {@link
 * OperationNames} renames it ({@code TemplatesResource_list}), so that the document can say what
 * the method's annotations say.
 */
final class ResourceMethods {

  /** The packages below {@code org.pkiaas.api} that hold resource classes. */
  static final List<String> PACKAGES =
      List.of("account", "acme", "audit", "ca", "certificate", "issuance", "jobs", "template");

  private ResourceMethods() {}

  /** The resource method, or null when the id is not {@code Class_method} of a known resource. */
  static Method find(String operationId) {
    if (operationId == null || !operationId.contains("_")) {
      return null;
    }
    String className = operationId.substring(0, operationId.indexOf('_'));
    String methodName = operationId.substring(operationId.indexOf('_') + 1);
    for (String subpackage : PACKAGES) {
      Class<?> resource = load("org.pkiaas.api." + subpackage + "." + className);
      if (resource == null) {
        continue;
      }
      for (Method method : resource.getMethods()) {
        if (method.getName().equals(methodName) && isHttpMethod(method)) {
          return method;
        }
      }
    }
    return null;
  }

  static boolean isHttpMethod(Method method) {
    for (Annotation annotation : method.getAnnotations()) {
      if (annotation.annotationType().isAnnotationPresent(HttpMethod.class)) {
        return true;
      }
    }
    return false;
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, ResourceMethods.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      return null;
    }
  }
}
