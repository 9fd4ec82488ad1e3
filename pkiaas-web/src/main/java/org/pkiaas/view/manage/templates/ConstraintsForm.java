package org.pkiaas.view.manage.templates;

import java.io.Serializable;
import org.pkiaas.template.entity.TemplateSettings;

/**
 * The template editor's Basic Constraints tab: whether certificates of the template are CAs, and
 * their path length; copied to and from {@link TemplateSettings.Constraints}.
 */
public class ConstraintsForm implements Serializable {

  private static final long serialVersionUID = 1L;

  private boolean ca;
  private Integer pathLength;

  static ConstraintsForm of(TemplateSettings.Constraints c) {
    ConstraintsForm f = new ConstraintsForm();
    f.ca = c.ca();
    f.pathLength = c.pathLength();
    return f;
  }

  /** A path length only for a CA: it means nothing on an end-entity certificate. */
  TemplateSettings.Constraints settings() {
    return new TemplateSettings.Constraints(ca, ca ? pathLength : null);
  }

  public boolean isCa() {
    return ca;
  }

  public void setCa(boolean ca) {
    this.ca = ca;
  }

  public Integer getPathLength() {
    return pathLength;
  }

  public void setPathLength(Integer pathLength) {
    this.pathLength = pathLength;
  }
}
