package org.pkiaas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin console in headless Chromium, walked as a new user would: sign in, be sent to create a
 * CA, create an EC root, a template from the Client Authentication starter, submit a CSR, sign it
 * with other alternative names, find, download and revoke the certificate. And a second user who
 * sees none of it. Screenshots of the main pages land in {@code target/screenshots/}.
 */
class ConsoleIT extends ServerIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    Path dir;

    private HeadlessChromium chromium;
    private WebDriver page;

    @BeforeEach
    void openBrowser() {
        chromium = HeadlessChromium.start(dir.resolve("chromium"));
        page = chromium.driver();
        page.manage().window().setSize(new Dimension(1440, 1000));
    }

    @AfterEach
    void closeBrowser(org.junit.jupiter.api.TestInfo test) throws IOException {
        // Where the browser stood last: the first thing to look at when a step fails.
        Path last = Path.of("target", "console-last-page");
        Files.createDirectories(last);
        String name = test.getTestMethod().map(java.lang.reflect.Method::getName).orElse("test");
        Files.writeString(last.resolve(name + ".html"), page.getPageSource());
        Files.copy(((org.openqa.selenium.TakesScreenshot) page).getScreenshotAs(OutputType.FILE).toPath(),
                last.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        chromium.close();
    }

    /** Creates an account through the administrator; returns its password. */
    private String newAccount(String username) {
        String password = "pw-" + UUID.randomUUID();
        Api.Reply reply = admin.post("/api/v1/accounts", Json.createObjectBuilder().add("username", username)
                .add("password", password).build());
        assertEquals(201, reply.status(), reply::toString);
        return password;
    }

    /** An account made through the administrator, with one CA made through the API. */
    private record Owner(String username, String password, Api api, String caId) {
    }

    /** A new account that owns a CA, signed in in the browser and looking at the dashboard. */
    private Owner signedInOwnerOf(String caName) {
        String username = "user-" + UUID.randomUUID().toString().substring(0, 8);
        String password = newAccount(username);
        Api api = Api.basic(username, password);
        Api.Reply ca = api.post("/api/v1/cas", CertificateAuthoritiesIT.ca(caName).build());
        assertEquals(201, ca.status(), ca::toString);
        signIn(username, password);
        awaitUrl("/manage/dashboard.xhtml");
        return new Owner(username, password, api, ca.json().getString("id"));
    }

    private void signIn(String username, String password) {
        page.get(Api.BASE_URL + "/manage/dashboard.xhtml");
        assertTrue(page.getCurrentUrl().contains("/login.xhtml"), "a visitor is sent to sign in: " + page.getCurrentUrl());
        type("login:username", username);
        type("login:password", password);
        page.findElement(By.id("login:signin")).click();
    }

    private void type(String id, String text) {
        WebElement input = page.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    /**
     * Picks an option of a PrimeFaces selectOneMenu through its widget and fires the change event
     * the widget fires when the option is clicked, then waits for any Ajax update to finish.
     */
    private void choose(String id, String value) {
        ((JavascriptExecutor) page).executeScript("var w = PrimeFaces.getWidgetById(arguments[0]); w.selectValue(arguments[1]);"
                + " w.input.trigger('change');", id, value);
        awaitAjax();
        waitUntil(d -> value.equals(d.findElement(By.id(id + "_input")).getDomProperty("value")));
    }

    /** Waits for a condition on the page; elements replaced by an Ajax update meanwhile are looked up again. */
    private <T> T waitUntil(java.util.function.Function<WebDriver, T> condition) {
        return new WebDriverWait(page, PATIENCE).ignoring(StaleElementReferenceException.class).until(condition::apply);
    }

    private void awaitAjax() {
        waitUntil(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                .executeScript("return window.jQuery !== undefined && jQuery.active === 0 && PrimeFaces.ajax.Queue.isEmpty()")));
    }

    private WebElement visible(By locator) {
        return waitUntil(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** Opens a row's Actions menu (the row showing {@code rowText}) and picks {@code item}. */
    private void rowAction(String rowText, String item) {
        page.findElement(By.xpath("//tr[.//span[normalize-space()='" + rowText + "']]//button")).click();
        // Every row has its own (hidden) menu with the same items: click the one that opened.
        By items = By.xpath("//a[contains(@class,'ui-menuitem-link')][.//span[normalize-space()='" + item + "']]");
        waitUntil(d -> d.findElements(items).stream().filter(WebElement::isDisplayed).findFirst().orElse(null)).click();
    }

    /** Follows a link of the navigation pane; the page it opens has the link's text as its heading. */
    private void navigate(String item) {
        page.findElement(By.xpath("//nav//a[.//span[normalize-space()='" + item + "']]")).click();
        waitUntil(d -> item.equals(d.findElement(By.cssSelector("main h1")).getText()));
    }

    private void awaitUrl(String part) {
        waitUntil(d -> d.getCurrentUrl().contains(part));
    }

    /** The text of every message area, shown or (in a closing dialog, say) not. */
    private String messages() {
        return page.findElements(By.cssSelector(".ui-messages")).stream().map(m -> m.getAttribute("textContent"))
                .reduce("", String::concat);
    }

    /** Waits for a message containing {@code text}; fails early, with what it says, when an error message shows instead. */
    private void awaitMessage(String text) {
        waitUntil(d -> messages().contains(text) || d.findElements(By.cssSelector(".ui-messages-error")).stream()
                .anyMatch(error -> !error.getAttribute("textContent").isBlank()));
        String shown = messages();
        assertTrue(shown.contains(text), shown);
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path shot = ((org.openqa.selenium.TakesScreenshot) page).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

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
        assertTrue(page.getCurrentUrl().endsWith("/manage/cas/create.xhtml"), "other pages wait until there is a CA");

        page.findElement(By.id("create:submit")).click();
        waitUntil(d -> d.getPageSource().contains("Give the CA a name"));
        assertTrue(page.findElement(By.id("create:commonName")).getAttribute("class").contains("ui-state-error"),
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
        assertTrue(page.findElement(By.xpath("//select[@id='scope:ca_input']/option")).getAttribute("textContent")
                .contains("Console Root"), "the new CA is in the drop-down");
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
        assertTrue(page.findElement(By.xpath("//label[normalize-space()='clientAuth']/preceding-sibling::div//input"))
                .isSelected(), "the starter's extended key usage");
        screenshot("04-template-editor");
        page.findElement(By.id("edit:save")).click();
        waitUntil(d -> d.getCurrentUrl().endsWith("/manage/templates/manage.xhtml"));
        awaitMessage("Template 'Clients' saved");

        rowAction("Clients", "Submit CSR");
        String csr = Csrs.csr(Csrs.keys("EC"), "CN=console-client,O=Console Test Org", List.of("requested.example.test"));
        type("submit:csr", csr);
        page.findElement(By.id("submit:send")).click();
        awaitUrl("/manage/certificates/pending.xhtml");
        awaitMessage("waiting for approval");

        page.findElement(By.xpath("//tr[.//span[contains(text(),'CN=console-client')]]//button[contains(@id,'review')]")).click();
        WebElement names = visible(By.id("review:subjectAltNames"));
        assertEquals("DNS:requested.example.test", names.getDomProperty("value"), "the dialog starts from the request");
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
        assertTrue(sans.contains("DNS:override.example.test") && sans.contains("DNS:second.example.test")
                && !sans.contains("requested.example.test"), "the signer's names replace the requested ones: " + sans);
        assertEquals("VALID", page.findElement(By.id("status")).getText());
        String serial = page.findElement(By.id("serial")).getText();
        screenshot("08-certificate-detail");
        page.findElement(By.id("revoke:pem")).click();
        Path pem = chromium.awaitDownload(serial + ".pem", PATIENCE);
        X509CertificateHolder downloaded = Pki.certificate(Files.readString(pem));
        assertEquals(List.of("2: override.example.test", "2: second.example.test"), Arrays.stream(GeneralNames
                .fromExtensions(downloaded.getExtensions(), Extension.subjectAlternativeName).getNames())
                .map(GeneralName::toString).toList());
        assertEquals("CN=console-client,O=Console Test Org", downloaded.getSubject().toString().replace(", ", ","));

        choose("revoke:reason", "KEY_COMPROMISE");
        page.findElement(By.id("revoke:revoke-button")).click();
        visible(By.id("revoke:confirm-yes")).click();
        waitUntil(d -> "REVOKED".equals(d.findElement(By.id("status")).getText()));
        page.navigate().refresh();
        assertEquals("REVOKED", page.findElement(By.id("status")).getText(), "revoked, also after a reload");
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
        JsonObject foreign = ownerApi.post("/api/v1/cas", CertificateAuthoritiesIT.ca("Someone Else's Root").build()).json();
        String foreignCa = foreign.getString("id");
        String foreignTemplate = ownerApi.get("/api/v1/cas/" + foreignCa + "/templates").array()
                .getJsonObject(0).getString("id");

        signedInOwnerOf("My Own Root");
        screenshot("10-dashboard");
        List<String> listed = page.findElements(By.xpath("//select[@id='scope:ca_input']/option")).stream()
                .map(o -> o.getAttribute("textContent")).toList();
        assertEquals(List.of("My Own Root"), listed, "only the user's own CA is offered");

        for (String url : List.of("/manage/cas/edit.xhtml?ca=" + foreignCa, "/manage/cas/csr.xhtml?ca=" + foreignCa,
                "/manage/templates/edit.xhtml?template=" + foreignTemplate,
                "/manage/templates/submit-csr.xhtml?template=" + foreignTemplate)) {
            page.get(Api.BASE_URL + url);
            assertTrue(page.findElement(By.id("not-found")).isDisplayed(), url);
            assertFalse(page.getPageSource().contains("Someone Else"), "nothing of the other CA shows at " + url);
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
        assertTrue(page.findElement(By.id("secret-dialog")).getText().contains("you won't see this token again"));
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
        assertEquals(200, Api.basic(owner.username(), "a-new-password-1").get("/api/v1/accounts/me").status());
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
        waitUntil(d -> !d.findElements(By.cssSelector("[id='import:chainPem'].ui-state-error")).isEmpty());
        assertEquals(Pki.pem(issued), page.findElement(By.id("import:certificatePem")).getDomProperty("value"),
                "what was typed is kept");
        type("import:chainPem", Pki.pem(root.certificate()));
        page.findElement(By.id("import:submit")).click();
        awaitUrl("/manage/cas/manage.xhtml");
        awaitMessage("is active and ready to issue certificates");
        assertTrue(page.findElement(By.xpath("//tr[.//span[normalize-space()='Console Issuing CA']]")).getText().contains("ACTIVE"));
    }

    @Test
    void requestsAreDecidedInBulkAndATemplateInUseIsNotDeleted() throws Exception {
        Owner signedIn = signedInOwnerOf("Bulk Root");
        Api owner = signedIn.api();
        String caId = signedIn.caId();
        String templateId = owner.post("/api/v1/cas/" + caId + "/templates", Json.createObjectBuilder().add("name", "Servers")
                .add("starter", "WEB_SERVER").build()).json().getString("id");
        for (String host : List.of("alpha", "beta", "gamma")) {
            Api.Reply queued = owner.post("/api/v1/templates/" + templateId + "/requests", Json.createObjectBuilder()
                    .add("csr", Csrs.csr(Csrs.keys("EC"), "CN=" + host + ".example.test", List.of(host + ".example.test"))).build());
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
        assertEquals(List.of("DECLINED", "DECLINED", "ISSUED"), owner.get("/api/v1/cas/" + caId + "/requests").array().stream()
                .map(r -> r.asJsonObject().getString("status")).sorted().toList());

        navigate("Manage Templates");
        rowAction("Servers", "Delete");
        visible(By.id("delete:confirm")).click();
        awaitMessage("still has 1 active certificate");
        assertEquals(200, owner.get("/api/v1/templates/" + templateId).status(), "the template is kept");
    }

    /** Ticks the selection box of the request row showing that subject. */
    private void select(String subject) {
        waitUntil(d -> {
            d.findElement(By.xpath("//tr[.//span[normalize-space()='" + subject + "']]//div[contains(@class,'ui-chkbox-box')]")).click();
            return true;
        });
    }

    @Test
    void everyPageOpensWithItsHeading() throws Exception {
        Owner owner = signedInOwnerOf("Tour Root");
        String templateId = owner.api().get("/api/v1/cas/" + owner.caId() + "/templates").array().getJsonObject(0).getString("id");
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("/manage/dashboard.xhtml", "Dashboard");
        pages.put("/manage/cas/manage.xhtml", "Manage CAs");
        pages.put("/manage/cas/create.xhtml", "Create New CA");
        pages.put("/manage/cas/edit.xhtml?ca=" + owner.caId(), "Edit CA");
        pages.put("/manage/templates/manage.xhtml", "Manage Templates");
        pages.put("/manage/templates/create.xhtml", "Create Template");
        pages.put("/manage/templates/edit.xhtml?template=" + templateId, "Edit Template");
        pages.put("/manage/templates/submit-csr.xhtml?template=" + templateId, "Submit CSR");
        pages.put("/manage/templates/preapprove.xhtml?template=" + templateId, "Create Pre-Approved Request");
        pages.put("/manage/certificates/pending.xhtml", "Pending Requests");
        pages.put("/manage/certificates/issued.xhtml", "Issued Certificates");
        pages.put("/manage/account/password.xhtml", "Change Password");
        pages.put("/manage/account/tokens.xhtml", "API Tokens");
        pages.put("/manage/account/audit.xhtml", "Audit Log");
        for (Map.Entry<String, String> entry : pages.entrySet()) {
            page.get(Api.BASE_URL + entry.getKey());
            assertEquals(entry.getValue(), page.findElement(By.cssSelector("main h1")).getText(), entry.getKey());
            assertTrue(page.findElements(By.id("not-found")).isEmpty(), entry.getKey());
        }
        assertTrue(page.findElement(By.id("audit:table")).getText().contains("ca.create"), "the audit log lists the CA's creation");

        page.get(Api.BASE_URL + "/manage/cas/edit.xhtml?ca=" + owner.caId());
        type("edit:cpsUrl", "not a url");
        page.findElement(By.id("edit:save")).click();
        waitUntil(d -> d.getPageSource().contains("The CPS URL must be an http or https URL"));
        type("edit:cpsUrl", "https://example.test/cps");
        page.findElement(By.id("edit:save")).click();
        awaitMessage("Saved");
        assertEquals("https://example.test/cps", owner.api().get("/api/v1/cas/" + owner.caId()).json().getString("cpsUrl"));
    }

    @Test
    void pagesCarrySecurityHeaders() throws Exception {
        HttpResponse<String> login = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(Api.BASE_URL + "/login.xhtml")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, login.statusCode());
        String policy = login.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy.contains("frame-ancestors 'none'") && policy.contains("object-src 'none'"), policy);
        assertEquals("DENY", login.headers().firstValue("X-Frame-Options").orElse(""));
        assertEquals("nosniff", login.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals("same-origin", login.headers().firstValue("Referrer-Policy").orElse(""));
        assertTrue(login.body().contains("jakarta.faces.ViewState"), "forms carry their view state (the CSRF token)");
        String claim = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(Api.BASE_URL + "/claim.html")).build(),
                HttpResponse.BodyHandlers.ofString()).headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(claim.contains("script-src 'self';"), "plain pages run no inline script: " + claim);
    }
}
