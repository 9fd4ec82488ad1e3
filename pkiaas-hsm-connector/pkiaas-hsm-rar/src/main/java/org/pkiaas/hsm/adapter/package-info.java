/**
 * The Jakarta Connectors resource adapter behind {@link org.pkiaas.hsm.HsmConnectionFactory}.
 *
 * <p>The adapter will own the MQTT link to the IoT-HSM devices: broker connection, request / reply
 * correlation, timeouts and reconnects. The link arrives with the HSM-link issue; until then every
 * device is reported offline and signing fails fast with {@link
 * org.pkiaas.hsm.HsmUnavailableException}.
 */
package org.pkiaas.hsm.adapter;
