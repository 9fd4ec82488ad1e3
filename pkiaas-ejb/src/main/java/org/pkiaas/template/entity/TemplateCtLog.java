package org.pkiaas.template.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/** One CT log of a template, as stored (see {@link TemplateSettings.CtLog}). */
@Embeddable
public class TemplateCtLog {

  @Column(nullable = false)
  private String url;

  @Column(name = "public_key", nullable = false)
  private String publicKey;

  @Column(name = "not_after_from")
  private Instant notAfterFrom;

  @Column(name = "not_after_until")
  private Instant notAfterUntil;

  @Column(name = "timeout_millis")
  private Integer timeoutMillis;

  protected TemplateCtLog() {}

  TemplateCtLog(TemplateSettings.CtLog log) {
    url = log.url();
    publicKey = log.publicKey();
    notAfterFrom = log.notAfterFrom();
    notAfterUntil = log.notAfterUntil();
    timeoutMillis = log.timeoutMillis();
  }

  TemplateSettings.CtLog settings() {
    return new TemplateSettings.CtLog(url, publicKey, notAfterFrom, notAfterUntil, timeoutMillis);
  }
}
