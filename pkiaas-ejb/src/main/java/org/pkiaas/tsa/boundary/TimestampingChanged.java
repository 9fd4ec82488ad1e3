package org.pkiaas.tsa.boundary;

/**
 * A CA's timestamping was turned on or off or its policies changed; fired in the transaction of the
 * change, so that this node drops the CA's unit once it commits.
 */
public record TimestampingChanged(String caId) {}
