/**
 * The Jakarta Connectors resource adapter behind {@link org.pkiaas.hsm.HsmConnectionFactory}.
 *
 * <p>The adapter owns the MQTT 5 link to the IoT-HSM devices ({@code DeviceLink}): broker
 * connection and reconnects, presence of the agents, request / reply correlation and timeouts.
 * Connections hash the data, send the digest, and check the device's signature against the CA key
 * before returning it. Without a configured broker every key is offline and signing fails fast with
 * {@link org.pkiaas.hsm.HsmUnavailableException}.
 */
package org.pkiaas.hsm.adapter;
