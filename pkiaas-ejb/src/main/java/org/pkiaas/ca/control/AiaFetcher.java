package org.pkiaas.ca.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.pkiaas.network.OutboundAddresses;
import org.pkiaas.pem.Pem;

/**
 * Fetches issuer certificates named by a certificate's Authority Information Access caIssuers
 * entries (RFC 5280 §4.2.2.1): DER, PEM or a certs-only PKCS#7 bundle. Only http and https, at most
 * {@value #MAX_REDIRECTS} redirects, a megabyte and {@code BUDGET} for everything, body included;
 * anything that goes wrong simply yields nothing. The URL is written by whoever made the
 * certificate, so no hop may lead to an address {@link OutboundAddresses} refuses (link-local
 * metadata services and the like). The JDK's client looks the name up again when it connects; the
 * check before it is as good as the name's DNS is honest, which is why fetching is opt-in per
 * import.
 */
public final class AiaFetcher {

  private static final Logger LOG = Logger.getLogger(AiaFetcher.class.getName());
  private static final int MAX_BYTES = 1 << 20;
  private static final int MAX_REDIRECTS = 3;
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final Duration BUDGET = Duration.ofSeconds(10);
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .connectTimeout(TIMEOUT)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  private AiaFetcher() {}

  public static List<X509CertificateHolder> issuersOf(X509CertificateHolder certificate) {
    AuthorityInformationAccess aia =
        AuthorityInformationAccess.fromExtensions(certificate.getExtensions());
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
    return fetch(url, BUDGET);
  }

  static List<X509CertificateHolder> fetch(String url, Duration budget) {
    long deadline = System.nanoTime() + budget.toNanos();
    try {
      URI uri = URI.create(url);
      for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
        if (!allowed(uri)) {
          LOG.fine(() -> "caIssuers " + url + " leads where fetches may not go");
          return List.of();
        }
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
          return List.of();
        }
        HttpRequest request =
            HttpRequest.newBuilder(uri)
                .timeout(Duration.ofMillis(Math.min(left, TIMEOUT.toMillis())))
                .GET()
                .build();
        CompletableFuture<HttpResponse<byte[]>> pending =
            CLIENT.sendAsync(
                request,
                info ->
                    info.statusCode() == 200
                        ? new LimitedBody()
                        : HttpResponse.BodySubscribers.replacing(new byte[0]));
        HttpResponse<byte[]> response;
        try {
          response = pending.get(left, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
          pending.cancel(true);
          return List.of();
        }
        if (response.statusCode() / 100 == 3
            && response.headers().firstValue("Location").isPresent()) {
          uri = uri.resolve(response.headers().firstValue("Location").get());
          continue;
        }
        return response.statusCode() == 200 ? parse(response.body()) : List.of();
      }
      return List.of();
    } catch (ExecutionException | IOException | RuntimeException e) {
      LOG.fine(() -> "caIssuers " + url + " could not be fetched: " + e);
      return List.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    }
  }

  /** An http or https URL whose host has addresses, none of them refused. */
  private static boolean allowed(URI uri) throws IOException {
    if ((!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme()))
        || uri.getHost() == null) {
      return false;
    }
    String host =
        uri.getHost().startsWith("[")
            ? uri.getHost().substring(1, uri.getHost().length() - 1)
            : uri.getHost();
    InetAddress[] addresses = InetAddress.getAllByName(host);
    return addresses.length > 0 && Arrays.stream(addresses).noneMatch(OutboundAddresses::refused);
  }

  /** Collects a body of at most {@value #MAX_BYTES} bytes; a longer one fails. */
  private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {

    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private Flow.Subscription subscription;

    @Override
    public CompletionStage<byte[]> getBody() {
      return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      for (ByteBuffer item : items) {
        if (buffer.size() + item.remaining() > MAX_BYTES) {
          subscription.cancel();
          body.completeExceptionally(new IOException("more than " + MAX_BYTES + " bytes"));
          return;
        }
        byte[] bytes = new byte[item.remaining()];
        item.get(bytes);
        buffer.write(bytes, 0, bytes.length);
      }
    }

    @Override
    public void onError(Throwable failure) {
      body.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
      body.complete(buffer.toByteArray());
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
