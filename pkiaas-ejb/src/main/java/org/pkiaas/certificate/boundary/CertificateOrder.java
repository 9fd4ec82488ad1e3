package org.pkiaas.certificate.boundary;

/**
 * The order of an issued-certificate list: by one column, either way; ties are broken by id so
 * paging is stable.
 */
public record CertificateOrder(Column column, boolean ascending) {

  /** Newest first: what the REST API lists by default. */
  public static final CertificateOrder NEWEST_FIRST = new CertificateOrder(Column.ISSUED, false);

  /** The columns a list may be sorted by, with the attribute each maps to. */
  public enum Column {
    ISSUED("createdAt"),
    EXPIRES("notAfter"),
    SUBJECT("subjectDn"),
    SERIAL("serialNumber"),
    STATUS("status");

    private final String attribute;

    Column(String attribute) {
      this.attribute = attribute;
    }

    String attribute() {
      return attribute;
    }
  }

  public CertificateOrder {
    java.util.Objects.requireNonNull(column);
  }

  String jpql() {
    return " ORDER BY c." + column.attribute() + (ascending ? " ASC" : " DESC") + ", c.id";
  }
}
