package org.pkiaas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.pkiaas.bench.Rfc6962Log;

/**
 * The console's remaining workflows in headless Chromium (user guide 2.5, 2.6, 3.4): deleting a CA
 * after naming it, inviting someone to request a certificate, pre-approving a request whose claim
 * link is mailed, declining a request and sending a claim mail again, holding and releasing a
 * certificate, and the progress shown while a large key is made.
 */
@ExtendWith(MailServer.Running.class)
@RealClient
class ConsoleWorkflowsIT extends ConsoleWalk {

  private static final Duration MAIL_PATIENCE = Duration.ofSeconds(60);

  private static String firstTemplate(Owner owner) {
    return owner
        .api()
        .get("/api/v1/cas/" + owner.caId() + "/templates")
        .array()
        .getJsonObject(0)
        .getString("id");
  }

  /**
   * The CA drop-down: what it was set to is what the next sign-in in this browser starts with (not
   * the first CA of the list), and a link to a page about another CA's object switches it to that
   * CA.
   */
  @Test
  void theCaChosenLastIsRememberedAndADirectLinkSwitchesTheScope() throws Exception {
    Owner owner = signedInOwnerOf("Earlier Root");
    Api.Reply later =
        owner.api().post("/api/v1/cas", CertificateAuthoritiesIT.ca("Later Root").build());
    assertEquals(201, later.status(), later::toString);
    String laterId = later.json().getString("id");
    page.get(Api.BASE_URL + "/manage/dashboard.xhtml");
    assertEquals(owner.caId(), selectedCa(), "the first CA at first");
    choose("scope:ca", laterId);
    awaitUrl("/manage/dashboard.xhtml");

    page.findElement(By.id("session:signout")).click();
    awaitUrl("/login.xhtml?signedOut=true");
    signIn(owner.username(), owner.password());
    awaitUrl("/manage/dashboard.xhtml");
    assertEquals(laterId, selectedCa(), "the CA chosen before signing out");

    page.get(Api.BASE_URL + "/manage/templates/submit-csr.xhtml?template=" + firstTemplate(owner));
    assertEquals(owner.caId(), selectedCa(), "a link to the earlier CA's template scopes to it");
    page.get(Api.BASE_URL + "/manage/certificates/pending.xhtml");
    assertEquals(owner.caId(), selectedCa(), "and the scope stays there");
  }

  /**
   * Text that is not a number or not a date, sent for a number or date field (the widgets prevent
   * typing it, a pasted value or a hand-made request does not), is a refused field with a message,
   * never an error page, and creates nothing.
   */
  @Test
  void textThatIsNotANumberOrADateIsARefusedFieldNotAnErrorPage() throws Exception {
    Owner owner = signedInOwnerOf("Strict Forms Root");
    page.get(Api.BASE_URL + "/manage/account/tokens.xhtml");
    type("tokens:name", "not a number");
    for (String typed : List.of("abc", "1e999x", "12,5.3")) {
      ((JavascriptExecutor) page)
          .executeScript(
              "document.getElementById('tokens:validityDays_hinput').value = arguments[0];", typed);
      page.findElement(By.id("tokens:create")).click();
      awaitAjax();
      String field = page.findElement(By.id("tokens")).getText();
      assertTrue(field.contains("enter a number"), typed + ": " + field);
      assertFalse(page.getPageSource().contains("Internal error"), typed);
    }
    assertEquals(0, owner.api().get("/api/v1/tokens").array().size(), "no token was made");

    Api.Reply policy =
        owner
            .api()
            .post(
                "/api/v1/cas/" + owner.caId() + "/acme-policies",
                Json.createObjectBuilder()
                    .add("name", "Strict")
                    .add("templateId", firstTemplate(owner))
                    .build());
    assertEquals(201, policy.status(), policy::toString);
    page.get(Api.BASE_URL + "/manage/acme/eabs.xhtml?policy=" + policy.json().getString("id"));
    for (String typed : List.of("2099-13-45", "tomorrow")) {
      ((JavascriptExecutor) page)
          .executeScript(
              "document.getElementById('eab:expiresAt_input').value = arguments[0];", typed);
      page.findElement(By.id("eab:create")).click();
      awaitAjax();
      assertFalse(page.getPageSource().contains("Internal error"), typed);
      assertTrue(
          page.findElements(By.cssSelector("#eab .ui-message-error")).stream()
              .anyMatch(m -> !m.getText().isBlank()),
          typed + ": " + page.findElement(By.id("eab")).getText());
    }
    assertEquals(
        0,
        owner
            .api()
            .get("/api/v1/acme-policies/" + policy.json().getString("id") + "/eabs")
            .array()
            .size(),
        "no binding was made");
  }

