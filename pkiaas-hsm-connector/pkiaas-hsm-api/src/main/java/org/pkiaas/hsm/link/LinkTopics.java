package org.pkiaas.hsm.link;

import java.util.UUID;

/**
 * The MQTT 5 topics of the link. Requests for a key go to {@link #requests}; the agents of that key
 * subscribe through one shared subscription ({@link #sharedRequests}, MQTT 5.0, section 4.8.2), so
 * the broker hands each request to exactly one of them. Responses go to the response topic each
 * request names (section 4.10), with its correlation data. Agents announce themselves on {@link
 * #presence}, and their MQTT will announces that they have gone. A server node offers each agent a
 * session on the agent's own {@link #sessions} topic and hears the answer on its {@link
 * #serverSessions} topic.
 */
public final class LinkTopics {

  private static final String ROOT = "pkiaas/hsm/";

  private LinkTopics() {}

  /**
   * @param keyId the CA key
   * @return where the server publishes signing requests for it
   */
  public static String requests(KeyId keyId) {
    return ROOT + keyId + "/requests";
  }

  /**
   * @param keyId the CA key
   * @return the shared subscription through which the key's agents take turns
   */
  public static String sharedRequests(KeyId keyId) {
    return "$share/iot-hsm-" + keyId.hex().substring(0, 16) + "/" + requests(keyId);
  }

  /**
   * @param keyId the CA key
   * @return where the key's agents announce themselves
   */
  public static String presence(KeyId keyId) {
    return ROOT + keyId + "/presence";
  }

  /**
   * @param keyId the CA key
   * @param agentId one agent's lasting id
   * @return where servers send that agent their session offers
   */
  public static String sessions(KeyId keyId, UUID agentId) {
    return ROOT + keyId + "/agents/" + agentId + "/sessions";
  }

  /**
   * @param serverNode the name of one server node
   * @return where that node receives agents' session acceptances
   */
  public static String serverSessions(String serverNode) {
    return "pkiaas/hsm-server/" + serverNode + "/sessions";
  }

  /**
   * @return the filter on which the server hears every agent's announcements
   */
  public static String allPresence() {
    return ROOT + "+/presence";
  }

  /**
   * @param serverNode the name of one server node (a cluster has one per node)
   * @return where that node receives responses
   */
  public static String responses(String serverNode) {
    return "pkiaas/hsm-server/" + serverNode + "/responses";
  }
}
