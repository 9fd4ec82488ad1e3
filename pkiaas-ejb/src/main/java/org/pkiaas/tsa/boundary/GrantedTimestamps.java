package org.pkiaas.tsa.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.Map;
import org.pkiaas.ca.boundary.CertificateAuthorities;
import org.pkiaas.identity.Caller;
import org.pkiaas.paging.Page;
import org.pkiaas.tsa.control.TimestampingSettings;
import org.pkiaas.tsa.entity.TimestampToken;

/**
 * The time stamps a CA granted, as recorded ({@code pkiaas.tsa.record-tokens}): listed, newest
 * first, for the CA's owner only, so that "did this CA stamp this hash, and when" has an answer.
 */
@Stateless
public class GrantedTimestamps {

  private static final int MAX_PAGE_SIZE = 500;

  @PersistenceContext EntityManager em;

  @Inject CertificateAuthorities cas;

  @Inject TimestampingSettings settings;

  public Page<TimestampToken> list(
      Caller caller, String caId, TimestampTokenFilter filter, int page, int size) {
    String id = cas.get(caller, caId).id();
    StringBuilder where = new StringBuilder(" WHERE t.caId = :caId");
    Map<String, Object> parameters = new HashMap<>(Map.of("caId", id));
    if (filter.imprint() != null) {
      where.append(" AND t.messageImprint = :imprint");
      parameters.put("imprint", filter.imprint());
    }
    if (filter.from() != null) {
      where.append(" AND t.genTime >= :from");
      parameters.put("from", filter.from());
    }
    if (filter.to() != null) {
      where.append(" AND t.genTime < :to");
      parameters.put("to", filter.to());
    }
    return Page.read(
        em,
        TimestampToken.class,
        "FROM TimestampToken t",
        where.toString(),
        parameters,
        " ORDER BY t.genTime DESC, t.serialNumber",
        page,
        size,
        MAX_PAGE_SIZE,
        "time stamps");
  }

  /** Whether this server records the stamps it grants; when not, the list stops growing. */
  public boolean recording() {
    return settings.recordTokens();
  }
}
