package org.pkiaas.ca.control;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.pkiaas.signing.Pem;

/**
 * Fetches issuer certificates named by a certificate's Authority Information Access caIssuers
 * entries (RFC 5280 §4.2.2.1): DER, PEM or a certs-only PKCS#7 bundle. Only http and https, a few
 * seconds, a megabyte at most; anything that goes wrong simply yields nothing.
 */
public final class AiaFetcher {

    private static final Logger LOG = Logger.getLogger(AiaFetcher.class.getName());
    private static final int MAX_BYTES = 1 << 20;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    private AiaFetcher() {
    }

    public static List<X509CertificateHolder> issuersOf(X509CertificateHolder certificate) {
        AuthorityInformationAccess aia = AuthorityInformationAccess.fromExtensions(certificate.getExtensions());
        List<X509CertificateHolder> found = new ArrayList<>();
        if (aia == null) {
            return found;
        }
        for (AccessDescription description : aia.getAccessDescriptions()) {
            if (description.getAccessMethod().equals(AccessDescription.id_ad_caIssuers)
                    && description.getAccessLocation().getTagNo() == GeneralName.uniformResourceIdentifier) {
                found.addAll(fetch(description.getAccessLocation().getName().toString()));
            }
        }
        return found;
    }

    static List<X509CertificateHolder> fetch(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
            return List.of();
        }
        try {
            HttpResponse<InputStream> response = CLIENT.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    return List.of();
                }
                return parse(body.readNBytes(MAX_BYTES));
            }
        } catch (IOException e) {
            LOG.fine(() -> "caIssuers " + url + " could not be fetched: " + e);
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    static List<X509CertificateHolder> parse(byte[] content) {
        String text = new String(content, StandardCharsets.US_ASCII);
        if (text.contains("-----BEGIN CERTIFICATE-----")) {
            return Pem.certificates("chainPem", text);
        }
        try {
            return List.of(new X509CertificateHolder(content));
        } catch (IOException | RuntimeException notACertificate) {
            try {
                return new ArrayList<>(new CMSSignedData(content).getCertificates().getMatches(null));
            } catch (CMSException | RuntimeException notPkcs7) {
                return List.of();
            }
        }
    }
}
