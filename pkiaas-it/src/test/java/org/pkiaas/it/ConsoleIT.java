package org.pkiaas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The admin console in headless Chromium, walked as a new user would: sign in, be sent to create a
 * CA, create an EC root, a template from the Client Authentication starter, submit a CSR, sign it
 * with other alternative names, find, download and revoke the certificate. And a second user who
 * sees none of it. Screenshots of the main pages land in {@code target/screenshots/}.
 */
@RealClient
class ConsoleIT extends ConsoleWalk {

  @Test
  void newUserCreatesCaTemplateAndSignsRevokesACertificate() throws Exception {
    String username = "console-" + UUID.randomUUID().toString().substring(0, 8);
    String password = newAccount(username);

    page.get(Api.BASE_URL + "/login.xhtml");
    screenshot("01-sign-in");
    signIn(username, password);
    awaitUrl("/manage/cas/create.xhtml");
    assertTrue(page.findElement(By.id("first-ca")).isDisplayed());
    screenshot("02-create-ca");
    page.get(Api.BASE_URL + "/manage/certificates/issued.xhtml");
    assertTrue(
        page.getCurrentUrl().endsWith("/manage/cas/create.xhtml"),
        "other pages wait until there is a CA");

    page.findElement(By.id("create:submit")).click();
    waitUntil(d -> d.getPageSource().contains("Give the CA a name"));
    assertTrue(
        page.findElement(By.id("create:commonName"))
            .getAttribute("class")
            .contains("ui-state-error"),
        "the missing name is flagged at its field");
    type("create:commonName", "Console Root");
    type("create:organization", "Console Test Org");
    choose("create:keyType", "ML_DSA");
    visible(By.xpath("//span[contains(@class,'hint')][contains(.,'ML-DSA-87')]"));
    choose("create:keyType", "EC");
    waitUntil(d -> !d.findElements(By.id("create:curve")).isEmpty());
    page.findElement(By.id("create:submit")).click();
    awaitUrl("/manage/cas/manage.xhtml");
    awaitMessage("is ready to issue certificates");
    assertTrue(
        page.findElement(By.xpath("//select[@id='scope:ca_input']/option"))
            .getAttribute("textContent")
            .contains("Console Root"),
        "the new CA is in the drop-down");
    rowAction("Console Root", "Show CA Service URLs");
    assertTrue(visible(By.id("url-ocsp")).getText().contains("/pki/ocsp/"));
    screenshot("03-manage-cas");
    page.findElement(By.cssSelector("#urls-dialog .ui-dialog-titlebar-close")).click();

    navigate("Create Template");
    type("create:name", "Clients");
    choose("create:starter", "CLIENT_AUTHENTICATION");
    page.findElement(By.id("create:submit")).click();
    awaitUrl("/manage/templates/edit.xhtml?template=");
    page.findElement(By.xpath("//a[normalize-space()='Key Usage']")).click();
    visible(By.xpath("//label[normalize-space()='clientAuth']"));
    assertTrue(
        page.findElement(
                By.xpath("//label[normalize-space()='clientAuth']/preceding-sibling::div//input"))
            .isSelected(),
        "the starter's extended key usage");
    screenshot("04-template-editor");
    page.findElement(By.id("edit:save")).click();
    waitUntil(d -> d.getCurrentUrl().endsWith("/manage/templates/manage.xhtml"));
    awaitMessage("Template 'Clients' saved");

    rowAction("Clients", "Submit CSR");
    String csr =
        Csrs.csr(
            Csrs.keys("EC"),
            "CN=console-client,O=Console Test Org",
            List.of("requested.example.test"));
    type("submit:csr", csr);
    page.findElement(By.id("submit:send")).click();
    awaitUrl("/manage/certificates/pending.xhtml");
    awaitMessage("waiting for approval");

    page.findElement(
            By.xpath(
                "//tr[.//span[contains(text(),'CN=console-client')]]//button[contains(@id,'review')]"))
        .click();
    WebElement names = visible(By.id("review:subjectAltNames"));
    assertEquals(
        "DNS:requested.example.test",
        names.getDomProperty("value"),
        "the dialog starts from the request");
    names.clear();
    names.sendKeys("DNS:override.example.test\nDNS:second.example.test");
    screenshot("05-sign-dialog");
    page.findElement(By.id("review:sign")).click();
    awaitMessage("Signed: certificate");
    screenshot("06-pending-requests");

    navigate("Issued Certificates");
    WebElement link = visible(By.xpath("//a[contains(text(),'CN=console-client')]"));
    screenshot("07-issued-certificates");
    link.click();
    String sans = visible(By.id("sans")).getText();
    assertTrue(
        sans.contains("DNS:override.example.test")
            && sans.contains("DNS:second.example.test")
            && !sans.contains("requested.example.test"),
        "the signer's names replace the requested ones: " + sans);
    assertEquals("Valid", page.findElement(By.id("status")).getText());
    String serial = page.findElement(By.id("serial")).getText();
    screenshot("08-certificate-detail");
    page.findElement(By.id("revoke:pem")).click();
    Path pem = chromium.awaitDownload(serial + ".pem", PATIENCE);
    X509CertificateHolder downloaded = Pki.certificate(Files.readString(pem));
    assertEquals(
        List.of("2: override.example.test", "2: second.example.test"),
        Arrays.stream(
                GeneralNames.fromExtensions(
                        downloaded.getExtensions(), Extension.subjectAlternativeName)
                    .getNames())
            .map(GeneralName::toString)
            .toList());
    assertEquals(
        "CN=console-client,O=Console Test Org",
        downloaded.getSubject().toString().replace(", ", ","));

    choose("revoke:reason", "KEY_COMPROMISE");
    page.findElement(By.id("revoke:revoke-button")).click();
    visible(By.id("revoke:confirm-yes")).click();
    waitUntil(d -> "Revoked".equals(d.findElement(By.id("status")).getText()));
    page.navigate().refresh();
    assertEquals(
        "Revoked", page.findElement(By.id("status")).getText(), "revoked, also after a reload");
    assertTrue(page.findElement(By.id("revoke:revocation")).getText().contains("keyCompromise"));
    screenshot("09-certificate-revoked");

    page.findElement(By.id("session:signout")).click();
    awaitUrl("/login.xhtml?signedOut=true");
    page.get(Api.BASE_URL + "/manage/dashboard.xhtml");
    assertTrue(page.getCurrentUrl().contains("/login.xhtml"), "signed out means signed out");
  }

