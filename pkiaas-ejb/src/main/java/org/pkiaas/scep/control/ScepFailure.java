package org.pkiaas.scep.control;

import java.util.Objects;
import org.pkiaas.problem.PkiaasException;

/**
 * A request the server understood and refuses: answered as a CertRep with pkiStatus FAILURE, this
 * failInfo and the message as failInfoText (RFC 8894 §3.3.2, RFC 7894 §3). Thrown from an EJB it
 * rolls the transaction back, so nothing of the refused request is stored.
 */
public class ScepFailure extends PkiaasException {

  private static final long serialVersionUID = 1L;

  private final FailInfo failInfo;

  public ScepFailure(FailInfo failInfo, String detail) {
    super(detail);
    this.failInfo = Objects.requireNonNull(failInfo);
  }

  public FailInfo failInfo() {
    return failInfo;
  }
}
