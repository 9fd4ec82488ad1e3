package org.pkiaas.view;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionIdListener;
import jakarta.servlet.http.HttpSessionListener;
import java.io.IOException;

/**
 * Marks the session cookie {@code Secure} whenever the console is served over HTTPS (directly, or
 * behind a proxy WildFly trusts to say so), and leaves it as it is over plain HTTP, where a secure
 * cookie would never come back. The servlet container sets one cookie configuration for every
 * request, so the cookie it has just set for a new or renewed session id is replaced by one with
 * the same name and path that adds the flag. Mapped first in web.xml, so that it sees every session
 * created while a request is served.
 */
@WebListener
public class SecureSessionCookie extends HttpFilter
    implements HttpSessionListener, HttpSessionIdListener {

  private static final long serialVersionUID = 1L;
  private static final ThreadLocal<Exchange> SECURE = new ThreadLocal<>();

  private record Exchange(HttpServletRequest request, HttpServletResponse response) {}

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!request.isSecure() || SECURE.get() != null) {
      chain.doFilter(request, response);
      return;
    }
    SECURE.set(new Exchange(request, response));
    try {
      chain.doFilter(request, response);
    } finally {
      SECURE.remove();
    }
  }

  @Override
  public void sessionCreated(HttpSessionEvent event) {
    reissue(event.getSession().getId());
  }

  @Override
  public void sessionIdChanged(HttpSessionEvent event, String oldSessionId) {
    reissue(event.getSession().getId());
  }

  private static void reissue(String sessionId) {
    Exchange exchange = SECURE.get();
    if (exchange == null || exchange.response().isCommitted()) {
      return;
    }
    SessionCookieConfig config = exchange.request().getServletContext().getSessionCookieConfig();
    Cookie cookie =
        new Cookie(config.getName() == null ? "JSESSIONID" : config.getName(), sessionId);
    String contextPath = exchange.request().getContextPath();
    cookie.setPath(
        config.getPath() != null ? config.getPath() : contextPath.isEmpty() ? "/" : contextPath);
    if (config.getDomain() != null) {
      cookie.setDomain(config.getDomain());
    }
    String sameSite = config.getAttribute("SameSite");
    if (sameSite != null) {
      cookie.setAttribute("SameSite", sameSite);
    }
    cookie.setHttpOnly(true);
    cookie.setSecure(true);
    exchange.response().addCookie(cookie);
  }
}
