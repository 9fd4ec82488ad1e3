package org.pkiaas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A CA's rollover from Manage CAs in headless Chromium: prepare the successor, then activate it.
 */
@RealClient
class CaRolloverConsoleIT extends ConsoleWalk {

  @Test
  void aSuccessorIsPreparedAndActivatedFromTheConsole() throws Exception {
    Owner owner = signedInOwnerOf("Console Rollover Root");
    String templateId = owner.firstTemplateId();
    navigate("Manage CAs");

    rowAction("Console Rollover Root", "Prepare Successor (new key)");
    visible(By.id("prepare-successor:confirm")).click();
    awaitMessage("The successor of 'Console Rollover Root' is ready with its new key");
    List<JsonObject> cas =
        owner.api().get("/api/v1/cas").array().stream().map(JsonValue::asJsonObject).toList();
    assertEquals(2, cas.size(), cas::toString);
    JsonObject successor =
        cas.stream()
            .filter(c -> owner.caId().equals(c.getString("predecessorId", null)))
            .findFirst()
            .orElseThrow();
    assertEquals("NEXT", successor.getString("status"));

    rowAction("Next", "Activate Successor");
    String warning = visible(By.cssSelector("#activate-successor-dialog .warning")).getText();
    assertTrue(warning.contains("retired") && warning.contains("keep answering"), warning);
    page.findElement(By.id("activate-successor:confirm")).click();
    awaitMessage("now issues for its templates");
    String successorId = successor.getString("id");
    assertEquals(
        "ACTIVE", owner.api().get("/api/v1/cas/" + successorId).json().getString("status"));
    assertEquals(
        "RETIRED", owner.api().get("/api/v1/cas/" + owner.caId()).json().getString("status"));
    assertEquals(
        successorId,
        owner.api().get("/api/v1/templates/" + templateId).json().getString("caId"),
        "the template moved");
  }
}
