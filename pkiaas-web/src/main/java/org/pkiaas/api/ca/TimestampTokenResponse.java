package org.pkiaas.api.ca;

import java.time.Instant;
import org.pkiaas.tsa.entity.TimestampToken;

/**
 * One time stamp a CA granted, as recorded: never the data, only its hash.
 *
 * @param serialNumber the token's serial number, hex
 * @param protocol RFC3161 or AUTHENTICODE
 * @param genTime the time the token states
 * @param hashAlgorithm the dotted OID of the imprint's hash (for Authenticode, SHA-256 of the
 *     signature stamped)
 * @param messageImprint the hash stamped, lower-case hex
 * @param policy the policy the token names; null for Authenticode
 * @param requester the address the request came from
 */
public record TimestampTokenResponse(
    String serialNumber,
    TimestampToken.Protocol protocol,
    Instant genTime,
    String hashAlgorithm,
    String messageImprint,
    String policy,
    String requester) {

  static TimestampTokenResponse of(TimestampToken token) {
    return new TimestampTokenResponse(
        token.serialNumber(),
        token.protocol(),
        token.genTime(),
        token.hashAlgorithm(),
        token.messageImprint(),
        token.policy(),
        token.requester());
  }
}
