package org.pkiaas.view;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The error page of a console form that PrimeFaces refused because it came without the page's CSP
 * nonce (its {@code CspException}): a form not sent by the console's own script, so a bad request
 * (400) with a page that says what to do, not a server error.
 */
@WebServlet("/form-refused")
public class RefusedFormServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    request.getRequestDispatcher("/form-refused.html").include(request, response);
  }
}
