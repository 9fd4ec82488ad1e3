package org.pkiaas.tsa.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.tsp.TimeStampResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pkiaas.metrics.boundary.PkiMetrics;
import org.pkiaas.problem.NotFoundException;
import org.pkiaas.problem.ThrottledException;
import org.pkiaas.tenant.boundary.AnonymousRateLimits;
import org.pkiaas.tenant.boundary.RateLimit;
import org.pkiaas.tsa.control.TestUnits;
import org.pkiaas.tsa.control.TimestampRecords;
import org.pkiaas.tsa.control.TimestampingSettings;
import org.pkiaas.tsa.control.TsaPolicies;
import org.pkiaas.tsa.control.TsaUnit;
import org.pkiaas.tsa.control.TsaUnits;
import org.pkiaas.tsa.entity.TimestampToken;

/**
 * What {@link TimeStampAuthority} grants, refuses and records, with its collaborators in memory.
 */
class TimeStampAuthorityTest {

  static final ASN1ObjectIdentifier POLICY = new ASN1ObjectIdentifier("1.2.3.4.5");

  final List<TimestampToken> recorded = new ArrayList<>();
  final List<String> admitted = new ArrayList<>();
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  TimeStampAuthority tsa;
  TsaUnit unit;
  boolean recording = true;
  boolean throttle;

  @BeforeEach
  void wire() throws Exception {
    unit = TestUnits.p256("ca-1");
    tsa = new TimeStampAuthority();
    tsa.units =
        new TsaUnits() {
          @Override
          public TsaUnit forCa(String caId) {
            if (!"ca-1".equals(caId)) {
              throw new NotFoundException("Certificate authority", caId);
            }
            return unit;
          }
        };
    tsa.records =
        new TimestampRecords() {
          @Override
          public void record(TimestampToken token) {
            recorded.add(token);
          }
        };
    tsa.settings =
        new TimestampingSettings() {
          @Override
          public ASN1ObjectIdentifier defaultPolicy() {
            return POLICY;
          }

          @Override
          public boolean recordTokens() {
            return recording;
          }
        };
    tsa.limits =
        new AnonymousRateLimits() {
          @Override
          public void admit(RateLimit.Kind kind, String clientAddress) {
            admitted.add(kind + " " + clientAddress);
            if (throttle) {
              throw new ThrottledException("Too many", 5);
            }
          }
        };
    tsa.metrics = new PkiMetrics(registry);
  }

  static byte[] fixture(String name) throws IOException {
    try (InputStream in = TimeStampAuthorityTest.class.getResourceAsStream("/tsa/" + name)) {
      return in.readAllBytes();
    }
  }

  TimeStampResponse rfc3161(String fixture) throws Exception {
    return new TimeStampResponse(tsa.rfc3161("ca-1", fixture(fixture), "192.0.2.7"));
  }

  @Test
  void grantsUnderTheCaPolicyAndRecordsTheStamp() throws Exception {
    TimeStampResponse response = rfc3161("sha256-nonce-cert.tsq");
    assertEquals(PKIStatus.GRANTED, response.getStatus());
    assertEquals(POLICY, response.getTimeStampToken().getTimeStampInfo().getPolicy());
    assertTrue(response.getTimeStampToken().getTimeStampInfo().getSerialNumber().bitLength() >= 64);
    assertEquals(1, recorded.size());
    TimestampToken token = recorded.get(0);
    assertEquals("ca-1", token.caId());
    assertEquals("192.0.2.7", token.requester());
    assertEquals("2.16.840.1.101.3.4.2.1", token.hashAlgorithm());
    assertEquals(
        HexFormat.of()
            .formatHex(response.getTimeStampToken().getTimeStampInfo().getMessageImprintDigest()),
        token.messageImprint());
    assertEquals(List.of("TIMESTAMP 192.0.2.7"), admitted);
    assertEquals(1.0, registry.counter("pkiaas.timestamps", "outcome", "granted").count());
  }

  @Test
  void sha512IsGranted() throws Exception {
    assertEquals(PKIStatus.GRANTED, rfc3161("sha512-nonce-cert.tsq").getStatus());
  }