  @Test
  void anotherUsersCaIsNeitherListedNorReachableByUrl() throws Exception {
    String owner = "owner-" + UUID.randomUUID().toString().substring(0, 8);
    Api ownerApi = Api.basic(owner, newAccount(owner));
    JsonObject foreign =
        ownerApi
            .post("/api/v1/cas", CertificateAuthoritiesIT.ca("Someone Else's Root").build())
            .json();
    String foreignCa = foreign.getString("id");
    String foreignTemplate =
        ownerApi
            .get("/api/v1/cas/" + foreignCa + "/templates")
            .array()
            .getJsonObject(0)
            .getString("id");

    signedInOwnerOf("My Own Root");
    screenshot("10-dashboard");
    List<String> listed =
        page.findElements(By.xpath("//select[@id='scope:ca_input']/option")).stream()
            .map(o -> o.getAttribute("textContent"))
            .toList();
    assertEquals(List.of("My Own Root"), listed, "only the user's own CA is offered");

    for (String url :
        List.of(
            "/manage/cas/edit.xhtml?ca=" + foreignCa,
            "/manage/cas/csr.xhtml?ca=" + foreignCa,
            "/manage/templates/edit.xhtml?template=" + foreignTemplate,
            "/manage/templates/submit-csr.xhtml?template=" + foreignTemplate)) {
      page.get(Api.BASE_URL + url);
      assertTrue(page.findElement(By.id("not-found")).isDisplayed(), url);
      assertFalse(
          page.getPageSource().contains("Someone Else"), "nothing of the other CA shows at " + url);
    }
  }

