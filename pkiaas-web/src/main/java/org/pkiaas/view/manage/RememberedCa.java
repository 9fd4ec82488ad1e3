package org.pkiaas.view.manage;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * The console's CA scope, remembered by the browser across sign-ins: a cookie holding the id of the
 * CA the drop-down showed last (CA ids are public; the guard uses it only when it is one of the
 * signed-in user's own CAs). HttpOnly, SameSite=Lax, Secure over HTTPS, kept for a year.
 */
final class RememberedCa {

  static final String COOKIE = "pkiaas-ca";
  private static final int MAX_AGE = (int) Duration.ofDays(365).toSeconds();

  private RememberedCa() {}

  static Optional<String> recall(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return Optional.empty();
    }
    return Arrays.stream(cookies)
        .filter(c -> COOKIE.equals(c.getName()))
        .map(Cookie::getValue)
        .filter(v -> v != null && !v.isBlank())
        .findFirst();
  }

  /** Sets the cookie when the scope differs from what the browser remembers. */
  static void remember(HttpServletRequest request, HttpServletResponse response, String caId) {
    if (caId == null || caId.equals(recall(request).orElse(null)) || response.isCommitted()) {
      return;
    }
    Cookie cookie = new Cookie(COOKIE, caId);
    cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
    cookie.setHttpOnly(true);
    cookie.setSecure(request.isSecure());
    cookie.setMaxAge(MAX_AGE);
    cookie.setAttribute("SameSite", "Lax");
    response.addCookie(cookie);
  }
}
