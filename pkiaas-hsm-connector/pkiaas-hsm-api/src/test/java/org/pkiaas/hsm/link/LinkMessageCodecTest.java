package org.pkiaas.hsm.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pkiaas.hsm.link.LinkMessage.BatchItem;
import org.pkiaas.hsm.link.LinkMessage.SignBatch;
import org.pkiaas.hsm.link.LinkMessage.SignBatchResponse;
import org.pkiaas.hsm.link.LinkMessage.SignRequest;
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

  private static SignBatch batch(int size) {
    List<BatchItem> items = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      SignatureScheme scheme =
          i % 2 == 0 ? SignatureScheme.SHA256_WITH_ECDSA : SignatureScheme.SHA384_WITH_RSA;
      byte[] digest = new byte[scheme.digestLength()];
      digest[0] = (byte) i;
      items.add(new BatchItem(UUID.randomUUID(), new SignRequest(scheme, digest)));
    }
    return new SignBatch(items);
  }

  @Test
  void batchAndItsAnswerSurviveARoundTrip() throws Exception {
    SignBatch batch = batch(LinkMessage.MAX_BATCH);
    SignBatch decoded =
        (SignBatch)
            LinkMessageCodec.decode(LinkMessageCodec.encode(LinkMessage.create(KEY, "", batch)))
                .body();
    assertEquals(batch.items().size(), decoded.items().size());
    for (int i = 0; i < batch.items().size(); i++) {
      assertEquals(batch.items().get(i).id(), decoded.items().get(i).id());
      assertEquals(
          batch.items().get(i).request().scheme(), decoded.items().get(i).request().scheme());
      assertArrayEquals(
          batch.items().get(i).request().digest(), decoded.items().get(i).request().digest());
    }

    UUID signed = UUID.randomUUID();
    UUID failed = UUID.randomUUID();
    SignBatchResponse answer =
        new SignBatchResponse(
            List.of(
                new SignResponse(signed, new byte[] {7, 8, 9}, ""),
                new SignResponse(failed, new byte[0], "token busy")));
    SignBatchResponse back =
        (SignBatchResponse)
            LinkMessageCodec.decode(
                    LinkMessageCodec.encode(LinkMessage.create(KEY, "cd".repeat(32), answer)))
                .body();
    assertEquals(signed, back.responses().get(0).inReplyTo());
    assertArrayEquals(new byte[] {7, 8, 9}, back.responses().get(0).signature());
    assertEquals(failed, back.responses().get(1).inReplyTo());
    assertEquals("token busy", back.responses().get(1).failure());
  }

  @Test
  void batchesOfNoneTooManyOrRepeatedRequestsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new SignBatch(List.of()));
    assertThrows(IllegalArgumentException.class, () -> batch(LinkMessage.MAX_BATCH + 1));
    BatchItem item = batch(1).items().get(0);
    assertThrows(IllegalArgumentException.class, () -> new SignBatch(List.of(item, item)));
    assertThrows(IllegalArgumentException.class, () -> new SignBatchResponse(List.of()));

    byte[] encoded = LinkMessageCodec.encode(LinkMessage.create(KEY, "", batch(2)));
    int count = 1 + 16 + 8 + 2 + 64 + 2 + 1; // version, id, time, key id, empty recipient, tag
    assertEquals(2, encoded[count]);
    for (int impossible : new int[] {0, LinkMessage.MAX_BATCH + 1}) {
      byte[] changed = encoded.clone();
      changed[count] = (byte) impossible;
      LinkRefusedException refused =
          assertThrows(LinkRefusedException.class, () -> LinkMessageCodec.decode(changed));
      assertEquals("Link batch of impossible size", refused.getMessage());
    }
    byte[] oneMore = encoded.clone();
    oneMore[count] = 3;
    assertThrows(LinkRefusedException.class, () -> LinkMessageCodec.decode(oneMore));
  }
}
