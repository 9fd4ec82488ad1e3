package org.pkiaas.issuance.boundary;

import java.util.Locale;
import java.util.Map;
import org.pkiaas.issuance.entity.RequestStatus;

/**
 * Which requests of a CA a paged list shows, and in which order; ties are broken by id so paging is
 * stable.
 *
 * @param status only requests in this state; null: any
 * @param text a case-insensitive part of the subject DN or the alternative names, as requested or
 *     as approved, or of the requester's address; null or blank: any
 */
public record RequestQuery(RequestStatus status, String text, Column orderBy, boolean ascending) {

  /** Newest first, in any state. */
  public static final RequestQuery NEWEST_FIRST =
      new RequestQuery(null, null, Column.RECEIVED, false);

  /** The columns a request list may be sorted by, with the attribute each maps to. */
  public enum Column {
    RECEIVED("createdAt"),
    SUBJECT("subjectDn"),
    KIND("kind"),
    STATUS("status"),
    REQUESTED_BY("createdBy");

    private final String attribute;

    Column(String attribute) {
      this.attribute = attribute;
    }
  }

  public RequestQuery {
    orderBy = orderBy == null ? Column.RECEIVED : orderBy;
  }

  /**
   * The JPQL after {@code FROM CertificateRequest r}: the conditions (parameters added to the map)
   * and no order.
   */
  String where(String caId, Map<String, Object> parameters) {
    StringBuilder where = new StringBuilder(" WHERE r.caId = :caId");
    parameters.put("caId", caId);
    if (status != null) {
      where.append(" AND r.status = :status");
      parameters.put("status", status);
    }
    if (text != null && !text.isBlank()) {
      where.append(
          " AND (LOWER(r.subjectDn) LIKE :text OR LOWER(r.subjectAltNames) LIKE :text"
              + " OR LOWER(r.approvedSubjectDn) LIKE :text"
              + " OR LOWER(r.approvedSubjectAltNames) LIKE :text"
              + " OR LOWER(r.requesterEmail) LIKE :text)");
      parameters.put("text", "%" + text.trim().toLowerCase(Locale.ROOT).replace("%", "") + "%");
    }
    return where.toString();
  }

  String orderClause() {
    return " ORDER BY r." + orderBy.attribute + (ascending ? " ASC" : " DESC") + ", r.id";
  }
}
