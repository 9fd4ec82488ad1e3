package org.pkiaas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The console's HSM provisioning flow (user guide 10.3) in a headless browser, with the real agent
 * on a SoftHSM2 token: Create New CA with HSM key storage, the HSM provisioning certificate page
 * and its download, the CA menu's "Download HSM Provisioning Certificate", and the import that
 * binds the CA to the token's key. Screenshots land in {@code target/screenshots/}.
 */
@RealClient
class HsmConsoleIT extends ConsoleWalk {

  @TempDir Path agentDir;

  @Test
  void anHsmRootIsCreatedProvisionedAndImportedInTheConsole() throws Exception {
    Owner owner = signedInOwnerOf("Console Software Root");
    String name = "Console HSM Root";

    navigate("Create New CA");
    type("create:commonName", name);
    choose("create:keyStorage", "HSM");
    choose("create:keyType", "EC");
    screenshot("40-create-hsm-ca");
    page.findElement(By.id("create:submit")).click();
    awaitUrl("/manage/cas/hsm.xhtml?ca=");
    String shown = page.findElement(By.id("hsm:pem")).getDomProperty("value");
    List<X509CertificateHolder> file = Pki.certificates(shown);
    assertEquals(2, file.size(), "the template, then the server's link certificate");
    assertEquals("CN=" + name, file.get(0).getSubject().toString());
    screenshot("41-hsm-provisioning-certificate");
    page.findElement(By.id("hsm:download")).click();
    Path downloaded = chromium.awaitDownload("Console-HSM-Root-hsm-provisioning.pem", PATIENCE);
    assertEquals(shown.strip(), Files.readString(downloaded).strip());

    HsmAgent agent = new HsmAgent(agentDir).initToken("hsm-console-it");
    agent.generate("console", "p-256");
    String rootPem = agent.provision("console", Files.readString(downloaded), "self-signed");
    agent.start("console");
    try {
      page.findElement(By.linkText("import the certificate")).click();
      awaitUrl("/manage/cas/import.xhtml?ca=");
      type("import:certificatePem", rootPem);
      screenshot("42-import-hsm-certificate");
      // the guide's "start the device, then import": until the server hears the agent, it says so
      for (int attempt = 1; ; attempt++) {
        page.findElement(By.id("import:submit")).click();
        waitUntil(
            d ->
                d.getCurrentUrl().contains("/manage/cas/manage.xhtml")
                    || d.getPageSource().contains("is offline"));
        if (page.getCurrentUrl().contains("/manage/cas/manage.xhtml") || attempt == 10) {
          break;
        }
        Thread.sleep(1000);
      }
      awaitUrl("/manage/cas/manage.xhtml");
      awaitMessage("is active and ready to issue certificates");
      String row =
          page.findElement(By.xpath("//tr[.//span[normalize-space()='" + name + "']]")).getText();
      assertTrue(row.contains("Active"), row);
      assertTrue(row.contains("HSM device online"), row);
      screenshot("43-hsm-ca-online");

      rowAction(name, "Download HSM Provisioning Certificate");
      awaitUrl("/manage/cas/hsm.xhtml?ca=");
      assertEquals(
          "CN=" + name,
          Pki.certificates(page.findElement(By.id("hsm:pem")).getDomProperty("value"))
              .get(0)
              .getSubject()
              .toString());
      assertTrue(
          owner.api().get("/api/v1/audit?size=500").text().contains("ca.certificate.import"),
          "the import is audited");
    } finally {
      agent.stop();
    }
  }
}
