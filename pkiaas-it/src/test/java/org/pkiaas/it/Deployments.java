package org.pkiaas.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** The one deployment every test class shares: the EAR the build produced, unchanged. */
public final class Deployments {

  public static final String NAME = "pkiaas";

  private Deployments() {}

  public static EnterpriseArchive ear() {
    File ear = new File(System.getProperty("pkiaas.it.ear", "target/deploy/pkiaas.ear"));
    return ShrinkWrap.create(ZipImporter.class, "pkiaas.ear")
        .importFrom(ear)
        .as(EnterpriseArchive.class);
  }
}
