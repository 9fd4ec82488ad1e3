package org.pkiaas.ct.control;

import java.io.IOException;

/**
 * A log exchange that failed in a way the server describes itself: its message is what the
 * requester is told (a refused address, an answer that breaks HTTP/1.1 or is longer than any SCT).
 */
final class LogFailure extends IOException {

  private static final long serialVersionUID = 1L;

  LogFailure(String why) {
    super(why, null);
  }
}
