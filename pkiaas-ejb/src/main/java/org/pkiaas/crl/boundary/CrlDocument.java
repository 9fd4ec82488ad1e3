package org.pkiaas.crl.boundary;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Objects;
import org.pkiaas.crl.control.ChunkedBytes;

/**
 * A signed CRL ready to serve: its DER and the facts HTTP caching and staleness checks need.
 *
 * @param baseNumber the complete CRL a delta CRL refers to (RFC 5280 §5.2.4), or null for a
 *     complete CRL
 * @param revision the CA's status revision the CRL reflects
 */
public record CrlDocument(
    String caId,
    long number,
    Long baseNumber,
    long revision,
    long entries,
    Instant thisUpdate,
    Instant nextUpdate,
    ChunkedBytes der) {

  public CrlDocument {
    Objects.requireNonNull(caId);
    Objects.requireNonNull(thisUpdate);
    Objects.requireNonNull(nextUpdate);
    Objects.requireNonNull(der);
  }

  public boolean delta() {
    return baseNumber != null;
  }

  /** Still within its validity: a client may rely on it until nextUpdate. */
  public boolean validAt(Instant now) {
    return now.isBefore(nextUpdate);
  }

  /** Quoted, strong HTTP entity tag: the CRL number identifies the content. */
  public String entityTag() {
    return "\"" + caId + "-" + number + "\"";
  }

  /** The DER's length in bytes, for Content-Length. */
  public long size() {
    return der.size();
  }

  /** Writes the DER, block by block, without copying it into one array. */
  public void writeTo(OutputStream out) throws IOException {
    der.writeTo(out);
  }
}