  private String selectedCa() {
    return waitUntil(d -> d.findElement(By.id("scope:ca_input")).getDomProperty("value"));
  }

  @Test
  void caIsDeletedOnlyOnceItsNameIsTyped() throws Exception {
    Owner owner = signedInOwnerOf("Doomed Root");
    assertEquals(
        201,
        owner.api().post("/api/v1/cas", CertificateAuthoritiesIT.ca("Kept Root").build()).status());
    navigate("Manage CAs");
    rowAction("Doomed Root", "Delete");
    String warning = visible(By.cssSelector("#delete-dialog .warning")).getText();
    assertTrue(
        warning.contains("Doomed Root")
            && warning.contains("1 template(s)")
            && warning.contains("retire it instead"),
        warning);
    type("delete:confirmation", "Kept Root");
    page.findElement(By.id("delete:confirm")).click();
    waitUntil(d -> d.findElement(By.id("delete")).getText().contains("Doomed Root, to confirm"));
    assertEquals(
        200,
        owner.api().get("/api/v1/cas/" + owner.caId()).status(),
        "a wrong name deletes nothing");
    type("delete:confirmation", "Doomed Root");
    page.findElement(By.id("delete:confirm")).click();
    awaitMessage("The CA 'Doomed Root' is deleted");
    assertEquals(404, owner.api().get("/api/v1/cas/" + owner.caId()).status());
    List<String> listed =
        page.findElements(By.xpath("//select[@id='scope:ca_input']/option")).stream()
            .map(o -> o.getAttribute("textContent"))
            .toList();
    assertEquals(List.of("Kept Root"), listed);
  }

  @Test
  void caIsRetiredFromTheConsoleAndStillAnswersOcsp() throws Exception {
    Owner owner = signedInOwnerOf("Retired Console Root");
    navigate("Manage CAs");
    rowAction("Retired Console Root", "Retire");
    String warning = visible(By.cssSelector("#retire-dialog .warning")).getText();
    assertTrue(
        warning.contains("no more certificates") && warning.contains("keep answering"), warning);
    page.findElement(By.id("retire:confirm")).click();
    awaitMessage("The CA 'Retired Console Root' is retired");
    assertEquals(
        "RETIRED", owner.api().get("/api/v1/cas/" + owner.caId()).json().getString("status"));
    assertEquals(
        200,
        Api.anonymous().get("/pki/crl/" + owner.caId() + ".crl").status(),
        "its CRL still answers");
  }

  @Test
  void invitationToRequestACertificateIsMailed() throws Exception {
    Owner owner = signedInOwnerOf("Inviting Root");
    String templateId = firstTemplate(owner);
    String template = owner.api().get("/api/v1/templates/" + templateId).json().getString("name");
    navigate("Manage Templates");
    rowAction(template, "Public Certificate Request");
    assertTrue(
        visible(By.cssSelector("#public-dialog .warning"))
            .getText()
            .contains("does not take public requests"));
    JsonObject general =
        owner.api().get("/api/v1/templates/" + templateId).json().getJsonObject("general");
    owner
        .api()
        .put(
            "/api/v1/templates/" + templateId,
            Json.createObjectBuilder()
                .add("general", Json.createObjectBuilder(general).add("allowPublicRequests", true))
                .build());
    page.navigate().refresh();
    rowAction(template, "Public Certificate Request");
    String link = visible(By.id("invite:link")).getText();
    assertTrue(link.endsWith("/request.html?template=" + templateId), link);
    type("invite:email", "not an address");
    page.findElement(By.id("invite:send")).click();
    waitUntil(d -> d.findElement(By.id("invite")).getText().contains("is not an email address"));
    String invited = MailServer.mailbox();
    type("invite:email", invited);
    page.findElement(By.id("invite:send")).click();
    awaitMessage("An invitation is on its way to " + invited);
    String mail = MailServer.awaitMessage(invited, text -> text.contains(link), MAIL_PATIENCE);
    assertTrue(mail.contains("You are invited to request a certificate"), mail);
  }

