package org.pkiaas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pkiaas.it.Problems.assertInvalid;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * What a password change ends (the account's other console sessions, the API tokens made before
 * it), what a token may make (nothing that outlives it), and the session cookie over HTTPS.
 */
class CredentialsIT extends ConsoleWalk {

  private static final String PASSWORD_PAGE = "/manage/account/password.xhtml";

  private static JsonObject token(String name, Integer validityDays) {
    var body = Json.createObjectBuilder().add("name", name);
    if (validityDays != null) {
      body.add("validityDays", validityDays);
    }
    return body.build();
  }

  private static JsonObject passwordChange(String current, String next) {
    return Json.createObjectBuilder()
        .add("currentPassword", current)
        .add("newPassword", next)
        .build();
  }

  @Test
  void aPasswordChangeEndsOtherSessionsAndRevokesEarlierTokens() {
    String name = "creds-" + UUID.randomUUID().toString().substring(0, 8);
    String password = newAccount(name);
    signIn(name, password);
    waitUntil(d -> !d.getCurrentUrl().contains("/login.xhtml"));
    Api user = Api.basic(name, password);
    String before = user.post("/api/v1/tokens", token("before", null)).json().getString("token");
    assertEquals(200, Api.bearer(before).get("/api/v1/accounts/me").status());

    assertEquals(
        204,
        user.put("/api/v1/accounts/me/password", passwordChange(password, "second-password-2"))
            .status());

    page.get(Api.BASE_URL + "/manage/dashboard.xhtml");
    assertTrue(
        page.getCurrentUrl().contains("/login.xhtml"),
        "the browser session has ended: " + page.getCurrentUrl());
    assertEquals(
        401,
        Api.bearer(before).get("/api/v1/accounts/me").status(),
        "the earlier token is revoked");
    assertTrue(Api.basic(name, "second-password-2").get("/api/v1/tokens").array().isEmpty());
    String after =
        Api.basic(name, "second-password-2")
            .post("/api/v1/tokens", token("after", null))
            .json()
            .getString("token");
    assertEquals(
        200,
        Api.bearer(after).get("/api/v1/accounts/me").status(),
        "a token made after the change works");

    // A change made in the console keeps that session, and ends the API's Basic credentials and
    // tokens.
    signIn(name, "second-password-2");
    waitUntil(d -> !d.getCurrentUrl().contains("/login.xhtml"));
    page.get(Api.BASE_URL + PASSWORD_PAGE);
    type("password:currentPassword", "second-password-2");
    type("password:newPassword", "third-password-3");
    type("password:confirmation", "third-password-3");
    page.findElement(By.id("password:change")).click();
    awaitMessage("Your password is changed");
    page.get(Api.BASE_URL + "/manage/dashboard.xhtml");
    assertFalse(
        page.getCurrentUrl().contains("/login.xhtml"),
        "the session that changed it goes on: " + page.getCurrentUrl());
    assertEquals(401, Api.bearer(after).get("/api/v1/accounts/me").status());
    assertEquals(401, Api.basic(name, "second-password-2").get("/api/v1/accounts/me").status());
    assertEquals(200, Api.basic(name, "third-password-3").get("/api/v1/accounts/me").status());
  }

  @Test
  void aTokenCannotMakeATokenThatOutlivesIt() {
    Api user = Api.newUser();
    Api shortLived =
        Api.bearer(user.post("/api/v1/tokens", token("five days", 5)).json().getString("token"));
    assertInvalid(shortLived.post("/api/v1/tokens", token("without end", null)), "validityDays");
    assertInvalid(shortLived.post("/api/v1/tokens", token("ten days", 10)), "validityDays");
    JsonObject shorter = shortLived.post("/api/v1/tokens", token("four days", 4)).json();
    assertTrue(shorter.getString("token").startsWith("pkiaas_"), shorter::toString);
    Api endless =
        Api.bearer(user.post("/api/v1/tokens", token("endless", null)).json().getString("token"));
    assertEquals(
        201,
        endless.post("/api/v1/tokens", token("also endless", null)).status(),
        "a token without end may");
  }

  @Test
  void theSessionCookieIsSecureOverHttpsOnly() throws Exception {
    int httpsPort = 8443 + Integer.parseInt(System.getProperty("pkiaas.it.port-offset", "100"));
    SSLContext trustAll = AnyServerCertificate.context();
    HttpsURLConnection https =
        (HttpsURLConnection)
            URI.create("https://localhost:" + httpsPort + "/login.xhtml").toURL().openConnection();
    https.setSSLSocketFactory(trustAll.getSocketFactory());
    https.setHostnameVerifier((host, session) -> "localhost".equals(host));
    assertEquals(200, https.getResponseCode());
    String secure = sessionCookie(https.getHeaderFields().get("Set-Cookie"));
    assertTrue(secure.matches("(?i).*;\\s*Secure(;.*|$)"), secure);
    assertTrue(secure.matches("(?i).*;\\s*HttpOnly(;.*|$)"), secure);

    HttpURLConnection http =
        (HttpURLConnection) URI.create(Api.BASE_URL + "/login.xhtml").toURL().openConnection();
    assertEquals(200, http.getResponseCode());
    String plain = sessionCookie(http.getHeaderFields().get("Set-Cookie"));
    assertFalse(
        plain.matches("(?i).*;\\s*Secure(;.*|$)"),
        "over plain HTTP the browser could not send it back: " + plain);
  }

  /**
   * The last JSESSIONID cookie set (a browser keeps the last of several with the same name and
   * path).
   */
  private static String sessionCookie(List<String> setCookies) {
    assertTrue(setCookies != null && !setCookies.isEmpty(), "no cookie set");
    return setCookies.stream()
        .filter(c -> c.startsWith("JSESSIONID="))
        .reduce((first, second) -> second)
        .orElseThrow(() -> new AssertionError("no session cookie in " + setCookies));
  }
}
