package org.pkiaas.acme.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ChallengeChecksTest {

  /**
   * RFC 8555 §8.1 and §8.4: key authorization, and the base64url SHA-256 digest a TXT record holds.
   */
  @Test
  void theDns01DigestIsTheKeyAuthorizationsSha256() {
    String keyAuthorization =
        ChallengeChecks.keyAuthorization(
            "evaGxfADs6pSRb2LAv9IZf17Dt3juxGJ-PCt92wr-oA",
            "9jg46WB3rR_AHD-EBXdN7cBkH1WOu0tA3M9fm21mqTI");
    assertEquals(
        "evaGxfADs6pSRb2LAv9IZf17Dt3juxGJ-PCt92wr-oA.9jg46WB3rR_AHD-EBXdN7cBkH1WOu0tA3M9fm21mqTI",
        keyAuthorization);
    assertEquals(
        "lCM7cZyQXcVHK2nnW3jjAhNT3Fvm18UN-kWZZknKoYM", ChallengeChecks.digest(keyAuthorization));
  }
}
