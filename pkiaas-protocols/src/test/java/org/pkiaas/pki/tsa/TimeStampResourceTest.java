package org.pkiaas.pki.tsa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How {@link TimeStampResource} reads the Content-Type that picks the protocol. */
class TimeStampResourceTest {

  @Test
  void mediaTypeIgnoresParametersAndCase() {
    assertEquals(
        "application/timestamp-query", TimeStampResource.mediaType("Application/TimeStamp-Query"));
    assertEquals(
        "application/octet-stream",
        TimeStampResource.mediaType("application/octet-stream; charset=binary"));
    assertEquals("", TimeStampResource.mediaType(null));
  }
}
