package org.pkiaas.view.cps;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code /cps/{caId}}: the URL written into certificate policies (the CPS qualifier) and shown as
 * the CA's CPS service URL. It serves the CA's public page (cps.html), which reads the CA id from
 * its own address and shows the practice statement and the renewal form.
 */
@WebServlet("/cps/*")
public class CpsPageServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    request.getRequestDispatcher("/cps.html").forward(request, response);
  }
}
