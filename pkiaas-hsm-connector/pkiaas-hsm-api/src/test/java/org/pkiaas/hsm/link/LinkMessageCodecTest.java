package org.pkiaas.hsm.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pkiaas.hsm.link.LinkMessage.SignResponse;

class LinkMessageCodecTest {

  private static final KeyId KEY = new KeyId("ab".repeat(32));

  @Test
  void responseSurvivesARoundTrip() throws Exception {
    UUID request = UUID.randomUUID();
    LinkMessage message =
        LinkMessage.create(KEY, "cd".repeat(32), new SignResponse(request, new byte[] {1, 2}, ""));
    LinkMessage decoded = LinkMessageCodec.decode(LinkMessageCodec.encode(message));
    assertEquals(message.messageId(), decoded.messageId());
    assertEquals(message.issuedAt().toEpochMilli(), decoded.issuedAt().toEpochMilli());
    assertEquals(KEY, decoded.keyId());
    SignResponse body = (SignResponse) decoded.body();
    assertEquals(request, body.inReplyTo());
    assertArrayEquals(new byte[] {1, 2}, body.signature());
  }

  @Test
  void truncatedAndTrailingBytesAreRefused() {
    byte[] encoded =
        LinkMessageCodec.encode(
            LinkMessage.create(KEY, "", new SignResponse(UUID.randomUUID(), new byte[0], "no")));
    byte[] truncated = Arrays.copyOf(encoded, encoded.length - 1);
    byte[] trailing = Arrays.copyOf(encoded, encoded.length + 1);
    assertThrows(LinkRefusedException.class, () -> LinkMessageCodec.decode(truncated));
    assertThrows(LinkRefusedException.class, () -> LinkMessageCodec.decode(trailing));
  }

  @Test
  void responseWithBothSignatureAndFailureIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new SignResponse(UUID.randomUUID(), new byte[] {1}, "and failed"));
  }
}