  @Test
  void tokenIsShownOnceAndPasswordChangeIsChecked() throws Exception {
    Owner owner = signedInOwnerOf("Account Root");

    navigate("API Tokens");
    type("tokens:name", "deploy script");
    page.findElement(By.id("tokens:create")).click();
    String token = visible(By.id("secret:value")).getDomProperty("value");
    assertTrue(token.startsWith("pkiaas_"), token);
    assertTrue(
        page.findElement(By.id("secret-dialog"))
            .getText()
            .contains("you won't see this token again"));
    screenshot("11-api-token");
    assertEquals(200, Api.bearer(token).get("/api/v1/accounts/me").status(), "the token works");
    page.findElement(By.id("secret:done")).click();
    waitUntil(ExpectedConditions.invisibilityOfElementLocated(By.id("secret-dialog")));
    page.navigate().refresh();
    assertFalse(page.getPageSource().contains(token), "the secret is not shown again");
    assertTrue(page.findElement(By.id("tokens:table")).getText().contains("deploy script"));

    navigate("Change Password");
    type("password:currentPassword", "not-the-password");
    type("password:newPassword", "a-new-password-1");
    type("password:confirmation", "a-new-password-1");
    page.findElement(By.id("password:change")).click();
    waitUntil(d -> d.getPageSource().contains("The current password is not correct"));
    type("password:currentPassword", owner.password());
    type("password:newPassword", "a-new-password-1");
    type("password:confirmation", "a-new-password-1");
    page.findElement(By.id("password:change")).click();
    awaitMessage("Your password is changed");
    assertEquals(
        200, Api.basic(owner.username(), "a-new-password-1").get("/api/v1/accounts/me").status());
  }

  @Test
  void intermediateIsCreatedAsCsrAndActivatedByImport() throws Exception {
    signedInOwnerOf("Some Root");

    navigate("Create New CA");
    type("create:commonName", "Console Issuing CA");
    page.findElement(By.cssSelector("[id='create:csrOnly'] .ui-chkbox-box")).click();
    page.findElement(By.id("create:submit")).click();
    awaitUrl("/manage/cas/csr.xhtml?ca=");
    String shown = page.findElement(By.id("csr:pem")).getDomProperty("value");
    assertTrue(shown.startsWith("-----BEGIN CERTIFICATE REQUEST-----"), shown);
    screenshot("12-ca-csr");
    page.findElement(By.id("csr:download")).click();
    var csr = Pki.csr(Files.readString(chromium.awaitDownload("Console-Issuing-CA.csr", PATIENCE)));
    assertEquals("CN=Console Issuing CA", csr.getSubject().toString());
    assertEquals(Pki.csr(shown).getSubjectPublicKeyInfo(), csr.getSubjectPublicKeyInfo());

    Pki.Issuer root = Pki.externalRoot("Console External Root", 1);
    X509CertificateHolder issued = root.issueCa(csr, 0, null);
    page.findElement(By.linkText("import the signed certificate")).click();
    awaitUrl("/manage/cas/import.xhtml?ca=");
    type("import:certificatePem", Pki.pem(issued));
    page.findElement(By.id("import:submit")).click();
    waitUntil(
        d -> !d.findElements(By.cssSelector("[id='import:chainPem'].ui-state-error")).isEmpty());
    assertEquals(
        Pki.pem(issued),
        page.findElement(By.id("import:certificatePem")).getDomProperty("value"),
        "what was typed is kept");
    type("import:chainPem", Pki.pem(root.certificate()));
    page.findElement(By.id("import:submit")).click();
    awaitUrl("/manage/cas/manage.xhtml");
    awaitMessage("is active and ready to issue certificates");
    assertTrue(
        page.findElement(By.xpath("//tr[.//span[normalize-space()='Console Issuing CA']]"))
            .getText()
            .contains("Active"),
        "the status in words");
  }

  @Test
  void requestsAreDecidedInBulkAndATemplateInUseIsNotDeleted() throws Exception {
    Owner signedIn = signedInOwnerOf("Bulk Root");
    Api owner = signedIn.api();
    String caId = signedIn.caId();
    String templateId =
        owner
            .post(
                "/api/v1/cas/" + caId + "/templates",
                Json.createObjectBuilder()
                    .add("name", "Servers")
                    .add("starter", "WEB_SERVER")
                    .build())
            .json()
            .getString("id");
    for (String host : List.of("alpha", "beta", "gamma")) {
      Api.Reply queued =
          owner.post(
              "/api/v1/templates/" + templateId + "/requests",
              Json.createObjectBuilder()
                  .add(
                      "csr",
                      Csrs.csr(
                          Csrs.keys("EC"),
                          "CN=" + host + ".example.test",
                          List.of(host + ".example.test")))
                  .build());
      assertEquals(201, queued.status(), queued::toString);
    }
    page.navigate().refresh();
    assertEquals("3", page.findElement(By.id("count-pending")).getText());

    navigate("Pending Requests");
    select("CN=alpha.example.test");
    select("CN=beta.example.test");
    type("requests:reason", "not ours");
    page.findElement(By.id("requests:decline")).click();
    awaitMessage("2 requests declined");
    select("CN=gamma.example.test");
    page.findElement(By.id("requests:sign")).click();
    awaitMessage("1 request signed");
    assertEquals(
        List.of("DECLINED", "DECLINED", "ISSUED"),
        owner.get("/api/v1/cas/" + caId + "/requests").array().stream()
            .map(r -> r.asJsonObject().getString("status"))
            .sorted()
            .toList());

    navigate("Manage Templates");
    rowAction("Servers", "Delete");
    visible(By.id("delete:confirm")).click();
    awaitMessage("still has 1 active certificate");
    assertEquals(
        200, owner.get("/api/v1/templates/" + templateId).status(), "the template is kept");
  }

