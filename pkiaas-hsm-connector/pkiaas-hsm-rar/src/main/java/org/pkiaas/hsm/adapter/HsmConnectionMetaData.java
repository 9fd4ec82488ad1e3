package org.pkiaas.hsm.adapter;

import jakarta.resource.spi.ManagedConnectionMetaData;

/** Describes the IoT-HSM link to the container's management tools. */
final class HsmConnectionMetaData implements ManagedConnectionMetaData {

  @Override
  public String getEISProductName() {
    return "PKIaaS IoT-HSM link";
  }

  @Override
  public String getEISProductVersion() {
    return "1";
  }

  // 0: the link puts no limit on concurrent connections.
  @Override
  public int getMaxConnections() {
    return 0;
  }

  // Connections are not per user; the link authenticates as the server's link identity.
  @Override
  public String getUserName() {
    return "";
  }
}
