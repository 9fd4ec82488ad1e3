package org.pkiaas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.pkiaas.bench.Rfc6962Log;
import org.shredzone.acme4j.AccountBuilder;
import org.shredzone.acme4j.Login;
import org.shredzone.acme4j.Order;
import org.shredzone.acme4j.Session;
import org.shredzone.acme4j.Status;
import org.shredzone.acme4j.exception.AcmeServerException;

/**
 * The console's ACME pages (user guide 5.2, 5.3) in headless Chromium: a policy made and edited, an
 * external account binding whose shown-once key registers a real ACME account (acme4j), the account
 * listed and deactivated; and another user's policy pages, which are not found.
 */
class AcmeConsoleIT extends ConsoleWalk {

  private void openPolicies() {
    page.findElement(By.xpath("//nav//a[.//span[normalize-space()='Policies']]")).click();
    waitUntil(d -> "ACME Policies".equals(d.findElement(By.cssSelector("main h1")).getText()));
  }

  private WebElement policyRow(String name) {
    return visible(By.xpath("//tr[.//span[normalize-space()='" + name + "']]"));
  }

  @Test
  void bindingMadeInTheConsoleRegistersAnAcmeAccount() throws Exception {
    Owner owner = signedInOwnerOf("ACME Console Root");
    openPolicies();
    page.findElement(By.id("policies:create")).click();
    visible(By.id("policy:name"));
    type("policy:preApprovedDomains", "*.example.com, not a domain!");
    page.findElement(By.id("policy:save")).click();
    waitUntil(d -> d.getPageSource().contains("A policy needs a name"));
    assertTrue(
        page.findElement(By.id("policy:name")).getAttribute("class").contains("ui-state-error"));
    type("policy:name", "Web servers");
    page.findElement(By.id("policy:save")).click();
    waitUntil(d -> d.getPageSource().contains("is not a domain name"));
    assertEquals(
        "Web servers",
        page.findElement(By.id("policy:name")).getDomProperty("value"),
        "what was typed is kept");
    type("policy:preApprovedDomains", "*.example.com");
    page.findElement(By.id("policy:save")).click();
    awaitMessage("ACME policy 'Web servers' created");
    assertTrue(policyRow("Web servers").getText().contains("*.example.com"));

    policyRow("Web servers").findElement(By.xpath(".//button[contains(@id,'edit')]")).click();
    waitUntil(
        d -> d.findElement(By.id("policy-dialog")).getText().contains("Edit the ACME policy"));
    awaitAjax();
    assertEquals(
        "*.example.com", visible(By.id("policy:preApprovedDomains")).getDomProperty("value"));
    type("policy:preApprovedDomains", "*.example.com, intranet.example.org");
    page.findElement(By.id("policy:save")).click();
    awaitMessage("ACME policy 'Web servers' saved");
    JsonObject policy =
        owner.api().get("/api/v1/cas/" + owner.caId() + "/acme-policies").array().getJsonObject(0);
    assertTrue(
        policy.getString("preApprovedDomains").contains("intranet.example.org"), policy.toString());
    String policyId = policy.getString("id");

    policyRow("Web servers").findElement(By.xpath(".//a[contains(@id,'eabs')]")).click();
    awaitUrl("/manage/acme/eabs.xhtml?policy=" + policyId);
    assertEquals("ACME policy: Web servers", page.findElement(By.id("policy-name")).getText());
    type("eab:name", "web01");
    choose("eab:algorithm", "HS512");
    page.findElement(By.id("eab:create")).click();
    String kid = visible(By.id("secret:kid")).getDomProperty("value");
    String hmac = page.findElement(By.id("secret:hmac")).getDomProperty("value");
    assertEquals(
        64, java.util.Base64.getUrlDecoder().decode(hmac).length, "an HS512 key has 512 bits");
    String directory = page.findElement(By.id("secret:directory")).getDomProperty("value");
    assertEquals(AcmeFixture.DIRECTORY, directory);
    assertTrue(
        page.findElement(By.id("secret-dialog"))
            .getText()
            .contains("you won't see this HMAC key again"));
    String certbot = page.findElement(By.id("secret:certbot")).getDomProperty("value");
    assertTrue(
        certbot.startsWith(
            "certbot register --server "
                + directory
                + " --eab-kid "
                + kid
                + " --eab-hmac-key "
                + hmac),
        certbot);
    String lego = page.findElement(By.id("secret:lego")).getDomProperty("value");
    assertTrue(
        lego.startsWith("lego --server " + directory + " --eab --kid " + kid + " --hmac " + hmac),
        lego);
    screenshot("13-acme-eab");

    Login login =
        new AccountBuilder()
            .agreeToTermsOfService()
            .addEmail("web01@example.com")
            .withKeyIdentifier(kid, hmac)
            .useKeyPair(AcmeFixture.accountKey())
            .createLogin(new Session(directory));
    assertEquals(
        Status.VALID, login.getAccount().getStatus(), "the key shown once registers an account");
    String accountUrl = login.getAccountLocation().toString();
    String accountId = accountUrl.substring(accountUrl.lastIndexOf('/') + 1);

    page.findElement(By.id("secret:done")).click();
    waitUntil(ExpectedConditions.invisibilityOfElementLocated(By.id("secret-dialog")));
    page.navigate().refresh();
    assertFalse(page.getPageSource().contains(hmac), "the HMAC key is not shown again");
    String row = policyRow("web01").getText();
    assertTrue(row.contains(kid) && row.contains("HS512"), row);

    page.get(Api.BASE_URL + "/manage/acme/policies.xhtml");
    assertEquals(
        "1",
        policyRow("Web servers")
            .findElement(By.xpath(".//a[contains(@id,'accounts')]"))
            .getText()
            .strip(),
        "the policy counts its account");
    page.get(Api.BASE_URL + "/manage/acme/accounts.xhtml?policy=" + policyId);
    WebElement account = visible(By.xpath("//tr[.//span[normalize-space()='" + accountId + "']]"));
    assertTrue(
        account.getText().contains("Valid") && account.getText().contains(kid), account.getText());
    account.findElement(By.xpath(".//button[contains(@id,'deactivate')]")).click();
    visible(By.id("accounts:confirm-yes")).click();
    awaitMessage("The account is deactivated");
    assertEquals(
        "deactivated",
        owner
            .api()
            .get("/api/v1/acme-policies/" + policyId + "/accounts")
            .array()
            .getJsonObject(0)
            .getString("status"));

    page.get(Api.BASE_URL + "/manage/acme/eabs.xhtml?policy=" + policyId);
    policyRow("web01").findElement(By.xpath(".//button[contains(@id,'delete')]")).click();
    visible(By.id("eab:confirm-yes")).click();
    awaitMessage("External account binding 'web01' deleted");
    assertEquals(0, owner.api().get("/api/v1/acme-policies/" + policyId + "/eabs").array().size());

    openPolicies();
    policyRow("Web servers").findElement(By.xpath(".//button[contains(@id,'delete')]")).click();
    visible(By.id("delete:confirm")).click();
    awaitMessage("ACME accounts are registered under this policy");
    assertEquals(
        200, owner.api().get("/api/v1/acme-policies/" + policyId).status(), "the policy is kept");
  }