  /**
   * Queues a CSR request for {@code host}.example.test under the template; returns the request's
   * id.
   */
  private static String queue(Api owner, String templateId, String host) {
    Api.Reply queued =
        owner.post(
            "/api/v1/templates/" + templateId + "/requests",
            Json.createObjectBuilder()
                .add(
                    "csr",
                    Csrs.csr(
                        Csrs.keys("EC"),
                        "CN=" + host + ".example.test",
                        List.of(host + ".example.test")))
                .build());
    assertEquals(201, queued.status(), queued::toString);
    return queued.json().getString("id");
  }

  private static String firstTemplate(Owner owner) {
    return owner
        .api()
        .get("/api/v1/cas/" + owner.caId() + "/templates")
        .array()
        .getJsonObject(0)
        .getString("id");
  }

  @Test
  void dashboardAndIssuedListCountSubscriberCertificatesOnly() throws Exception {
    Owner owner = signedInOwnerOf("Counting Root");
    assertEquals(
        "0",
        page.findElement(By.id("count-VALID")).getText(),
        "the CA's OCSP responder certificate is not counted");
    String requestId = queue(owner.api(), firstTemplate(owner), "counted");
    Api.Reply signed =
        owner
            .api()
            .post("/api/v1/requests/" + requestId + "/sign", Json.createObjectBuilder().build());
    assertEquals(200, signed.status(), signed::toString);
    page.navigate().refresh();
    assertEquals(
        "1",
        page.findElement(By.id("count-VALID")).getText(),
        "the subscriber's certificate is counted");

    navigate("Issued Certificates");
    String subscribers = visible(By.id("issued:table")).getText();
    assertTrue(
        subscribers.contains("CN=counted.example.test") && !subscribers.contains("OCSP Responder"),
        subscribers);
    choose("issued:kind", "SERVICE");
    waitUntil(
        d ->
            d.findElement(By.id("issued:table"))
                .getText()
                .contains("Counting Root OCSP Responder"));
    assertFalse(
        page.findElement(By.id("issued:table")).getText().contains("CN=counted.example.test"));
  }

  @Test
  void pendingRequestsArePagedSortedAndSearchedByTheServer() throws Exception {
    Owner owner = signedInOwnerOf("Queue Root");
    String templateId = firstTemplate(owner);
    for (int i = 0; i < 27; i++) {
      queue(owner.api(), templateId, String.format("host-%02d", i));
    }
    navigate("Pending Requests");
    By rows = By.cssSelector("[id='requests:table_data'] > tr");
    assertEquals(25, page.findElements(rows).size(), "the first page holds 25 of the 27 requests");
    assertTrue(
        page.findElement(By.id("requests:table_paginator_bottom")).getText().contains("2"),
        "a second page");

    page.findElement(By.xpath("//th[.//span[normalize-space()='Subject']]")).click();
    waitUntil(d -> d.findElements(rows).get(0).getText().contains("CN=host-00.example.test"));
    page.findElement(By.xpath("//th[.//span[normalize-space()='Subject']]")).click();
    waitUntil(d -> d.findElements(rows).get(0).getText().contains("CN=host-26.example.test"));

    page.findElement(By.cssSelector("[id='requests:table_paginator_bottom'] .ui-paginator-next"))
        .click();
    waitUntil(
        d ->
            d.findElements(rows).size() == 2
                && d.findElements(rows).get(1).getText().contains("CN=host-00.example.test"));

    type("requests:search", "HOST-13");
    waitUntil(
        d ->
            d.findElements(rows).size() == 1
                && d.findElements(rows).get(0).getText().contains("CN=host-13.example.test"));
    select("CN=host-13.example.test");
    page.findElement(By.id("requests:sign")).click();
    awaitMessage("1 request signed");
    waitUntil(
        d ->
            d.findElements(rows).size() == 1
                && d.findElements(rows).get(0).getText().contains("No request"));
    assertEquals(
        "ISSUED",
        owner
            .api()
            .get("/api/v1/cas/" + owner.caId() + "/requests?status=ISSUED")
            .array()
            .getJsonObject(0)
            .getString("status"));
  }

