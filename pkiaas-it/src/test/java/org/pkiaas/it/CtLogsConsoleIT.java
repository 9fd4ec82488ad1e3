package org.pkiaas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.pkiaas.bench.Rfc6962Log;

/**
 * The template editor's CT Logs tab in headless Chromium (user guide 4.3.1): logs added, refused
 * with a message that names the row and the field, the typed values kept, saved with their keys as
 * PEM and their windows, read back by the API, then one removed.
 */
class CtLogsConsoleIT extends ConsoleWalk {

  private static final String ROW = "edit:tabs:ctLogs:";

  private static String pem(String base64) {
    StringBuilder pem = new StringBuilder("-----BEGIN PUBLIC KEY-----\n");
    for (int i = 0; i < base64.length(); i += 64) {
      pem.append(base64, i, Math.min(base64.length(), i + 64)).append('\n');
    }
    return pem.append("-----END PUBLIC KEY-----").toString();
  }

  /** Sets a date picker's or number's text as pasted, as the widgets would submit it. */
  private void paste(String inputId, String text) {
    ((JavascriptExecutor) page)
        .executeScript(
            "var e = document.getElementById(arguments[0]); e.value = arguments[1];",
            inputId,
            text);
  }

  private void number(String id, String value) {
    paste(id + "_input", value);
    paste(id + "_hinput", value);
  }

  private void openCtTab(String templateId) {
    page.get(Api.BASE_URL + "/manage/templates/edit.xhtml?template=" + templateId);
    page.findElement(By.xpath("//a[normalize-space()='CT Logs']")).click();
    visible(By.id("edit:tabs:ctAdd"));
  }

  private void add() {
    page.findElement(By.id("edit:tabs:ctAdd")).click();
    awaitAjax();
  }

  private void saveRefused(String message) {
    page.findElement(By.id("edit:save")).click();
    awaitAjax();
    waitUntil(d -> messages().contains(message));
    assertFalse(page.getPageSource().contains("Internal error"));
  }

  @Test
  void ctLogsAreAddedCheckedSavedAndRemovedInTheTemplateEditor() throws Exception {
    Owner owner = signedInOwnerOf("CT Editor Root");
    String templateId = owner.firstTemplateId();
    try (Rfc6962Log one = new Rfc6962Log(0);
        Rfc6962Log two = new Rfc6962Log(0)) {
      openCtTab(templateId);
      add();
      add();
      type(ROW + "0:ctUrl", one.url());
      type(ROW + "0:ctKey", pem(one.publicKey()));
      type(ROW + "1:ctUrl", "ftp://log.example.test");
      type(ROW + "1:ctKey", "not a key");
      assertEquals(List.of(), unlabelledInputs(), "every input of a log has a label");
      saveRefused("CT log 2: The log URL is an http or https URL");
      assertEquals(
          one.url(),
          page.findElement(By.id(ROW + "0:ctUrl")).getDomProperty("value"),
          "what was typed is kept");
      assertTrue(
          page.findElement(By.id("edit:tabs:ctSection")).getText().contains("The log URL is"),
          "the message sits beside the log's inputs too");

      type(ROW + "1:ctUrl", two.url());
      saveRefused("CT log 2: The log key is the base64 of its DER SubjectPublicKeyInfo");

      type(ROW + "1:ctKey", pem(two.publicKey()));
      paste(ROW + "0:ctFrom_input", "2027-01-01");
      paste(ROW + "0:ctUntil_input", "2026-07-01");
      saveRefused("CT log 1: The log's window ends after it starts");

      paste(ROW + "0:ctUntil_input", "2028-01-01");
      number("edit:tabs:sctsRequired", "3");
      saveRefused("Between 1 and the number of logs (2) SCTs can be required");

      number("edit:tabs:sctsRequired", "2");
      number(ROW + "1:ctTimeout", "2500");
      screenshot("17-template-ct-logs");
      page.findElement(By.id("edit:save")).click();
      awaitUrl("/manage/templates/manage.xhtml");
      awaitMessage("saved");

      JsonObject ct =
          owner
              .api()
              .get("/api/v1/templates/" + templateId)
              .json()
              .getJsonObject("certificateTransparency");
      assertEquals(2, ct.getInt("sctsRequired"), ct::toString);
      JsonObject first = ct.getJsonArray("logs").getJsonObject(0);
      JsonObject second = ct.getJsonArray("logs").getJsonObject(1);
      assertEquals(one.url(), first.getString("url"));
      assertEquals(one.publicKey(), first.getString("publicKey"), "the PEM is stored as its key");
      assertEquals("2027-01-01T00:00:00Z", first.getString("notAfterFrom"));
      assertEquals("2028-01-01T00:00:00Z", first.getString("notAfterUntil"));
      assertEquals(two.url(), second.getString("url"));
      assertEquals(2500, second.getInt("timeoutMillis"));

      openCtTab(templateId);
      assertTrue(
          page.findElement(By.id(ROW + "0:ctKey"))
              .getDomProperty("value")
              .startsWith("-----BEGIN PUBLIC KEY-----"),
          "the key is shown as PEM");
      assertEquals(
          "2027-01-01", page.findElement(By.id(ROW + "0:ctFrom_input")).getDomProperty("value"));
      page.findElement(By.id(ROW + "0:ctRemove")).click();
      awaitAjax();
      assertEquals(two.url(), page.findElement(By.id(ROW + "0:ctUrl")).getDomProperty("value"));
      assertTrue(page.findElements(By.id(ROW + "1:ctUrl")).isEmpty(), "one log is left");
      number("edit:tabs:sctsRequired", "");
      page.findElement(By.id("edit:save")).click();
      awaitUrl("/manage/templates/manage.xhtml");
      awaitMessage("saved");
      ct =
          owner
              .api()
              .get("/api/v1/templates/" + templateId)
              .json()
              .getJsonObject("certificateTransparency");
      assertEquals(1, ct.getJsonArray("logs").size(), ct::toString);
      assertEquals(two.url(), ct.getJsonArray("logs").getJsonObject(0).getString("url"));
    }
  }
}