  @Test
  void preApprovedRequestIsMailedThenDeclinedAndResent() throws Exception {
    Owner owner = signedInOwnerOf("Approving Root");
    String templateId = firstTemplate(owner);
    String holder = MailServer.mailbox();
    page.get(Api.BASE_URL + "/manage/templates/preapprove.xhtml?template=" + templateId);
    type("preapprove:subject", "CN=approved.example.test");
    type("preapprove:subjectAltNames", "DNS:approved.example.test");
    type("preapprove:email", holder);
    page.findElement(By.id("preapprove:create")).click();
    String claimUrl = visible(By.id("preapprove:claim-url")).getText();
    assertTrue(claimUrl.contains("/claim.html#"), claimUrl);
    MailServer.awaitMessage(holder, text -> text.contains(claimUrl), MAIL_PATIENCE);

    navigate("Pending Requests");
    choose("requests:status", "APPROVED");
    WebElement row =
        visible(By.xpath("//tr[.//span[normalize-space()='CN=approved.example.test']]"));
    row.findElement(By.xpath(".//button[contains(@id,'resend-one')]")).click();
    awaitMessage("The claim link is sent again to " + holder);
    String second =
        MailServer.awaitMessage(
            holder, text -> !text.contains(claimUrl) && claimLink(text) != null, MAIL_PATIENCE);
    assertFalse(second.contains(claimUrl), "the mail sent again carries a new link");

    String requestId =
        owner
            .api()
            .post(
                "/api/v1/templates/" + templateId + "/requests",
                Json.createObjectBuilder()
                    .add(
                        "csr",
                        Csrs.csr(
                            Csrs.keys("EC"),
                            "CN=unwanted.example.test",
                            List.of("unwanted.example.test")))
                    .build())
            .json()
            .getString("id");
    choose("requests:status", "PENDING");
    visible(
            By.xpath(
                "//tr[.//span[contains(text(),'CN=unwanted.example.test')]]//button[contains(@id,'review')]"))
        .click();
    visible(By.id("review:subject"));
    type("review:reason", "not one of ours");
    page.findElement(By.id("review:decline")).click();
    awaitMessage("Declined");
    JsonObject declined = owner.api().get("/api/v1/requests/" + requestId).json();
    assertEquals("DECLINED", declined.getString("status"), declined.toString());
    assertEquals("not one of ours", declined.getString("declineReason"));
  }

  private static String claimLink(String mail) {
    Matcher link = Pattern.compile("\\S+/claim\\.html#\\S+").matcher(mail);
    return link.find() ? link.group() : null;
  }

  @Test
  void certificateOnHoldIsReleased() throws Exception {
    Owner owner = signedInOwnerOf("Holding Root");
    String requestId =
        owner
            .api()
            .post(
                "/api/v1/templates/" + firstTemplate(owner) + "/requests",
                Json.createObjectBuilder()
                    .add(
                        "csr",
                        Csrs.csr(
                            Csrs.keys("EC"), "CN=held.example.test", List.of("held.example.test")))
                    .build())
            .json()
            .getString("id");
    String certificateId =
        owner
            .api()
            .post("/api/v1/requests/" + requestId + "/sign", Json.createObjectBuilder().build())
            .json()
            .getString("id");
    page.get(Api.BASE_URL + "/manage/certificates/detail.xhtml?id=" + certificateId);
    choose("revoke:reason", "CERTIFICATE_HOLD");
    page.findElement(By.id("revoke:revoke-button")).click();
    visible(By.id("revoke:confirm-yes")).click();
    // the page says it in words; the API keeps the constant
    waitUntil(d -> "On hold".equals(d.findElement(By.id("status")).getText()));
    assertEquals(
        "ON_HOLD",
        owner.api().get("/api/v1/certificates/" + certificateId).json().getString("status"));
    visible(By.id("revoke:release")).click();
    waitUntil(d -> "Valid".equals(d.findElement(By.id("status")).getText()));
    assertEquals(
        "VALID",
        owner.api().get("/api/v1/certificates/" + certificateId).json().getString("status"));
    assertTrue(page.findElements(By.id("revoke:release")).isEmpty(), "nothing left to release");
  }

