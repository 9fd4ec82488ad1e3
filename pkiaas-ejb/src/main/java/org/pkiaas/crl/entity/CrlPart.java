package org.pkiaas.crl.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** One piece of a stored CRL's DER, at most a megabyte, so no row comes near a packet limit. */
@Entity
@Table(name = "crl_part")
@IdClass(CrlPart.Key.class)
@NamedQuery(
    name = "CrlPart.data",
    query = "SELECT p.data FROM CrlPart p WHERE p.crlId = :crlId ORDER BY p.seq")
@NamedQuery(name = "CrlPart.deleteByCrl", query = "DELETE FROM CrlPart p WHERE p.crlId = :crlId")
public class CrlPart {

  @Id
  @Column(name = "crl_id")
  private String crlId;

  @Id private int seq;

  @Lob
  @Column(nullable = false)
  private byte[] data;

  protected CrlPart() {
    // JPA
  }

  public CrlPart(String crlId, int seq, byte[] data) {
    this.crlId = Objects.requireNonNull(crlId);
    this.seq = seq;
    this.data = Objects.requireNonNull(data);
  }

  /** The composite key (crl_id, seq). */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private String crlId;
    private int seq;

    public Key() {}

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key && key.seq == seq && Objects.equals(key.crlId, crlId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(crlId, seq);
    }
  }
}
