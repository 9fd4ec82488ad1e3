package org.pkiaas.view.manage.certificates;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.pkiaas.ct.boundary.CtAttempts;
import org.pkiaas.pem.Pem;
import org.pkiaas.problem.NotFoundException;
import org.pkiaas.template.boundary.Templates;
import org.pkiaas.template.entity.CertificateTemplate;
import org.pkiaas.view.manage.ConsoleUser;

/**
 * CT Submissions ({@code /manage/certificates/ct-attempts.xhtml}): the scoped CA's issuances that
 * Certificate Transparency logs stopped, by any channel, ACME orders included, with what each log
 * answered and the precertificate it was sent.
 */
@Named
@ViewScoped
public class CtAttemptsBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject CtAttempts attempts;

  @Inject Templates templates;

  @Inject ConsoleUser user;

  /** One row of the table. */
  public record Row(
      String id,
      String origin,
      String channel,
      String requestId,
      String subject,
      String template,
      String at,
      List<String> answers,
      String precertificatePem) {}

  private transient List<Row> rows;

  @PostConstruct
  void init() {
    rows = load();
  }

  private List<Row> load() {
    String caId = user.getCaId();
    if (caId == null) {
      return List.of();
    }
    try {
      Map<String, String> names =
          templates.list(user.caller(), caId).stream()
              .collect(Collectors.toMap(CertificateTemplate::id, CertificateTemplate::name));
      return attempts.ofCa(user.caller(), caId).stream()
          .map(
              r ->
                  new Row(
                      r.attempt().id(),
                      switch (r.origin()) {
                        case ACME_ORDER -> "ACME order";
                        case REQUEST -> "Request";
                        case UNKNOWN -> "Not kept";
                      },
                      channel(r.attempt().channel()),
                      r.attempt().requestId(),
                      r.subject() == null ? "" : r.subject(),
                      names.getOrDefault(r.attempt().templateId(), "(deleted)"),
                      r.attempt().createdAt().toString(),
                      List.of(r.attempt().answers().split("\n")),
                      Pem.certificate(r.attempt().precertificate())))
          .toList();
    } catch (NotFoundException e) {
      return List.of();
    }
  }

  /** The issuance channel as the console names it; attempts recorded before V26 have none. */
  static String channel(String channel) {
    if (channel == null) {
      return "Not recorded";
    }
    return switch (channel) {
      case "ADMIN_CSR" -> "Administrator signed a request";
      case "PRE_APPROVED" -> "Pre-approved";
      case "PUBLIC_REQUEST" -> "Public request";
      case "CLAIM" -> "Claim link";
      case "RENEWAL" -> "Renewal";
      case "ACME" -> "ACME";
      case "SCEP" -> "SCEP";
      case "EST" -> "EST";
      case "HTTPS_SERVER" -> "PKIaaS HTTPS certificate";
      default -> channel;
    };
  }

  public List<Row> getRows() {
    if (rows == null) {
      rows = load();
    }
    return rows;
  }
}
