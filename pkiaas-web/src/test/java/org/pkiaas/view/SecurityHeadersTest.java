package org.pkiaas.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SecurityHeadersTest {

  /** The policy PrimeFaces sends with Faces pages, as web.xml configures it. */
  private static String configuredFacesPolicy() throws Exception {
    String webXml = Files.readString(Path.of("src/main/webapp/WEB-INF/web.xml"));
    Matcher matcher =
        Pattern.compile(
                "<param-name>primefaces\\.CSP_POLICY</param-name>\\s*<param-value>([^<]*)</param-value>")
            .matcher(webXml);
    assertTrue(matcher.find(), "web.xml configures primefaces.CSP_POLICY");
    assertTrue(
        Pattern.compile(
                "<param-name>primefaces\\.CSP</param-name>\\s*<param-value>true</param-value>")
            .matcher(webXml)
            .find(),
        "web.xml switches PrimeFaces' CSP mode on");
    return matcher.group(1).replace("&apos;", "'");
  }

  @Test
  void facesPagesGetThePolicyThisClassDocuments() throws Exception {
    assertEquals(SecurityHeaders.FACES_POLICY, configuredFacesPolicy());
  }

  @Test
  void facesPolicyAllowsNoInlineOrEvaluatedScript() {
    String policy = SecurityHeaders.FACES_POLICY;
    // PrimeFaces appends its nonce to the last directive, so script-src must be last.
    assertTrue(policy.endsWith("; script-src 'self'"), policy);
    assertFalse(policy.contains("unsafe-eval"), policy);
    String scripts = policy.substring(policy.lastIndexOf("script-src"));
    assertFalse(scripts.contains("unsafe-inline"), scripts);
    assertTrue(
        policy.contains("frame-ancestors 'none'") && policy.contains("object-src 'none'"), policy);
  }
}
