package org.pkiaas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.bouncycastle.tsp.TimeStampResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A CA's time-stamp authority in headless Chromium: the TSA URL in the service-URLs modal, turned
 * off and on with its policies on the Edit CA page (a malformed policy refused beside its field,
 * the URL gone from the modal and {@code openssl ts} answered 404 while off), then the Time Stamps
 * page listing what the CA stamped and finding one token by the hash openssl stamped.
 */
class TimestampingConsoleIT extends ConsoleWalk {

  @TempDir Path dir;

  private OpensslTs ts;

  private void openEditPage(String caName) {
    navigate("Manage CAs");
    rowAction(caName, "Edit CA");
    awaitUrl("/manage/cas/edit.xhtml");
    visible(By.id("edit:defaultPolicy"));
  }

  private boolean tsaUrlInTheModal(String caName) {
    navigate("Manage CAs");
    rowAction(caName, "Show CA Service URLs");
    visible(By.id("url-ocsp"));
    boolean shown = !page.findElements(By.id("url-tsa")).isEmpty();
    page.findElement(By.cssSelector("#urls-dialog .ui-dialog-titlebar-close")).click();
    return shown;
  }

  private void toggleTimestamping() {
    page.findElement(By.cssSelector("[id='edit:tsaEnabled'] .ui-chkbox-box")).click();
  }

  private List<WebElement> rows() {
    return page.findElements(By.cssSelector("[id='timestamps:table'] tbody tr .serial"));
  }

  @Test
  void timestampingIsSwitchedAndItsTokensAreFoundInTheConsole() throws Exception {
    String caName = "TSA Console Root";
    Owner owner = signedInOwnerOf(caName);
    String caId = owner.caId();
    ts = new OpensslTs(dir);
    ts.write("ca.pem", owner.api().get("/api/v1/cas/" + caId).json().getString("certificatePem"));
    TimeStampResponse first = new TimeStampResponse(ts.stamp(caId, "-sha256", "-cert").bytes());
    String imprint = ts.sha256OfDocument();
    ts.stamp(caId, "-sha512");
    assertTrue(tsaUrlInTheModal(caName), "the modal shows the TSA URL while it answers");

    openEditPage(caName);
    assertTrue(page.findElement(By.id("edit:tsaEnabled_input")).isSelected());
    assertEquals(List.of(), unlabelledInputs(), "every input of Edit CA has a label");
    type("edit:defaultPolicy", "1.3.6.1.4.1.99999.1");
    type("edit:acceptedPolicies", "1.3.6.1.4.1.99999.2\nnot-an-oid");
    toggleTimestamping();
    page.findElement(By.id("edit:save")).click();
    awaitAjax();
    waitUntil(
        d -> d.findElement(By.id("content")).getText().contains("Policy 2: A policy is an object"));
    assertEquals(
        "1.3.6.1.4.1.99999.2\nnot-an-oid",
        page.findElement(By.id("edit:acceptedPolicies")).getDomProperty("value"),
        "what was typed is kept");
    assertTrue(
        owner.api().get("/api/v1/cas/" + caId + "/timestamping").json().getBoolean("enabled"),
        "a refused policy changes nothing");

    type("edit:acceptedPolicies", "1.3.6.1.4.1.99999.2");
    page.findElement(By.id("edit:save")).click();
    awaitMessage("Saved");
    screenshot("18-ca-timestamping");
    JsonObject saved = owner.api().get("/api/v1/cas/" + caId + "/timestamping").json();
    assertFalse(saved.getBoolean("enabled"), saved::toString);
    assertEquals("1.3.6.1.4.1.99999.1", saved.getString("defaultPolicy"));
    assertEquals(
        List.of(Json.createValue("1.3.6.1.4.1.99999.2")), saved.getJsonArray("acceptedPolicies"));
    assertEquals(404, ts.stamp(caId, "-sha256").status(), "off answers 404");
    assertFalse(tsaUrlInTheModal(caName), "nor is it in the modal");

    openEditPage(caName);
    assertFalse(page.findElement(By.id("edit:tsaEnabled_input")).isSelected());
    assertEquals(
        "1.3.6.1.4.1.99999.1",
        page.findElement(By.id("edit:defaultPolicy")).getDomProperty("value"));
    toggleTimestamping();
    page.findElement(By.id("edit:save")).click();
    awaitMessage("Saved");
    assertTrue(tsaUrlInTheModal(caName));
    ts.stamp(caId, "-sha256", "-tspolicy", "1.3.6.1.4.1.99999.2");
    assertTrue(ts.replyText().contains("Policy OID: 1.3.6.1.4.1.99999.2"), ts.replyText());

    navigate("Time Stamps");
    waitUntil(d -> rows().size() == 3);
    assertTrue(
        page.findElement(By.id("timestamps:table")).getText().contains("1.3.6.1.4.1.99999.2"));
    assertEquals(List.of(), unlabelledInputs(), "every input of Time Stamps has a label");
    type("timestamps:imprint", "xyz");
    page.findElement(By.id("timestamps:search")).click();
    waitUntil(d -> d.findElement(By.id("content")).getText().contains("The imprint is the hash"));
    type("timestamps:imprint", imprint.toUpperCase());
    page.findElement(By.id("timestamps:search")).click();
    awaitAjax();
    waitUntil(d -> rows().size() == 1);
    screenshot("19-time-stamps");
    assertEquals(
        first.getTimeStampToken().getTimeStampInfo().getSerialNumber(),
        new BigInteger(rows().get(0).getText().trim(), 16));
    String row = page.findElement(By.id("timestamps:table")).getText();
    assertTrue(row.contains(imprint) && row.contains("SHA256"), row);

    Api stranger = Api.newUser();
    Api.Reply strangers =
        stranger.post("/api/v1/cas", CertificateAuthoritiesIT.ca("TSA Stranger Root").build());
    assertEquals(201, strangers.status(), strangers::toString);
    for (String path : List.of("timestamps", "edit")) {
      page.get(
          Api.BASE_URL + "/manage/cas/" + path + ".xhtml?ca=" + strangers.json().getString("id"));
      assertFalse(page.findElements(By.id("not-found")).isEmpty(), "another's CA is not found");
    }
  }
}