  @Test
  void anAdministratorChoosesTheHttpsTemplateAndRenewsTheCertificate() throws Exception {
    JsonObject ca =
        admin
            .post(
                "/api/v1/cas",
                CertificateAuthoritiesIT.ca("Console HTTPS Root").add("keyType", "EC").build())
            .json();
    String templateId =
        admin
            .get("/api/v1/cas/" + ca.getString("id") + "/templates")
            .array()
            .getJsonObject(0)
            .getString("id");
    signIn("admin", System.getProperty("pkiaas.it.admin-password", "it-admin-password-1"));
    awaitUrl("/manage/dashboard.xhtml");
    navigate("HTTPS Certificate");
    assertTrue(served().contains("valid until"), served());
    try {
      page.findElement(By.id("https:renew")).click();
      awaitMessage("choose one first");

      choose("https:templateId", templateId);
      clearMessages();
      page.findElement(By.id("https:save")).click();
      awaitMessage("Saved: this node issues its certificate");
      awaitServedBy("CN=Console HTTPS Root");
      String first = served();

      page.findElement(By.id("https:renew")).click();
      awaitMessage("Renewal requested");
      waitUntil(
          d -> {
            d.navigate().refresh();
            return served().contains("CN=Console HTTPS Root") && !served().equals(first);
          });
    } finally {
      Api.Reply off =
          admin.put(
              "/api/v1/settings", Json.createObjectBuilder().add("httpsTemplateId", "").build());
      assertEquals(200, off.status(), off::toString);
      waitUntil(
          d -> {
            d.navigate().refresh();
            return !served().contains("CN=Console HTTPS Root");
          });
    }
  }

  /** The HTTPS Certificate page's line on the certificate this node serves. */
  private String served() {
    return page.findElement(By.cssSelector("#https p")).getText();
  }

  private void awaitServedBy(String issuer) {
    waitUntil(
        d -> {
          d.navigate().refresh();
          return served().contains("issued by " + issuer);
        });
  }

