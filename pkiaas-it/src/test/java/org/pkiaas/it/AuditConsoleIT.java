package org.pkiaas.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The console's audit page in headless Chromium: its integrity indicator, before and after a row is
 * edited in the database.
 */
class AuditConsoleIT extends ConsoleWalk {

  @Deployment(name = AuditTamper.DEPLOYMENT, testable = false)
  public static WebArchive tamper() {
    return AuditTamper.war();
  }

  @Test
  void theAuditPageShowsWhetherTheChainHolds() {
    Owner owner = signedInOwnerOf("Console Audit Root");
    page.get(Api.BASE_URL + "/manage/account/audit.xhtml");
    assertTrue(page.findElement(By.id("audit:integrity")).getText().contains("Not verified"));
    page.findElement(By.id("audit:verify")).click();
    awaitAjax();
    String intact = waitUntil(d -> d.findElement(By.id("audit:intact"))).getText();
    assertTrue(intact.startsWith("Intact"), intact);

    JsonObject victim =
        AuditLogIT.events(owner.api()).getValuesAs(JsonObject.class).stream()
            .filter(e -> "ca.create".equals(e.getString("action")))
            .findFirst()
            .orElseThrow();
    AuditTamper.edit(victim.getString("id"), "created by someone else");
    page.findElement(By.id("audit:verify")).click();
    awaitAjax();
    String broken = waitUntil(d -> d.findElement(By.id("audit:broken"))).getText();
    assertTrue(broken.contains("Broken") && broken.contains(victim.getString("id")), broken);
    assertTrue(page.findElements(By.id("audit:intact")).isEmpty());
  }
}
