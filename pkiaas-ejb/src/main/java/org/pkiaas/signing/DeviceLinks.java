package org.pkiaas.signing;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import org.pkiaas.hsm.HsmConnection;
import org.pkiaas.hsm.HsmConnectionFactory;
import org.pkiaas.hsm.HsmException;
import org.pkiaas.hsm.HsmLinkState;
import org.pkiaas.hsm.link.KeyId;

/**
 * What this node knows of the IoT-HSM link apart from signing: whether a device holding a key is
 * connected and when it was last heard, and the server's link certificate that agents pin at
 * provisioning. Asks the resource adapter, which keeps that state in memory; nothing here touches
 * the database.
 */
@ApplicationScoped
public class DeviceLinks {

  @Resource(lookup = HsmConnectionFactory.JNDI_NAME)
  HsmConnectionFactory devices;

  /**
   * The link state of one CA key on a device.
   *
   * @param keyId the key's id on the link: the SHA-256 of its SubjectPublicKeyInfo, hex
   * @param online whether an agent holding the key is connected to this node now
   * @param lastSeen when one was last heard by this node, or {@code null} since it started
   */
  public record State(String keyId, boolean online, Instant lastSeen) {}

  /**
   * @param key a CA key
   * @return the link state of a key on a device; empty for a key held here
   */
  public Optional<State> state(KeyReference key) {
    if (!key.onDevice()) {
      return Optional.empty();
    }
    String keyId = KeyId.ofSubjectPublicKeyInfo(key.publicKey()).hex();
    try (HsmConnection connection = devices.getConnection()) {
      HsmLinkState state = connection.linkState(CaSigners.publicKey(key.publicKey()));
      return Optional.of(new State(keyId, state.online(), state.lastSeen()));
    } catch (HsmException e) {
      return Optional.of(new State(keyId, false, null));
    }
  }

  /**
   * @return the DER certificate of this server's link identity
   * @throws SigningDeviceUnavailable when the link is not configured
   */
  public byte[] linkCertificate() {
    try (HsmConnection connection = devices.getConnection()) {
      return connection.linkCertificate();
    } catch (HsmException e) {
      throw new SigningDeviceUnavailable(
          "The IoT-HSM link is not configured on this server (see the operator guide): "
              + e.getMessage(),
          true);
    }
  }
}
