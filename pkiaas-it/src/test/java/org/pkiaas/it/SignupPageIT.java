package org.pkiaas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The console's public sign-up page, driven as a browser would: GET the form, POST it back. */
class SignupPageIT extends ServerIT {

  private static final Pattern VIEW_STATE =
      Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

  /**
   * The page's CSP nonce, which PrimeFaces' script adds to every form it posts as primefaces.nonce.
   */
  private static final Pattern NONCE = Pattern.compile("<script[^>]* nonce=\"([^\"]+)\"");

  private final HttpClient browser =
      HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

  private String get() throws Exception {
    return browser
        .send(
            HttpRequest.newBuilder(URI.create(Api.BASE_URL + "/signup.xhtml")).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private String submit(String page, String username, String password, String confirmation)
      throws Exception {
    HttpResponse<String> response = post(page, username, password, confirmation, true);
    assertEquals(200, response.statusCode());
    return response.body();
  }

  private HttpResponse<String> post(
      String page, String username, String password, String confirmation, boolean withNonce)
      throws Exception {
    Matcher state = VIEW_STATE.matcher(page);
    assertTrue(state.find(), "the form carries its view state");
    Map<String, String> form = new LinkedHashMap<>();
    form.put("signup", "signup");
    form.put("signup:username", username);
    form.put("signup:password", password);
    form.put("signup:confirmation", confirmation);
    form.put("signup:create", "");
    form.put("jakarta.faces.ViewState", state.group(1));
    Matcher nonce = NONCE.matcher(page);
    assertTrue(nonce.find(), "the page's scripts carry a CSP nonce");
    if (withNonce) {
      form.put("primefaces.nonce", nonce.group(1));
    }
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return browser.send(
        HttpRequest.newBuilder(URI.create(Api.BASE_URL + "/signup.xhtml"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void signUpThroughThePageWhenSwitchedOn() throws Exception {
    admin.put("/api/v1/settings", Json.createObjectBuilder().add("signupEnabled", false).build());
    assertTrue(get().contains("Self-service sign-up is switched off"));

    admin.put("/api/v1/settings", Json.createObjectBuilder().add("signupEnabled", true).build());
    try {
      String name = "page-" + UUID.randomUUID().toString().substring(0, 8);
      String refused = submit(get(), name, "short", "short");
      assertTrue(refused.contains("A password has at least 10 characters"), "field-level message");
      assertTrue(refused.contains("value=\"" + name + "\""), "what the user typed is kept");

      String mismatch = submit(get(), name, "long-enough-pw", "other-long-pw");
      assertTrue(mismatch.contains("The two passwords differ"));

      HttpResponse<String> scripted = post(get(), name, "long-enough-pw", "long-enough-pw", false);
      assertEquals(
          400,
          scripted.statusCode(),
          "a form without the page's CSP nonce is not the console's script");
      assertTrue(scripted.body().contains("This form was not accepted"), scripted::body);
      assertFalse(scripted.body().contains("Exception"));
      assertEquals(
          401,
          Api.basic(name, "long-enough-pw").get("/api/v1/accounts/me").status(),
          "and it changed nothing");

      String done = submit(get(), name, "long-enough-pw", "long-enough-pw");
      assertTrue(done.contains("is ready"), done);
      assertEquals(200, Api.basic(name, "long-enough-pw").get("/api/v1/accounts/me").status());
    } finally {
      admin.put("/api/v1/settings", Json.createObjectBuilder().add("signupEnabled", false).build());
    }
  }
}
