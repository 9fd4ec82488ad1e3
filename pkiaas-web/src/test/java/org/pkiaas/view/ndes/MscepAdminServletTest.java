package org.pkiaas.view.ndes;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.pkiaas.scep.boundary.NdesChallenges;

/**
 * The NDES page's sentences, as the parsers of NDES integrations look for them (Fleet's pattern,
 * and scripts that take the 16 hex digits after the sentence).
 */
class MscepAdminServletTest {

  @Test
  void thePasswordPageMatchesFleetsPattern() {
    String html =
        MscepAdminServlet.html(
            new NdesChallenges.Password("8CE317021F690069", "A656FA66 AB12B433 A2DA5CF7 CC153D9A"));
    var fleet = Pattern.compile("(?i)The enrollment challenge password is: <B> (?<password>\\S*)");
    var matcher = fleet.matcher(html);
    assertTrue(matcher.find());
    assertTrue(matcher.group("password").equals("8CE317021F690069"));
    assertTrue(
        html.contains(
            "The thumbprint (hash value) for the CA certificate is: <B> A656FA66 AB12B433"
                + " A2DA5CF7 CC153D9A </B>"));
    assertTrue(html.contains("<Title>Network Device Enrollment Service</Title>"));
  }

  @Test
  void cacheFullAndNoPermission() {
    assertTrue(
        MscepAdminServlet.html(new NdesChallenges.CacheFull())
            .contains("The password cache is full."));
    assertTrue(
        MscepAdminServlet.html(new NdesChallenges.NotAllowed(false))
            .contains(
                "You do not have sufficient permission to enroll with SCEP.  Please contact your"
                    + " system administrator."));
  }
}
