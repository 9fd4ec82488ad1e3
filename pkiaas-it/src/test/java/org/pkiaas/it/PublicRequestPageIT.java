package org.pkiaas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A template's public request page, in headless Chromium: closed while the template says so, then a
 * form request.
 */
class PublicRequestPageIT extends ServerIT {

  @TempDir Path dir;

  @Test
  void anyoneRequestsACertificateThroughThePage() {
    Api owner = Api.newUser();
    String caId =
        owner
            .post(
                "/api/v1/cas",
                CertificateAuthoritiesIT.ca("Public Page Root").add("keyType", "EC").build())
            .json()
            .getString("id");
    JsonObject template =
        owner
            .post(
                "/api/v1/cas/" + caId + "/templates",
                Json.createObjectBuilder()
                    .add("name", "Staff mail")
                    .add("starter", "SMIME")
                    .build())
            .json();
    String id = template.getString("id");
    String page = template.getJsonObject("urls").getString("publicRequest");
    assertEquals(Api.BASE_URL + "/request.html?template=" + id, page);

    try (HeadlessChromium browser = HeadlessChromium.start(dir)) {
      var driver = browser.driver();
      var wait = new WebDriverWait(driver, Duration.ofSeconds(20));
      driver.get(page);
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
      assertTrue(driver.findElement(By.id("error")).getText().contains("does not take requests"));

      owner.put(
          "/api/v1/templates/" + id,
          Json.createObjectBuilder()
              .add(
                  "general",
                  Json.createObjectBuilder(template.getJsonObject("general"))
                      .add("allowPublicRequests", true))
              .build());
      driver.get(page);
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("request-form")));
      assertTrue(driver.findElement(By.id("san-types")).getText().contains("EMAIL"));
      String email = "staff-" + UUID.randomUUID().toString().substring(0, 6) + "@example.test";
      driver.findElement(By.id("email")).sendKeys(email);
      driver.findElement(By.id("commonName")).sendKeys("Staff Member");
      driver.findElement(By.id("sans")).sendKeys("DNS:not-allowed.example.test");
      driver.findElement(By.id("submit")).click();
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(By.id("error"), "does not allow DNS"));

      driver.findElement(By.id("sans")).clear();
      driver.findElement(By.id("sans")).sendKeys("EMAIL:" + email);
      driver.findElement(By.id("submit")).click();
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("done")));
      assertEquals(email, driver.findElement(By.id("done-email")).getText());
    }
    var pending = owner.get("/api/v1/cas/" + caId + "/requests?status=PENDING").array();
    assertEquals(1, pending.size());
    JsonObject request = pending.getJsonObject(0);
    assertEquals("PUBLIC", request.getString("kind"));
    assertEquals("CN=Staff Member", request.getString("subject"));
    assertEquals(email(request), request.getString("requesterEmail"));
  }

  private static String email(JsonObject request) {
    return request.getJsonArray("subjectAltNames").getString(0).substring("EMAIL:".length());
  }
}
