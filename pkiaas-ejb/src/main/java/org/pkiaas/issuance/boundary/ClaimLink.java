package org.pkiaas.issuance.boundary;

import java.time.Instant;

/** A new claim link as handed out: the token is known here and to its holder only. */
public record ClaimLink(String token, String url, Instant expiresAt) {}
