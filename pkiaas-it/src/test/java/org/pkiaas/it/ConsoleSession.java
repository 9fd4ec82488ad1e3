package org.pkiaas.it;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The console as a browser without script uses it, on one node: the sign-in form posted with its
 * view state, and the session cookie the node set kept for the following pages.
 */
final class ConsoleSession {

  /** The form's hidden fields, with its view state. */
  private static final Pattern HIDDEN = Pattern.compile("<input[^>]*type=\"hidden\"[^>]*>");

  private static final Pattern NAME = Pattern.compile("name=\"([^\"]+)\"");
  private static final Pattern VALUE = Pattern.compile("value=\"([^\"]*)\"");

  /** The page's CSP nonce, which PrimeFaces' script adds to every form it submits. */
  private static final Pattern NONCE = Pattern.compile("csp\\.init\\('([^']+)'\\)");

  private final String baseUrl;
  private final CookieManager cookies;
  private final HttpClient http;

  ConsoleSession(String baseUrl) {
    this(baseUrl, new CookieManager());
  }

  private ConsoleSession(String baseUrl, CookieManager cookies) {
    this.baseUrl = baseUrl;
    this.cookies = cookies;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  /** The same browser (its cookies) talking to another node, as a balancer without stickiness. */
  ConsoleSession moveTo(String otherBaseUrl) {
    ConsoleSession moved = new ConsoleSession(otherBaseUrl, new CookieManager());
    URI from = URI.create(baseUrl);
    URI to = URI.create(otherBaseUrl);
    cookies
        .getCookieStore()
        .get(from)
        .forEach(cookie -> moved.cookies.getCookieStore().add(to, cookie));
    return moved;
  }

  /** Signs in through the form and returns the page it lands on (the dashboard). */
  String signIn(String username, String password) throws Exception {
    String form = get("/login.xhtml");
    Map<String, String> fields = new LinkedHashMap<>();
    Matcher hidden = HIDDEN.matcher(form);
    while (hidden.find()) {
      Matcher name = NAME.matcher(hidden.group());
      Matcher value = VALUE.matcher(hidden.group());
      if (name.find()) {
        fields.put(
            name.group(1),
            value.find() ? value.group(1).replace("&#58;", ":").replace("&amp;", "&") : "");
      }
    }
    if (!fields.containsKey("jakarta.faces.ViewState")) {
      throw new AssertionError("No view state on the sign-in page:\n" + form);
    }
    Matcher nonce = NONCE.matcher(form);
    if (nonce.find()) {
      fields.put("primefaces.nonce", nonce.group(1));
    }
    fields.put("login", "login");
    fields.put("login:username", username);
    fields.put("login:password", password);
    fields.put("login:next", "");
    fields.put("login:signin", "");
    HttpResponse<String> landed =
        http.send(
            HttpRequest.newBuilder(URI.create(baseUrl + "/login.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(fields)))
                .timeout(Duration.ofSeconds(60))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (landed.statusCode() != 200 || !landed.uri().getPath().startsWith("/manage/")) {
      throw new AssertionError(
          "Signing in at " + baseUrl + " ended at " + landed.uri() + ":\n" + landed.body());
    }
    return landed.body();
  }

  /** A page, following redirects (to the sign-in page when the session is unknown). */
  String get(String path) throws IOException, InterruptedException {
    HttpResponse<String> page =
        http.send(
            HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return page.uri().getPath() + "\n" + page.body();
  }

  private static String encode(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
