package org.pkiaas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The CA's public CPS page (/cps/{caId}, the URL in certificate policies) and its renewal form, in
 * headless Chromium.
 */
class CpsPageIT extends ServerIT {

  @TempDir Path dir;

  @Test
  void cpsPageShowsTheStatementAndRenewsACertificate() throws Exception {
    Api owner = Api.newUser();
    String caId =
        owner
            .post(
                "/api/v1/cas", CertificateAuthoritiesIT.ca("CPS Root").add("keyType", "EC").build())
            .json()
            .getString("id");
    owner.patch(
        "/api/v1/cas/" + caId,
        Json.createObjectBuilder().add("cpsText", "We issue to staff only.").build());
    JsonObject template =
        owner
            .post(
                "/api/v1/cas/" + caId + "/templates",
                Json.createObjectBuilder()
                    .add("name", "Renewable")
                    .add("starter", "CLIENT_AUTHENTICATION")
                    .build())
            .json();
    owner.put(
        "/api/v1/templates/" + template.getString("id"),
        Json.createObjectBuilder()
            .add(
                "general",
                Json.createObjectBuilder(template.getJsonObject("general"))
                    .add("renewalAllowed", true)
                    .add("renewalWindowDays", 400))
            .build());
    Tools.ok(
        dir,
        "openssl",
        "req",
        "-new",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-nodes",
        "-keyout",
        "current.key",
        "-out",
        "first.csr",
        "-subj",
        "/CN=staff");
    String request =
        owner
            .post(
                "/api/v1/templates/" + template.getString("id") + "/requests",
                Json.createObjectBuilder()
                    .add("csr", Files.readString(dir.resolve("first.csr")))
                    .build())
            .json()
            .getString("id");
    assertEquals(
        200,
        owner
            .post("/api/v1/requests/" + request + "/sign", Json.createObjectBuilder().build())
            .status());
    Tools.ok(
        dir,
        "openssl",
        "req",
        "-new",
        "-key",
        "current.key",
        "-out",
        "renewal.csr",
        "-subj",
        "/CN=renewal");

    String cpsUrl = owner.get("/api/v1/cas/" + caId + "/urls").json().getString("cps");
    assertEquals(Api.BASE_URL + "/cps/" + caId, cpsUrl);
    try (HeadlessChromium browser = HeadlessChromium.start(dir)) {
      var driver = browser.driver();
      var wait = new WebDriverWait(driver, Duration.ofSeconds(20));
      driver.get(cpsUrl);
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("statement")));
      assertEquals(
          "CPS Root: certification practice statement",
          driver.findElement(By.id("title")).getText());
      assertEquals("We issue to staff only.", driver.findElement(By.id("cps-text")).getText());

      driver.findElement(By.id("csr")).sendKeys("not a csr");
      driver.findElement(By.id("renew")).click();
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
      assertTrue(driver.findElement(By.id("error")).getText().contains("CSR"));

      driver.findElement(By.id("csr")).clear();
      driver.findElement(By.id("csr")).sendKeys(Files.readString(dir.resolve("renewal.csr")));
      driver.findElement(By.id("renew")).click();
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("renewed")));
      String pem = driver.findElement(By.id("certificate")).getAttribute("value");
      assertEquals(
          "CN=staff",
          Pki.certificates(pem).get(0).getSubject().toString(),
          "subject copied from the old certificate");
      assertEquals(2, Pki.certificates(pem).size());
    }
    assertEquals(
        2,
        owner
            .get("/api/v1/cas/" + caId + "/certificates?templateId=" + template.getString("id"))
            .total());

    try (HeadlessChromium browser = HeadlessChromium.start(dir.resolve("second"))) {
      browser.driver().get(Api.BASE_URL + "/cps/no-such-ca");
      new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
          .until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
      assertTrue(browser.driver().findElement(By.id("error")).getText().contains("was not found"));
    }
  }
}
