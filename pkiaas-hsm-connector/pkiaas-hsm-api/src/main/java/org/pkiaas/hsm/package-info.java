/**
 * Client API of the IoT-HSM resource adapter.
 *
 * <p>Application components look up {@link org.pkiaas.hsm.HsmConnectionFactory} at {@link
 * org.pkiaas.hsm.HsmConnectionFactory#JNDI_NAME}, borrow an {@link org.pkiaas.hsm.HsmConnection}
 * for one unit of work and close it again. The adapter owns the link to the devices; callers see
 * only CA public keys, algorithms and bytes. This jar is shared by the adapter and its clients, so
 * it lives in the EAR's {@code lib/}.
 */
package org.pkiaas.hsm;
