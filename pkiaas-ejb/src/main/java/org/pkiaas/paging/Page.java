package org.pkiaas.paging;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Map;
import org.pkiaas.problem.InvalidInputException;

/** One page of a longer list, with the total the filter matches. */
public record Page<T>(List<T> items, long total, int page, int size) {

  /**
   * Reads one page of the entities that match, and counts them all, in the database.
   *
   * @param from the JPQL that names the entity with alias, e.g. {@code FROM CertificateRequest r}
   * @param where the conditions, starting with {@code WHERE}, their parameters in {@code
   *     parameters}
   * @param orderBy the ORDER BY clause, ending with a unique attribute so that pages do not overlap
   * @param maxSize the largest page the caller may ask for
   * @param what what the list holds, plural, for the message when the size is refused
   */
  public static <T> Page<T> read(
      EntityManager em,
      Class<T> type,
      String from,
      String where,
      Map<String, Object> parameters,
      String orderBy,
      int page,
      int size,
      int maxSize,
      String what) {
    if (page < 0) {
      throw new InvalidInputException("page", "Pages are numbered from 0");
    }
    if (size < 1 || size > maxSize) {
      throw new InvalidInputException("size", "A page has 1 to " + maxSize + " " + what);
    }
    String alias = from.substring(from.lastIndexOf(' ') + 1);
    TypedQuery<T> items = em.createQuery("SELECT " + alias + " " + from + where + orderBy, type);
    TypedQuery<Long> count =
        em.createQuery("SELECT COUNT(" + alias + ") " + from + where, Long.class);
    parameters.forEach(
        (name, value) -> {
          items.setParameter(name, value);
          count.setParameter(name, value);
        });
    return new Page<>(
        items.setFirstResult(page * size).setMaxResults(size).getResultList(),
        count.getSingleResult(),
        page,
        size);
  }
}
