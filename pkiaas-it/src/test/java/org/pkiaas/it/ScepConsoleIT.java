package org.pkiaas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.jscep.client.Client;
import org.jscep.client.EnrollmentResponse;
import org.jscep.client.verification.PreProvisionedCertificateVerifier;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The template editor's SCEP tab in headless Chromium (user guide 4.3.1, 6.5): Save stores the
 * settings, a newly generated passphrase and the NDES credentials together, or, when one of them is
 * refused, none of them, with the refusal shown beside its input.
 */
@RealClient
class ScepConsoleIT extends ConsoleWalk {

  private static final String NDES_USER = "ndes-script";

  private static final String NDES_ITEM = "SCEP Admin (Microsoft Compatibility)";

  private void click(String checkbox) {
    page.findElement(By.cssSelector("[id='edit:tabs:" + checkbox + "'] .ui-chkbox-box")).click();
  }

  private String fieldText(String inputId) {
    return page.findElement(
            By.xpath("//div[contains(@class,'field')][.//*[@id='edit:tabs:" + inputId + "']]"))
        .getText();
  }

  private static boolean enrolls(Client client, String commonName, String challenge)
      throws Exception {
    JscepDevice device = JscepDevice.named(commonName, challenge);
    EnrollmentResponse response =
        client.enrol(device.identity(), device.keyPair().getPrivate(), device.csr());
    return response.isSuccess();
  }

  /** The template's NDES page as a script with Basic credentials reads it. */
  private static String ndesPage(String templateId, String userPassword) throws Exception {
    HttpResponse<byte[]> reply =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(Api.BASE_URL + "/ndes/" + templateId + "/certsrv/mscep_admin/"))
                    .header(
                        "Authorization",
                        "Basic "
                            + Base64.getEncoder()
                                .encodeToString(userPassword.getBytes(StandardCharsets.UTF_8)))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, reply.statusCode());
    return new String(reply.body(), StandardCharsets.UTF_16);
  }

  /** Changes fields of the template's SCEP settings through the API. */
  private static void setScep(Api api, String templateId, JsonObjectBuilder changes) {
    JsonObjectBuilder scep =
        Json.createObjectBuilder(
            api.get("/api/v1/templates/" + templateId).json().getJsonObject("scep"));
    changes.build().forEach(scep::add);
    Api.Reply updated =
        api.put(
            "/api/v1/templates/" + templateId,
            Json.createObjectBuilder().add("scep", scep).build());
    assertEquals(200, updated.status(), updated::toString);
  }

  @Test
  void aRefusedNdesPasswordLeavesTheWholeSaveUndone() throws Exception {
    Owner owner = signedInOwnerOf("SCEP Editor Root");
    String templateId = owner.firstTemplateId();
    Api api = owner.api();
    setScep(
        api,
        templateId,
        Json.createObjectBuilder().add("enabled", true).add("staticPassphrase", true));
    String before =
        api.post(
                "/api/v1/templates/" + templateId + "/scep/passphrase",
                Json.createObjectBuilder().build())
            .json()
            .getString("passphrase");

    page.get(Api.BASE_URL + "/manage/templates/edit.xhtml?template=" + templateId);
    page.findElement(By.xpath("//a[normalize-space()='SCEP']")).click();
    visible(By.id("edit:tabs:generatePassphrase"));
    page.findElement(By.id("edit:tabs:generatePassphrase")).click();
    awaitAjax();
    String generated =
        waitUntil(
            d -> {
              String text = d.findElement(By.id("edit:tabs:passphrase")).getText();
              return text.length() == 40 ? text : null;
            });
    click("scepNdes");
    click("scepNdesBasicAuth");
    type("edit:tabs:ndesUsername", NDES_USER);
    type("edit:tabs:ndesPassword", "too short");
    page.findElement(By.id("edit:save")).click();
    awaitAjax();
    waitUntil(d -> fieldText("ndesPassword").contains("The password has 12 to 1000 characters"));
    assertFalse(page.getPageSource().contains("Internal error"));
    assertTrue(page.getCurrentUrl().contains("/manage/templates/edit.xhtml"), "still editing");
    screenshot("18-template-scep-refused-password");

    JsonObject scep = api.get("/api/v1/templates/" + templateId).json().getJsonObject("scep");
    assertFalse(scep.getBoolean("ndes"), "the settings were not stored: " + scep);
    assertFalse(scep.getBoolean("ndesBasicAuth"), scep::toString);
    Client client =
        new Client(
            new java.net.URL(Api.BASE_URL + "/pki/scep/" + templateId + "/pkiclient.exe"),
            new PreProvisionedCertificateVerifier(
                new JcaX509CertificateConverter()
                    .getCertificate(
                        Pki.certificate(
                            api.get("/api/v1/cas/" + owner.caId())
                                .json()
                                .getString("certificatePem")))));
    assertFalse(
        enrolls(client, "refused-save.example.test", generated),
        "the generated passphrase was not stored");
    assertTrue(
        enrolls(client, "kept-passphrase.example.test", before), "the old passphrase still works");

    String password = "ndes-" + UUID.randomUUID();
    type("edit:tabs:ndesPassword", password);
    page.findElement(By.id("edit:save")).click();
    awaitUrl("/manage/templates/manage.xhtml");
    awaitMessage("saved");

    scep = api.get("/api/v1/templates/" + templateId).json().getJsonObject("scep");
    assertTrue(scep.getBoolean("ndes"), scep::toString);
    assertTrue(scep.getBoolean("ndesBasicAuth"), scep::toString);
    assertTrue(enrolls(client, "saved.example.test", generated), "the new passphrase works");
    assertFalse(enrolls(client, "replaced.example.test", before), "the old one stopped working");
    assertTrue(
        ndesPage(templateId, NDES_USER + ":" + password)
            .contains("The enrollment challenge password is"),
        "the NDES credentials were stored");
    assertTrue(
        ndesPage(templateId, NDES_USER + ":too short")
            .contains("You do not have sufficient permission to enroll with SCEP."));

    // the template's service URLs name its SCEP URL and its NDES admin page
    String name = api.get("/api/v1/templates/" + templateId).json().getString("name");
    rowAction(name, "Show Template Service URLs");
    assertTrue(
        visible(By.id("url-scep")).getText().endsWith("/pki/scep/" + templateId),
        () -> page.findElement(By.id("url-scep")).getText());
    assertTrue(
        page.findElement(By.id("url-ndes-admin"))
            .getText()
            .endsWith("/ndes/" + templateId + "/certsrv/mscep_admin/"),
        () -> page.findElement(By.id("url-ndes-admin")).getText());
    screenshot("18b-template-service-urls");
    page.get(Api.BASE_URL + "/manage/templates/manage.xhtml");

    // the row's "SCEP Admin (Microsoft Compatibility)" item opens that page in a new tab
    openRowMenu(name);
    WebElement ndesItem = shownMenuItem(NDES_ITEM);
    assertTrue(
        ndesItem.getAttribute("href").endsWith("/ndes/" + templateId + "/certsrv/mscep_admin/"),
        ndesItem.getAttribute("href"));
    assertEquals("_blank", ndesItem.getAttribute("target"));

    // and is not offered while NDES is off
    setScep(api, templateId, Json.createObjectBuilder().add("ndes", false));
    page.get(Api.BASE_URL + "/manage/templates/manage.xhtml");
    openRowMenu(name);
    shownMenuItem("Edit Template");
    assertFalse(menuShows(NDES_ITEM), "no NDES page to open");
  }
}
