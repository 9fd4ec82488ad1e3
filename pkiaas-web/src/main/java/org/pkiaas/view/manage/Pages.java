package org.pkiaas.view.manage;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import java.io.IOException;

/**
 * Moves the browser on to another page of the application after an action (post, redirect, get).
 */
public final class Pages {

  private Pages() {}

  /**
   * @param path the page's path in the application, e.g. {@code /manage/cas/manage.xhtml}
   */
  public static void redirect(String path) throws IOException {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    external.redirect(external.getRequestContextPath() + path);
  }
}