  @Test
  void anotherUsersPolicyIsNeitherListedNorReachableByUrl() throws Exception {
    AcmeFixture foreign = new AcmeFixture("Foreign ACME Root", "*.foreign.example");
    JsonObject foreignEab = foreign.eab();
    signedInOwnerOf("My ACME Root");
    openPolicies();
    assertTrue(page.findElement(By.id("policies:table")).getText().contains("No ACME policy yet"));

    for (String url :
        List.of(
            "/manage/acme/eabs.xhtml?policy=" + foreign.policyId,
            "/manage/acme/accounts.xhtml?policy=" + foreign.policyId)) {
      page.get(Api.BASE_URL + url);
      assertTrue(page.findElement(By.id("not-found")).isDisplayed(), url);
      assertTrue(page.findElements(By.id("policy-name")).isEmpty(), url);
      String source = page.getPageSource();
      assertFalse(
          source.contains(foreignEab.getString("kid")) || source.contains("foreign.example"),
          "nothing of the other user's policy shows at " + url);
    }
  }

  /**
   * An ACME order stopped by its template's CT log has no request, yet the administrator finds it:
   * the console's CT Submissions page (and the API's list for the CA) shows the order's names and
   * what the log answered; another owner's list is not found.
   */
  @Test
  void anAcmeOrderStoppedByACtLogIsListedForTheAdministrator() throws Exception {
    Owner owner = signedInOwnerOf("CT Console Root");
    String caPem =
        owner.api().get("/api/v1/cas/" + owner.caId()).json().getString("certificatePem");
    try (Rfc6962Log log =
        new Rfc6962Log(
            5065 + Integer.getInteger("pkiaas.it.port-offset", 100), Pki.certificate(caPem))) {
      log.mode(Rfc6962Log.Mode.SERVER_ERROR);
      String templateId = owner.firstTemplateId();
      assertEquals(
          200,
          CertificateTransparencyIT.useLogs(owner.api(), templateId, null, log.asTemplateLog())
              .status());
      Api.Reply policy =
          owner
              .api()
              .post(
                  "/api/v1/cas/" + owner.caId() + "/acme-policies",
                  Json.createObjectBuilder()
                      .add("name", "CT")
                      .add("templateId", templateId)
                      .add("preApprovedDomains", "*.example.com")
                      .build());
      assertEquals(201, policy.status(), policy::toString);
      JsonObject eab =
          owner
              .api()
              .post(
                  "/api/v1/acme-policies/" + policy.json().getString("id") + "/eabs",
                  Json.createObjectBuilder().add("name", "ct").add("allowedUses", 1).build())
              .json();
      Login login =
          new AccountBuilder()
              .agreeToTermsOfService()
              .withKeyIdentifier(eab.getString("kid"), eab.getString("hmacKey"))
              .useKeyPair(AcmeFixture.accountKey())
              .createLogin(AcmeFixture.session());
      String domain = "ct" + System.nanoTime() + ".example.com";
      Order order = login.newOrder().domain(domain).create();
      AcmeServerException refused =
          assertThrows(AcmeServerException.class, () -> order.execute(Csrs.keys("EC")));
      assertTrue(refused.getMessage().contains(log.url() + ": HTTP 500"), refused.getMessage());
      String orderId = order.getLocation().toString();
      orderId = orderId.substring(orderId.lastIndexOf('/') + 1);

      var listed = owner.api().get("/api/v1/cas/" + owner.caId() + "/ct-attempts").array();
      assertEquals(1, listed.size(), listed::toString);
      JsonObject attempt = listed.getJsonObject(0);
      assertEquals("acme_order", attempt.getString("origin"));
      assertEquals("acme", attempt.getString("channel"));
      assertEquals(orderId, attempt.getString("requestId"));
      assertEquals("dns:" + domain, attempt.getString("subject"));
      assertTrue(attempt.getJsonArray("answers").getString(0).contains(log.url() + ": HTTP 500"));
      Problems.assertProblem(
          Api.newUser().get("/api/v1/cas/" + owner.caId() + "/ct-attempts"), 404);

      navigate("CT Submissions");
      String row = visible(By.cssSelector("[id='ct:table'] tbody tr")).getText();
      assertTrue(row.contains("ACME order") && row.contains(orderId), row);
      assertEquals(
          "ACME", visible(By.cssSelector("[id='ct:table'] tbody tr .ct-channel")).getText());
      assertTrue(row.contains("dns:" + domain), row);
      assertTrue(row.contains(log.url() + ": HTTP 500"), row);
      screenshot("16-ct-submissions");
    }
  }
}