  @Test
  void everyPageOpensWithItsHeading() throws Exception {
    Owner owner = signedInOwnerOf("Tour Root");
    String templateId =
        owner
            .api()
            .get("/api/v1/cas/" + owner.caId() + "/templates")
            .array()
            .getJsonObject(0)
            .getString("id");
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("/manage/dashboard.xhtml", "Dashboard");
    pages.put("/manage/cas/manage.xhtml", "Manage CAs");
    pages.put("/manage/cas/create.xhtml", "Create New CA");
    pages.put("/manage/cas/edit.xhtml?ca=" + owner.caId(), "Edit CA");
    pages.put("/manage/cas/timestamps.xhtml", "Time Stamps");
    pages.put("/manage/templates/manage.xhtml", "Manage Templates");
    pages.put("/manage/templates/create.xhtml", "Create Template");
    pages.put("/manage/templates/edit.xhtml?template=" + templateId, "Edit Template");
    pages.put("/manage/templates/submit-csr.xhtml?template=" + templateId, "Submit CSR");
    pages.put(
        "/manage/templates/preapprove.xhtml?template=" + templateId, "Create Pre-Approved Request");
    pages.put("/manage/certificates/pending.xhtml", "Pending Requests");
    pages.put("/manage/certificates/issued.xhtml", "Issued Certificates");
    pages.put("/manage/certificates/ct-attempts.xhtml", "CT Submissions");
    pages.put("/manage/acme/policies.xhtml", "ACME Policies");
    String policyId =
        owner
            .api()
            .post(
                "/api/v1/cas/" + owner.caId() + "/acme-policies",
                Json.createObjectBuilder()
                    .add("name", "Tour")
                    .add("templateId", templateId)
                    .build())
            .json()
            .getString("id");
    pages.put("/manage/acme/eabs.xhtml?policy=" + policyId, "External Account Bindings");
    pages.put("/manage/acme/accounts.xhtml?policy=" + policyId, "ACME Accounts");
    pages.put("/manage/account/password.xhtml", "Change Password");
    pages.put("/manage/account/tokens.xhtml", "API Tokens");
    pages.put("/manage/account/audit.xhtml", "Audit Log");
    for (Map.Entry<String, String> entry : pages.entrySet()) {
      page.get(Api.BASE_URL + entry.getKey());
      assertEquals(
          entry.getValue(), page.findElement(By.cssSelector("main h1")).getText(), entry.getKey());
      assertTrue(page.findElements(By.id("not-found")).isEmpty(), entry.getKey());
      assertEquals(
          List.of(), unlabelledInputs(), "every input of " + entry.getKey() + " has a label");
    }
    assertTrue(
        page.findElement(By.id("audit:table")).getText().contains("ca.create"),
        "the audit log lists the CA's creation");
    // The label check finds what it should: the create-CA form's inputs, and an input nobody named.
    page.get(Api.BASE_URL + "/manage/cas/create.xhtml");
    assertTrue(askedInputs() >= 8, "the check sees the form's inputs: " + askedInputs());
    ((JavascriptExecutor) page)
        .executeScript(
            "var probe = document.createElement('input'); probe.id = 'probe';"
                + " document.getElementById('create').appendChild(probe);");
    assertEquals(List.of("probe"), unlabelledInputs());

    page.get(Api.BASE_URL + "/manage/cas/edit.xhtml?ca=" + owner.caId());
    type("edit:cpsUrl", "not a url");
    page.findElement(By.id("edit:save")).click();
    waitUntil(d -> d.getPageSource().contains("The CPS URL must be an http or https URL"));
    type("edit:cpsUrl", "https://example.test/cps");
    page.findElement(By.id("edit:save")).click();
    awaitMessage("Saved");
    assertEquals(
        "https://example.test/cps",
        owner.api().get("/api/v1/cas/" + owner.caId()).json().getString("cpsUrl"));
  }

  @Test
  void pagesCarrySecurityHeaders() throws Exception {
    HttpResponse<String> login =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(Api.BASE_URL + "/login.xhtml")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, login.statusCode());
    List<String> policies = login.headers().allValues("Content-Security-Policy");
    assertEquals(1, policies.size(), "one policy, PrimeFaces' own: " + policies);
    String policy = policies.get(0);
    assertTrue(
        policy.contains("frame-ancestors 'none'") && policy.contains("object-src 'none'"), policy);
    String scripts = policy.substring(policy.indexOf("script-src"));
    assertTrue(
        scripts.matches("script-src 'self' 'nonce-[A-Za-z0-9+/=_-]+';?"),
        "scripts by nonce only: " + scripts);
    String nonce = scripts.replaceAll(".*'nonce-([^']+)'.*", "$1");
    assertTrue(
        login.body().contains("nonce=\"" + nonce + "\""), "the page's scripts carry the nonce");
    assertFalse(login.body().contains(" onclick=\""), "no inline event handler");
    assertEquals("DENY", login.headers().firstValue("X-Frame-Options").orElse(""));
    assertEquals("nosniff", login.headers().firstValue("X-Content-Type-Options").orElse(""));
    assertEquals("same-origin", login.headers().firstValue("Referrer-Policy").orElse(""));
    assertTrue(
        login.body().contains("jakarta.faces.ViewState"),
        "forms carry their view state (the CSRF token)");
    page.get(Api.BASE_URL + "/login.xhtml");
    ((JavascriptExecutor) page)
        .executeScript(
            "var s = document.createElement('script');"
                + " s.textContent = 'window.injected = true;'; document.head.appendChild(s);");
    assertEquals(
        Boolean.FALSE,
        ((JavascriptExecutor) page).executeScript("return window.injected === true;"),
        "an inline script without the nonce does not run");
    List<String> refused = chromium.cspViolations();
    assertTrue(
        refused.stream().anyMatch(m -> m.contains("inline script")),
        "and the browser says why: " + refused);
    String claim =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(Api.BASE_URL + "/claim.html")).build(),
                HttpResponse.BodyHandlers.ofString())
            .headers()
            .firstValue("Content-Security-Policy")
            .orElse("");
    assertTrue(claim.contains("script-src 'self';"), "plain pages run no inline script: " + claim);
  }
}
