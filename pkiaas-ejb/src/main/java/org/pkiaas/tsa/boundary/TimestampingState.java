package org.pkiaas.tsa.boundary;

import java.util.List;

/**
 * A CA's time-stamp authority as its owner sees it.
 *
 * @param enabled whether it answers
 * @param defaultPolicy the policy of tokens whose request names none
 * @param operatorDefault whether that is the operator's default rather than one of the CA's own
 * @param acceptedPolicies the other policies a request may name
 * @param url where it answers, RFC 3161 and Authenticode alike; null while it does not (off, or the
 *     CA is not active)
 */
public record TimestampingState(
    boolean enabled,
    String defaultPolicy,
    boolean operatorDefault,
    List<String> acceptedPolicies,
    String url) {}
