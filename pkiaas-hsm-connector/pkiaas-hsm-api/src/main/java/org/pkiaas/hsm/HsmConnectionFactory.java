package org.pkiaas.hsm;

import jakarta.resource.Referenceable;
import java.io.Serializable;

/**
 * Hands out connections to the IoT-HSM devices that hold CA keys.
 *
 * <p>The resource adapter binds its factory at {@link #JNDI_NAME}; inject it with
 * {@code @Resource(lookup = HsmConnectionFactory.JNDI_NAME)}. Connections are pooled by the
 * container, so borrow one per unit of work in a try-with-resources block.
 */
public interface HsmConnectionFactory extends Serializable, Referenceable {

  /** Where the resource adapter binds its connection factory. */
  String JNDI_NAME = "java:/eis/pkiaas/HsmConnectionFactory";

  /**
   * Borrows a connection from the pool.
   *
   * @return a connection handle; close it to return it to the pool
   * @throws HsmException if the container cannot allocate a connection
   */
  HsmConnection getConnection() throws HsmException;
}
