package org.pkiaas.pki.acme;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.pkiaas.config.PkiaasConfig;

/** The JSON fixtures under {@code src/test/resources/acme/}, and URLs under their base. */
final class AcmeFixtures {

  static final String BASE = "https://pki.example.com";

  private AcmeFixtures() {}

  /** The fixture's text with each {@code ${name}} replaced by its value. */
  static String text(String name, Map<String, String> values) {
    try (InputStream in = AcmeFixtures.class.getResourceAsStream("/acme/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("No fixture " + name);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (var value : values.entrySet()) {
        text = text.replace("${" + value.getKey() + "}", value.getValue());
      }
      return text;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonObject json(String name, Map<String, String> values) {
    return JsonP.JSON.createReader(new StringReader(text(name, values))).readObject();
  }

  static JsonObject json(String name) {
    return json(name, Map.of());
  }

  /** The ACME URLs of a server whose public URL is {@link #BASE}. */
  static AcmeUrls urls() {
    AcmeUrls urls = new AcmeUrls();
    urls.config =
        new PkiaasConfig() {
          @Override
          public String publicUrl() {
            return BASE;
          }
        };
    return urls;
  }
}
