package org.pkiaas.api.certificate;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.pkiaas.api.PagedList;
import org.pkiaas.api.QueryInstants;
import org.pkiaas.api.openapi.SharedSchemas;
import org.pkiaas.api.security.RequestCaller;
import org.pkiaas.certificate.boundary.CertificateFilter;
import org.pkiaas.certificate.boundary.Certificates;
import org.pkiaas.certificate.entity.CertificatePurpose;
import org.pkiaas.certificate.entity.IssuedCertificate;
import org.pkiaas.ct.boundary.EmbeddedTimestamps;
import org.pkiaas.paging.Page;
import org.pkiaas.pem.Pem;
import org.pkiaas.problem.InvalidInputException;
import org.pkiaas.revocation.boundary.RevocationService;

/** Issued certificates: list, download in every usual format, revoke, release from hold. */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CertificatesResource {

  static final String PEM = "application/x-pem-file";
  static final String DER = "application/pkix-cert";
  static final String PKCS7 = "application/pkcs7-mime";

  /**
   * @param reason an RFC 5280 name, e.g. keyCompromise; certificateHold puts it on hold
   */
  public record RevocationRequest(
      @Schema(ref = SharedSchemas.REVOCATION_REASON)
          @Pattern(
              regexp = "[A-Za-z]{1,32}",
              message = "The reason is an RFC 5280 name such as keyCompromise")
          String reason,
      @Size(max = 64, message = "An instant has at most {max} characters") String invalidityDate) {}

  @Inject Certificates certificates;

  @Inject RevocationService revocation;

  @Inject RequestCaller caller;

  @Inject EmbeddedTimestamps timestamps;

  @Context UriInfo uriInfo;

  /**
   * One page of the CA's certificates, paged as every list is ({@link PagedList}). Until 2026-12
   * the body was an object {@code {items, total, page, size}}; it is the array now, with the total
   * in {@code X-Total-Count}.
   */
  @GET
  @Path("cas/{caId}/certificates")
  @APIResponse(
      responseCode = "200",
      description = "One page of certificates, newest first",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema =
                  @Schema(
                      type = SchemaType.ARRAY,
                      implementation = IssuedCertificateResponse.class)))
  public Response list(
      @PathParam("caId") String caId,
      @QueryParam("status") @Parameter(schema = @Schema(ref = SharedSchemas.CERTIFICATE_STATUS))
          String status,
      @QueryParam("templateId") String templateId,
      @QueryParam("subject") String subject,
      @QueryParam("expiresAfter") String expiresAfter,
      @QueryParam("expiresBefore") String expiresBefore,
      @QueryParam("issuedTo")
          @Parameter(
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {"subscriber", "service"}))
          String issuedTo,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("50") int size) {
    CertificateFilter filter =
        new CertificateFilter(
                status,
                templateId,
                subject,
                QueryInstants.parse("expiresAfter", expiresAfter),
                QueryInstants.parse("expiresBefore", expiresBefore))
            .withPurposes(purposes(issuedTo));
    Page<IssuedCertificate> found = certificates.list(caller.get(), caId, filter, page, size);
    return PagedList.of(found, IssuedCertificateResponse::of, uriInfo);
  }

  /**
   * One certificate: JSON by default; PEM, DER or a PKCS#7 chain by {@code Accept} ({@value #PEM},
   * {@value #DER}, {@value #PKCS7}) or by {@code ?format=pem|der|chain|p7b}.
   */
  @GET
  @Path("certificates/{id}")
  @Produces({MediaType.APPLICATION_JSON, PEM, DER, PKCS7})
  @APIResponse(
      responseCode = "200",
      description = "The certificate in the format asked for",
      content = {
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = IssuedCertificateResponse.class)),
        @Content(
            mediaType = PEM,
            schema = @Schema(type = SchemaType.STRING, description = "PEM, or the chain as PEM")),
        @Content(mediaType = DER, schema = @Schema(type = SchemaType.STRING, format = "binary")),
        @Content(mediaType = PKCS7, schema = @Schema(type = SchemaType.STRING, format = "binary"))
      })
  public Response get(
      @PathParam("id") String id,
      @QueryParam("format")
          @Parameter(
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {"json", "pem", "der", "chain", "p7b"}))
          String format,
      @Context HttpHeaders headers) {
    IssuedCertificate certificate = certificates.get(caller.get(), id);
    String wanted = format != null ? format.toLowerCase(Locale.ROOT) : fromAccept(headers);
    return switch (wanted) {
      case "pem" -> download(Pem.certificate(certificate.der()), PEM, certificate, "pem");
      case "der" -> download(certificate.der(), DER, certificate, "cer");
      case "chain" ->
          download(certificates.chainPem(caller.get(), id), PEM, certificate, "chain.pem");
      case "p7b" ->
          download(
              Pkcs7.certsOnly(certificates.chainPem(caller.get(), id)), PKCS7, certificate, "p7b");
      case "json" ->
          Response.ok(
                  IssuedCertificateResponse.of(certificate, timestamps.of(certificate)),
                  MediaType.APPLICATION_JSON)
              .build();
      default ->
          throw new InvalidInputException("format", "The format is json, pem, der, chain or p7b");
    };
  }

  @POST
  @Path("certificates/{id}/revoke")
  public IssuedCertificateResponse revoke(@PathParam("id") String id, RevocationRequest request) {
    RevocationRequest body = request == null ? new RevocationRequest(null, null) : request;
    return IssuedCertificateResponse.of(
        revocation.revoke(
            caller.get(),
            id,
            body.reason(),
            QueryInstants.parse("invalidityDate", body.invalidityDate())));
  }

  @POST
  @Path("certificates/{id}/release")
  public IssuedCertificateResponse release(@PathParam("id") String id) {
    return IssuedCertificateResponse.of(revocation.releaseHold(caller.get(), id));
  }

  private static String fromAccept(HttpHeaders headers) {
    for (MediaType type : headers.getAcceptableMediaTypes()) {
      String name = type.getType() + "/" + type.getSubtype();
      switch (name) {
        case PEM, "application/pem-certificate-chain" -> {
          return "pem";
        }
        case DER -> {
          return "der";
        }
        case PKCS7, "application/x-pkcs7-certificates" -> {
          return "p7b";
        }
        default -> {
          // keep looking
        }
      }
    }
    return "json";
  }

  private static Response download(
      Object body, String type, IssuedCertificate certificate, String extension) {
    return Response.ok(body, type)
        .header(
            "Content-Disposition",
            "attachment; filename=\"" + certificate.serialNumber() + "." + extension + "\"")
        .build();
  }

  /**
   * {@code subscriber}: certificates asked for; {@code service}: the CA's own (OCSP responder);
   * absent: both.
   */
  private static java.util.Set<CertificatePurpose> purposes(String issuedTo) {
    if (issuedTo == null || issuedTo.isBlank()) {
      return null;
    }
    return switch (issuedTo.trim().toLowerCase(Locale.ROOT)) {
      case "subscriber" -> CertificatePurpose.SUBSCRIBER;
      case "service" -> CertificatePurpose.SERVICE;
      default ->
          throw new InvalidInputException(
              "issuedTo", "'" + issuedTo + "' is neither subscriber nor service");
    };
  }
}
