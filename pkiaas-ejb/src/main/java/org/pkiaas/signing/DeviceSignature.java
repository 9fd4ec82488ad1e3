package org.pkiaas.signing;

import java.time.Duration;

/**
 * An IoT-HSM device was asked for a signature: fired for the metrics, never for the audit log (the
 * issuance that asked is audited).
 *
 * @param outcome {@code ok}, {@code offline} (no answer within the link's time) or {@code error}
 *     (refused, or a signature that does not verify)
 * @param took from the request to the checked answer or the failure
 */
public record DeviceSignature(String outcome, Duration took) {}
