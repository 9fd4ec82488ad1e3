package org.pkiaas.ca.boundary;

/**
 * A CA was retired or deleted on this node: services that act for active CAs only (the time-stamp
 * authority) stop at once here; other nodes learn it from the CA's revision (StatusWatcher).
 */
public record CaWithdrawn(String caId) {}
