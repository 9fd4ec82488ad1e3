package org.pkiaas.api.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.pkiaas.api.problem.Problem;

/**
 * The RFC 9457 problem responses of every operation, with the {@code Problem} schema they share,
 * decided from the operation itself: what any request can get (400; 503 while the database is
 * away), what signing in adds (401, 403, and 429 for throttled sign-ins), what naming an object in
 * the path adds (404), what changing state adds (409), what a body adds (413), and 429 for the
 * rate-limited anonymous calls. Also the {@code Location} header of every 201, the {@code
 * Retry-After} header of 429 and 503, and the paging headers of every paged list ({@link
 * org.pkiaas.api.PagedList}).
 */
final class ProblemResponses {

  static final String SCHEMA = "Problem";
  private static final String REF = "#/components/schemas/" + SCHEMA;

  private static final Map<Integer, String> MEANING =
      Map.of(
          400, "The request is malformed or a field is invalid (the problem's field names it)",
          401, "No valid credentials: HTTP Basic or a personal API token (Bearer)",
          403, "Signed in but not allowed (an administrator's call, or a first password to change)",
          404, "No such object, or none the caller may see",
          409, "The object's state does not allow this now",
          413, "The request body is over its limit (docs/api-limits.md)",
          429, "Too many failed sign-ins or anonymous requests from this address: see Retry-After",
          503, "The database cannot be reached for the moment: try again after Retry-After");

  private ProblemResponses() {}

  static void declare(OpenAPI document, Set<String> rateLimited) {
    if (document.getComponents() == null) {
      document.setComponents(OASFactory.createComponents());
    }
    Components components = document.getComponents();
    components.addSchema(SCHEMA, problemSchema());
    SharedSchemas.add(components);
    if (document.getPaths() == null || document.getPaths().getPathItems() == null) {
      return;
    }
    for (Map.Entry<String, PathItem> path : document.getPaths().getPathItems().entrySet()) {
      for (Map.Entry<PathItem.HttpMethod, Operation> entry :
          path.getValue().getOperations().entrySet()) {
        Operation operation = entry.getValue();
        boolean anonymous =
            operation.getSecurity() != null
                && operation.getSecurity().stream()
                    .allMatch(r -> r.getSchemes() == null || r.getSchemes().isEmpty());
        List<Integer> codes =
            codes(
                path.getKey(),
                entry.getKey() == PathItem.HttpMethod.GET,
                operation.getRequestBody() != null,
                anonymous,
                rateLimited.contains(operation.getOperationId()));
        declare(operation, codes);
      }
    }
  }

  /** The problem status codes an operation can answer. */
  static List<Integer> codes(
      String path, boolean readOnly, boolean body, boolean anonymous, boolean rateLimited) {
    List<Integer> codes = new ArrayList<>(List.of(400));
    if (!anonymous) {
      codes.add(401);
      codes.add(403);
    }
    if (path.contains("{")) {
      codes.add(404);
    }
    if (!readOnly) {
      codes.add(409);
    }
    if (body) {
      codes.add(413);
    }
    if (!anonymous || rateLimited) {
      codes.add(429);
    }
    codes.add(503);
    return codes;
  }

  private static void declare(Operation operation, List<Integer> codes) {
    APIResponses responses = operation.getResponses();
    if (responses == null) {
      responses = OASFactory.createAPIResponses();
      operation.setResponses(responses);
    }
    for (int code : codes) {
      if (responses.hasAPIResponse(Integer.toString(code))) {
        continue;
      }
      APIResponse problem =
          OASFactory.createAPIResponse()
              .description(MEANING.get(code))
              .content(
                  OASFactory.createContent()
                      .addMediaType(
                          Problem.MEDIA_TYPE,
                          OASFactory.createMediaType().schema(OASFactory.createSchema().ref(REF))));
      if (code == 429 || code == 503) {
        problem.addHeader(
            "Retry-After",
            header("Seconds to wait before trying again", Schema.SchemaType.INTEGER));
      }
      responses.addAPIResponse(Integer.toString(code), problem);
    }
    if (paged(operation)) {
      APIResponse page = responses.getAPIResponse("200");
      if (page != null && (page.getHeaders() == null || page.getHeaders().isEmpty())) {
        page.addHeader(
            "X-Total-Count", header("How many items match in all", Schema.SchemaType.INTEGER));
        page.addHeader(
            "Link",
            header(
                "<URL of the next page>; rel=\"next\" (RFC 8288), while there is a next page",
                Schema.SchemaType.STRING));
      }
    }
    APIResponse created = responses.getAPIResponse("201");
    if (created != null
        && (created.getHeaders() == null || !created.getHeaders().containsKey("Location"))) {
      created.addHeader("Location", header("The URL of what was created", null));
    }
  }

  /** A list paged the API's one way: it takes {@code page} and {@code size}. */
  private static boolean paged(Operation operation) {
    return operation.getParameters() != null
        && operation.getParameters().stream().anyMatch(p -> "page".equals(p.getName()))
        && operation.getParameters().stream().anyMatch(p -> "size".equals(p.getName()));
  }

  private static Header header(String description, Schema.SchemaType type) {
    Schema schema = OASFactory.createSchema();
    if (type == null) {
      schema.type(List.of(Schema.SchemaType.STRING)).format("uri");
    } else {
      schema.type(List.of(type));
    }
    return OASFactory.createHeader().description(description).schema(schema);
  }

  private static Schema problemSchema() {
    return OASFactory.createSchema()
        .type(List.of(Schema.SchemaType.OBJECT))
        .description("An RFC 9457 problem document")
        .addProperty(
            "type",
            OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.STRING))
                .format("uri")
                .description("What kind of problem, e.g. https://pkiaas.org/problems/invalid"))
        .addProperty(
            "title",
            OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.STRING))
                .description("The HTTP status's reason phrase"))
        .addProperty(
            "status",
            OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.INTEGER))
                .description("The HTTP status code"))
        .addProperty(
            "detail",
            OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.STRING))
                .description("What went wrong, for a person"))
        .addProperty(
            "field",
            OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.STRING))
                .description("The request field the problem is about, when there is one"))
        .required(List.of("type", "title", "status"));
  }
}
