package org.pkiaas.pki.tsa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

/** How {@link TimeStampServlet} reads the CA from the path and the protocol from the type. */
class TimeStampServletTest {

  @Test
  void mediaTypeIgnoresParametersAndCase() {
    assertEquals(
        "application/timestamp-query", TimeStampServlet.mediaType("Application/TimeStamp-Query"));
    assertEquals(
        "application/octet-stream",
        TimeStampServlet.mediaType("application/octet-stream; charset=binary"));
    assertEquals("", TimeStampServlet.mediaType(null));
  }

  @Test
  void theCaIsTheOneSegmentAfterTsa() {
    assertEquals("ca-1", TimeStampServlet.caId(withPathInfo("/ca-1")));
    assertNull(TimeStampServlet.caId(withPathInfo(null)));
    assertNull(TimeStampServlet.caId(withPathInfo("/")));
    assertNull(TimeStampServlet.caId(withPathInfo("/ca-1/more")));
    assertNull(TimeStampServlet.caId(withPathInfo("/ca-1/")));
  }

  private static HttpServletRequest withPathInfo(String pathInfo) {
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            TimeStampServletTest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) -> {
              if (method.getName().equals("getPathInfo")) {
                return pathInfo;
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }
}