  @Test
  void md5IsBadAlgAndNothingIsRecorded() throws Exception {
    TimeStampResponse response = rfc3161("md5.tsq");
    assertEquals(PKIStatus.REJECTION, response.getStatus());
    assertEquals(PKIFailureInfo.badAlg, response.getFailInfo().intValue());
    assertTrue(recorded.isEmpty());
    assertEquals(1.0, registry.counter("pkiaas.timestamps", "outcome", "rejected").count());
  }

  @Test
  void anotherPolicyIsUnacceptedPolicy() throws Exception {
    TimeStampResponse response = rfc3161("policy-1.2.3.4.5.tsq");
    assertEquals(PKIStatus.GRANTED, response.getStatus()); // 1.2.3.4.5 is this CA's policy here
    recording = false;
    ASN1ObjectIdentifier other = new ASN1ObjectIdentifier("1.2.3.4.6");
    unit = TestUnits.p256("ca-1", TsaPolicies.only(other));
    response = rfc3161("policy-1.2.3.4.5.tsq");
    assertEquals(PKIStatus.REJECTION, response.getStatus());
    assertEquals(PKIFailureInfo.unacceptedPolicy, response.getFailInfo().intValue());
    assertTrue(response.getStatusString().contains("1.2.3.4.6"), response.getStatusString());
  }

  @Test
  void anAcceptedPolicyIsGrantedAndNamedInTheToken() throws Exception {
    ASN1ObjectIdentifier other = new ASN1ObjectIdentifier("1.2.3.4.6");
    unit = TestUnits.p256("ca-1", new TsaPolicies(other, Set.of(POLICY)));
    TimeStampResponse response = rfc3161("policy-1.2.3.4.5.tsq");
    assertEquals(PKIStatus.GRANTED, response.getStatus());
    assertEquals(POLICY, response.getTimeStampToken().getTimeStampInfo().getPolicy());
    assertEquals(POLICY.getId(), recorded.get(0).policy());
    assertEquals(
        other, rfc3161("sha256-nonce-cert.tsq").getTimeStampToken().getTimeStampInfo().getPolicy());
  }

  @Test
  void garbageIsBadDataFormat() throws Exception {
    TimeStampResponse response = rfc3161("truncated.tsq");
    assertEquals(PKIFailureInfo.badDataFormat, response.getFailInfo().intValue());
  }

  @Test
  void aFailureToRecordIsSystemFailureNotAToken() throws Exception {
    tsa.records =
        new TimestampRecords() {
          @Override
          public void record(TimestampToken token) {
            throw new IllegalStateException("database down");
          }
        };
    TimeStampResponse response = rfc3161("sha256-no-nonce.tsq");
    assertEquals(PKIStatus.REJECTION, response.getStatus());
    assertEquals(PKIFailureInfo.systemFailure, response.getFailInfo().intValue());
  }

  @Test
  void theRecordCanBeTurnedOff() throws Exception {
    recording = false;
    assertEquals(PKIStatus.GRANTED, rfc3161("sha256-no-nonce.tsq").getStatus());
    assertTrue(recorded.isEmpty());
  }

  @Test
  void unknownCaIsNotFoundAndThrottlingComesFirst() throws Exception {
    byte[] query = fixture("sha256-no-nonce.tsq");
    assertThrows(NotFoundException.class, () -> tsa.rfc3161("ca-2", query, "192.0.2.7"));
    throttle = true;
    assertThrows(ThrottledException.class, () -> tsa.rfc3161("ca-1", query, "192.0.2.7"));
    assertThrows(
        ThrottledException.class,
        () -> tsa.authenticode("ca-1", fixture("authenticode-request.b64"), "192.0.2.7"));
  }

  @Test
  void authenticodeIsStampedAndRecorded() throws Exception {
    byte[] reply = tsa.authenticode("ca-1", fixture("authenticode-request.b64"), "192.0.2.8");
    assertNotNull(reply);
    assertEquals(1, recorded.size());
    assertEquals(TimestampToken.Protocol.AUTHENTICODE, recorded.get(0).protocol());
    TimeStampRejected rejected =
        assertThrows(
            TimeStampRejected.class,
            () -> tsa.authenticode("ca-1", fixture("sha256-no-nonce.tsq"), "192.0.2.8"));
    assertEquals(FailInfo.BAD_DATA_FORMAT, rejected.failInfo());
  }
}
