package org.pkiaas.ocsp.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.pkiaas.ocsp.boundary.OcspAnswer;

/**
 * This node's OCSP caches: the status of each certificate asked about, and the signed response to
 * each single-certificate request without a nonce (RFC 5019 §6). Entries are dropped when the
 * certificate's status changes here ({@code StatusWatcher}) or anywhere in the cluster ({@code
 * StatusWatcher}). Unknown serials are never cached. Each map is emptied when it reaches its bound,
 * so that requests for many distinct certificates cannot exhaust the heap.
 */
@ApplicationScoped
public class OcspCache {

  static final int MAX_ENTRIES = 200_000;

  private final Map<String, KnownStatus> statuses = new ConcurrentHashMap<>();

  /**
   * Per certificate (CA and serial), the answer under each CertID hash algorithm: a revocation
   * drops one entry.
   */
  private final Map<String, Map<String, OcspAnswer>> responses = new ConcurrentHashMap<>();

  private final Map<String, AtomicLong> generations = new ConcurrentHashMap<>();

  /**
   * The CA's cache generation: read it before looking a status up in the database, and pass it when
   * caching what was found, so that a lookup racing an eviction cannot put back a stale status.
   */
  public long generation(String caId) {
    return generations.computeIfAbsent(caId, id -> new AtomicLong()).get();
  }

  public KnownStatus status(String caId, String serialHex) {
    return statuses.get(key(caId, serialHex));
  }

  public void putStatus(String caId, String serialHex, KnownStatus status, long generation) {
    bound(statuses);
    statuses.put(key(caId, serialHex), status);
    if (generation(caId) != generation) {
      statuses.remove(key(caId, serialHex));
    }
  }

  /**
   * A cached response to a request for one certificate, keyed by the CertID's hash algorithm too.
   */
  public OcspAnswer response(String caId, String serialHex, String hashAlgorithm) {
    Map<String, OcspAnswer> byHash = responses.get(key(caId, serialHex));
    return byHash == null ? null : byHash.get(hashAlgorithm);
  }

  public void putResponse(
      String caId, String serialHex, String hashAlgorithm, OcspAnswer answer, long generation) {
    bound(responses);
    String key = key(caId, serialHex);
    responses.computeIfAbsent(key, k -> new ConcurrentHashMap<>()).put(hashAlgorithm, answer);
    if (generation(caId) != generation) {
      responses.remove(key);
    }
  }

  /** Forgets one certificate: its status changed. */
  public void forget(String caId, String serialHex) {
    String prefix = key(caId, serialHex);
    generations.computeIfAbsent(caId, id -> new AtomicLong()).incrementAndGet();
    statuses.remove(prefix);
    responses.remove(prefix);
  }

  /** Forgets a whole CA: its responder changed, or another node changed one of its certificates. */
  public void forgetCa(String caId) {
    String prefix = caId + "/";
    generations.computeIfAbsent(caId, id -> new AtomicLong()).incrementAndGet();
    statuses.keySet().removeIf(key -> key.startsWith(prefix));
    responses.keySet().removeIf(key -> key.startsWith(prefix));
  }

  private static String key(String caId, String serialHex) {
    return caId + "/" + serialHex;
  }

  private static void bound(Map<String, ?> map) {
    if (map.size() >= MAX_ENTRIES) {
      map.clear();
    }
  }
}
