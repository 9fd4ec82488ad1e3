/**
 * The IoT-HSM link protocol, shared by the server's resource adapter and the device agent.
 *
 * <p>Agents announce themselves with CMS-signed presence ({@link org.pkiaas.hsm.link.LinkEnvelope},
 * RFC 5652) under short-lived identities certified by the CA key on the token ({@link
 * org.pkiaas.hsm.link.AgentIdentityCertificates}). Each server node and agent identity then agree a
 * {@link org.pkiaas.hsm.link.LinkSession} in a two-message handshake signed by the server's pinned
 * link identity and the agent identity (ephemeral ECDH, HKDF: {@link
 * org.pkiaas.hsm.link.SessionKeys}); requests and responses ({@link
 * org.pkiaas.hsm.link.LinkMessage}) travel as AES-256-GCM records under it ({@link
 * org.pkiaas.hsm.link.SessionFrame}). Each end refuses stale, replayed, reordered, misaddressed and
 * foreign-key messages ({@link org.pkiaas.hsm.link.ServerEndpoint}, {@link
 * org.pkiaas.hsm.link.AgentEndpoint}). They travel over MQTT 5 ({@link
 * org.pkiaas.hsm.link.LinkTopics}).
 */
package org.pkiaas.hsm.link;
