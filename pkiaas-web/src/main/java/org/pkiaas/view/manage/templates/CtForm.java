package org.pkiaas.view.manage.templates;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.pkiaas.template.entity.TemplateSettings;

/**
 * The template editor's CT Logs tab (user guide 4.3.1, RFC 6962): the logs, each with its URL, its
 * public key (PEM or bare base64), the window of expiry dates it accepts and a deadline, and how
 * many SCTs a certificate needs. {@code Templates.update} validates them; a refused log is named by
 * its position.
 */
public class CtForm implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final String PEM_BEGIN = "-----BEGIN PUBLIC KEY-----";
  private static final String PEM_END = "-----END PUBLIC KEY-----";

  private final List<Log> logs = new ArrayList<>();
  private Integer sctsRequired;

  /** One log row; dates are UTC days, the window's end excluded. */
  public static class Log implements Serializable {

    private static final long serialVersionUID = 1L;

    private String url;
    private String publicKeyPem;
    private LocalDate acceptsFrom;
    private LocalDate acceptsUntil;
    private Integer timeoutMillis;

    public String getUrl() {
      return url;
    }

    public void setUrl(String url) {
      this.url = url;
    }

    public String getPublicKeyPem() {
      return publicKeyPem;
    }

    public void setPublicKeyPem(String publicKeyPem) {
      this.publicKeyPem = publicKeyPem;
    }

    public LocalDate getAcceptsFrom() {
      return acceptsFrom;
    }

    public void setAcceptsFrom(LocalDate acceptsFrom) {
      this.acceptsFrom = acceptsFrom;
    }

    public LocalDate getAcceptsUntil() {
      return acceptsUntil;
    }

    public void setAcceptsUntil(LocalDate acceptsUntil) {
      this.acceptsUntil = acceptsUntil;
    }

    public Integer getTimeoutMillis() {
      return timeoutMillis;
    }

    public void setTimeoutMillis(Integer timeoutMillis) {
      this.timeoutMillis = timeoutMillis;
    }
  }

  static CtForm of(TemplateSettings.CertificateTransparency ct) {
    CtForm f = new CtForm();
    if (ct != null && ct.logs() != null) {
      for (TemplateSettings.CtLog log : ct.logs()) {
        Log row = new Log();
        row.url = log.url();
        row.publicKeyPem = pem(log.publicKey());
        row.acceptsFrom = day(log.notAfterFrom());
        row.acceptsUntil = day(log.notAfterUntil());
        row.timeoutMillis = log.timeoutMillis();
        f.logs.add(row);
      }
      f.sctsRequired = ct.sctsRequired();
    }
    return f;
  }

  TemplateSettings.CertificateTransparency settings() {
    List<TemplateSettings.CtLog> list = new ArrayList<>();
    for (Log row : logs) {
      list.add(
          new TemplateSettings.CtLog(
              row.url == null ? null : row.url.trim(),
              base64(row.publicKeyPem),
              instant(row.acceptsFrom),
              instant(row.acceptsUntil),
              row.timeoutMillis));
    }
    return new TemplateSettings.CertificateTransparency(list, list.isEmpty() ? null : sctsRequired);
  }

  /** The key as a PEM block, as log operators publish it. */
  static String pem(String base64) {
    if (base64 == null || base64.isBlank()) {
      return "";
    }
    StringBuilder pem = new StringBuilder(PEM_BEGIN).append('\n');
    for (int i = 0; i < base64.length(); i += 64) {
      pem.append(base64, i, Math.min(base64.length(), i + 64)).append('\n');
    }
    return pem.append(PEM_END).toString();
  }

  /**
   * The base64 inside a PEM block, or what was pasted when it has no armour; whether it is a key is
   * for the validation to say.
   */
  static String base64(String pem) {
    if (pem == null) {
      return null;
    }
    String body = pem.replace(PEM_BEGIN, "").replace(PEM_END, "").replaceAll("\\s", "");
    return body.isEmpty() ? null : body;
  }

  private static LocalDate day(Instant instant) {
    return instant == null ? null : LocalDate.ofInstant(instant, ZoneOffset.UTC);
  }

  private static Instant instant(LocalDate day) {
    return day == null ? null : day.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  public void addLog() {
    logs.add(new Log());
  }

  public void removeLog(int index) {
    if (index >= 0 && index < logs.size()) {
      logs.remove(index);
    }
  }

  public List<Log> getLogs() {
    return logs;
  }

  public Integer getSctsRequired() {
    return sctsRequired;
  }

  public void setSctsRequired(Integer sctsRequired) {
    this.sctsRequired = sctsRequired;
  }
}
