package org.pkiaas.problem;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A short plain-text answer from a protocol servlet whose clients read no problem documents (EST,
 * time stamps): the status and one line saying why.
 */
public final class PlainText {

  private PlainText() {}

  /** Answers {@code status} with {@code text} and a line end, as UTF-8. */
  public static void answer(HttpServletResponse response, int status, String text)
      throws IOException {
    byte[] body = (text + "\n").getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType("text/plain;charset=UTF-8");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
