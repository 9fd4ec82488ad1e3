package org.pkiaas.ct.boundary;

import java.util.Optional;

/**
 * Tells what a recorded CT submission was for, from the id its issuance ran under. The components
 * that issue under ids of their own (the request queue, ACME orders) each provide one, so that
 * {@link CtAttempts} lists a CA's attempts without knowing them: CT sits below the channels.
 */
public interface CtAttemptOrigins {

  /**
   * @param requestId the id an issuance ran under, never null
   * @return what it was for, when the id is one of this provider's rows
   */
  Optional<Described> describe(String requestId);

  /**
   * @param subject the request's subject, or the ACME order's names
   */
  record Described(CtAttempts.Origin origin, String subject) {}
}
