package org.pkiaas.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

/** A small client of the REST API as one user; every call returns status, headers and body. */
public final class Api {

  public static final String BASE_URL =
      System.getProperty("pkiaas.it.base-url", "http://localhost:8180");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private final String authorization;
  private final String username;
  private final String password;
  private final String baseUrl;

  private Api(String authorization, String username, String password) {
    this(authorization, username, password, BASE_URL);
  }

  private Api(String authorization, String username, String password, String baseUrl) {
    this.authorization = authorization;
    this.username = username;
    this.password = password;
    this.baseUrl = baseUrl;
  }

  /** The same client talking to another address (one node of several, past their balancer). */
  public Api at(String otherBaseUrl) {
    return new Api(authorization, username, password, otherBaseUrl);
  }

  public static Api admin() {
    return basic("admin", System.getProperty("pkiaas.it.admin-password", "it-admin-password-1"));
  }

  public static Api basic(String username, String password) {
    String token =
        Base64.getEncoder()
            .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    return new Api("Basic " + token, username, password);
  }

  public static Api bearer(String token) {
    return new Api("Bearer " + token, null, null);
  }

  public static Api anonymous() {
    return new Api(null, null, null);
  }

  /** Creates a fresh USER account through the admin and returns a client signed in as it. */
  public static Api newUser() {
    String name = "user-" + UUID.randomUUID().toString().substring(0, 8);
    String password = "pw-" + UUID.randomUUID();
    Reply reply =
        admin()
            .post(
                "/api/v1/accounts",
                Json.createObjectBuilder().add("username", name).add("password", password).build());
    if (reply.status() != 201) {
      throw new IllegalStateException("Could not create a test user: " + reply);
    }
    return basic(name, password);
  }

  public String username() {
    return username;
  }

  /** The password of a client made by {@link #basic} or {@link #newUser}. */
  public String password() {
    return password;
  }

  public Reply get(String path) {
    return send(request(path).GET());
  }

  public Reply get(String path, String accept) {
    return send(request(path).header("Accept", accept).GET());
  }

  public Reply delete(String path) {
    return send(request(path).DELETE());
  }

  public Reply post(String path, JsonValue body) {
    return post(path, body.toString());
  }

  public Reply post(String path, String rawJson) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(rawJson)));
  }

  /** A POST of JSON with extra request headers, name and value alternating. */
  public Reply post(String path, JsonValue body, String... headers) {
    HttpRequest.Builder builder =
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return send(builder);
  }

  /** A POST of raw bytes, as protocol clients send them (an OCSP request, a SCEP message). */
  public Reply post(String path, String contentType, byte[] body) {
    return send(
        request(path)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  /** A GET with extra request headers, name and value alternating. */
  public Reply get(String path, String... headers) {
    HttpRequest.Builder builder = request(path).GET();
    for (int i = 0; i + 1 < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return send(builder);
  }

  public Reply put(String path, JsonValue body) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  /** Opens a template of this user to public requests, its other general settings as they were. */
  public Reply allowPublicRequests(String templateId) {
    return changeGeneral(templateId, general -> general.add("allowPublicRequests", true));
  }

  /**
   * Changes a template's general settings: {@code change} gets a builder holding them as they are
   * and adds what changes; the rest stays.
   */
  public Reply changeGeneral(
      String templateId, java.util.function.Consumer<jakarta.json.JsonObjectBuilder> change) {
    JsonObject general = get("/api/v1/templates/" + templateId).json().getJsonObject("general");
    jakarta.json.JsonObjectBuilder changed = Json.createObjectBuilder(general);
    change.accept(changed);
    return put(
        "/api/v1/templates/" + templateId,
        Json.createObjectBuilder().add("general", changed).build());
  }

  public Reply patch(String path, JsonValue body) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(120));
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    return builder;
  }

  private static Reply send(HttpRequest.Builder builder) {
    try {
      HttpResponse<byte[]> response =
          HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Reply(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.headers(),
          response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** An HTTP answer. */
  public record Reply(
      int status, String contentType, java.net.http.HttpHeaders headers, byte[] bytes) {

    public String text() {
      return new String(bytes, StandardCharsets.UTF_8);
    }

    public JsonObject json() {
      return Json.createReader(new StringReader(text())).readObject();
    }

    public jakarta.json.JsonArray array() {
      return Json.createReader(new StringReader(text())).readArray();
    }

    /** How many items a paged list holds in all (its X-Total-Count header). */
    public int total() {
      return Integer.parseInt(
          headers()
              .firstValue("X-Total-Count")
              .orElseThrow(() -> new AssertionError("no X-Total-Count: " + this)));
    }

    @Override
    public String toString() {
      return status + " " + contentType + " " + text();
    }
  }
}
