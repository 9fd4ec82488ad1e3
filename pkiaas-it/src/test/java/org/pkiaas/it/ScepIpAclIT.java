package org.pkiaas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SCEP IP list (user guide 6.6), with two loopback addresses as two clients: curl binds to
 * 127.0.0.1 or 127.0.0.2; only the listed one reaches the SCEP URL, and the NDES page follows the
 * list only when its scope says so.
 */
class ScepIpAclIT extends ServerIT {

  @TempDir Path dir;

  private String status(String from, String url) {
    return Tools.ok(
            dir, "curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "--interface", from, url)
        .trim();
  }

  @Test
  void onlyListedAddressesReachTheScepUrl() {
    ScepFixture scep = new ScepFixture("SCEP ACL Root", "RSA");
    scep.set(
        "scep",
        Json.createObjectBuilder()
            .add("ipAcl", true)
            .add("ipAclList", "127.0.0.1/32, 10.0.0.0/8")
            .add("ipAclScope", "SCEP")
            .add("ndes", true));
    String caps = scep.url() + "?operation=GetCACaps";
    String ndes = Api.BASE_URL + "/ndes/" + scep.templateId() + "/certsrv/mscep_admin/";
    assertEquals("200", status("127.0.0.1", caps));
    assertEquals("403", status("127.0.0.2", caps));
    assertEquals("403", status("127.0.0.2", scep.url() + "?operation=GetCACert"));
    // the NDES page is outside this list's scope: it answers (no permission for an anonymous
    // caller), not 403
    assertEquals("200", status("127.0.0.2", ndes));

    scep.set("scep", Json.createObjectBuilder().add("ipAclScope", "BOTH"));
    assertEquals("403", status("127.0.0.2", ndes));
    assertEquals("200", status("127.0.0.1", ndes));
  }
}