  /** The certificate page decodes the embedded SCTs: the log, its id, the time, verified. */
  @Test
  void theCertificatePageShowsItsSignedCertificateTimestamps() throws Exception {
    Owner owner = signedInOwnerOf("CT Page Root");
    String caPem =
        owner.api().get("/api/v1/cas/" + owner.caId()).json().getString("certificatePem");
    try (Rfc6962Log log =
        new Rfc6962Log(
            5064 + Integer.getInteger("pkiaas.it.port-offset", 100), Pki.certificate(caPem))) {
      String templateId = firstTemplate(owner);
      Api.Reply ct =
          CertificateTransparencyIT.useLogs(owner.api(), templateId, null, log.asTemplateLog());
      assertEquals(200, ct.status(), ct::toString);
      String requestId =
          owner
              .api()
              .post(
                  "/api/v1/templates/" + templateId + "/requests",
                  Json.createObjectBuilder()
                      .add(
                          "csr",
                          Csrs.csr(
                              Csrs.keys("EC"), "CN=ct.example.test", List.of("ct.example.test")))
                      .build())
              .json()
              .getString("id");
      String certificateId =
          owner
              .api()
              .post("/api/v1/requests/" + requestId + "/sign", Json.createObjectBuilder().build())
              .json()
              .getString("id");

      page.get(Api.BASE_URL + "/manage/certificates/detail.xhtml?id=" + certificateId);

      String row = visible(By.cssSelector("[id='revoke:sct-table'] tbody tr")).getText();
      String logId =
          java.util.HexFormat.of()
              .formatHex(
                  java.security.MessageDigest.getInstance("SHA-256")
                      .digest(java.util.Base64.getDecoder().decode(log.publicKey())));
      assertTrue(row.contains(log.url()) && row.contains(logId), row);
      assertTrue(row.contains("yes"), row);
      screenshot("09-certificate-scts");
    }
  }

  @Test
  void newCaTakesAnExtendedKeyUsageOidTypedIn() throws Exception {
    Owner owner = signedInOwnerOf("First Root");
    navigate("Create New CA");
    type("create:commonName", "Purpose-bound Root");
    type("create:customExtendedKeyUsage", "1.3.6.1.4.1.99999.7");
    page.findElement(By.id("create:submit")).click();
    awaitUrl("/manage/cas/manage.xhtml");
    awaitMessage("is ready to issue certificates");
    JsonObject ca =
        owner.api().get("/api/v1/cas").array().stream()
            .map(JsonValue::asJsonObject)
            .filter(c -> c.getString("name").equals("Purpose-bound Root"))
            .findFirst()
            .orElseThrow();
    assertEquals(
        List.of("1.3.6.1.4.1.99999.7"),
        ca.getJsonArray("extendedKeyUsage").getValuesAs(JsonString::getString));
  }

  @Test
  void largeKeyGenerationShowsProgressAndTakesOneClick() throws Exception {
    Owner owner = signedInOwnerOf("First Root");
    navigate("Create New CA");
    type("create:commonName", "Patient RSA Root");
    choose("create:keyType", "RSA");
    choose("create:keySize", "4096");
    WebElement submit = page.findElement(By.id("create:submit"));
    submit.click();
    JavascriptExecutor js = (JavascriptExecutor) page;
    assertEquals(
        Boolean.TRUE,
        js.executeScript("return jQuery('[id=\"create:progress\"]').is(':visible');"),
        "the page says what it is doing while the key is made");
    // A second click on the blocked button is not a second CA.
    js.executeScript("arguments[0].click();", submit);
    awaitUrl("/manage/cas/manage.xhtml");
    awaitMessage("is ready to issue certificates");
    long made =
        owner.api().get("/api/v1/cas").array().stream()
            .filter(ca -> ca.asJsonObject().getString("name").equals("Patient RSA Root"))
            .count();
    assertEquals(1, made, "one click, one CA");
  }
}
