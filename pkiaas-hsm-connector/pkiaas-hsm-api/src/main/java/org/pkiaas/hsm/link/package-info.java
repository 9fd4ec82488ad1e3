/**
 * The IoT-HSM link protocol, shared by the server's resource adapter and the device agent.
 *
 * <p>Messages ({@link org.pkiaas.hsm.link.LinkMessage}) are CMS signed and enveloped ({@link
 * org.pkiaas.hsm.link.LinkEnvelope}, RFC 5652) between the server's pinned link identity and
 * short-lived agent identities certified by the CA key on the token ({@link
 * org.pkiaas.hsm.link.AgentIdentityCertificates}); each end refuses stale, replayed, misaddressed
 * and foreign-key messages ({@link org.pkiaas.hsm.link.ServerEndpoint}, {@link
 * org.pkiaas.hsm.link.AgentEndpoint}). They travel over MQTT 5 ({@link
 * org.pkiaas.hsm.link.LinkTopics}).
 */
package org.pkiaas.hsm.link;
