package org.pkiaas.tsa.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.pkiaas.tsa.entity.TimestampToken;

/** The record of granted time stamps, each written in a transaction of its own. */
@Stateless
public class TimestampTokens {

  @PersistenceContext EntityManager em;

  public void record(TimestampToken token) {
    em.persist(token);
  }

  /** The stamps the CA granted over this hash (hex), oldest first. */
  public List<TimestampToken> byImprint(String caId, String imprintHex) {
    return em.createNamedQuery("TimestampToken.byCaAndImprint", TimestampToken.class)
        .setParameter("caId", caId)
        .setParameter("imprint", imprintHex)
        .getResultList();
  }
}
