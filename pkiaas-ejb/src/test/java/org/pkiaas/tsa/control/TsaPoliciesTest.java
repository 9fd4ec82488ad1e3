package org.pkiaas.tsa.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.junit.jupiter.api.Test;
import org.pkiaas.tsa.boundary.FailInfo;
import org.pkiaas.tsa.boundary.TimeStampRejected;

/** RFC 3161 §2.4.1 reqPolicy against a CA's default and accepted policies. */
class TsaPoliciesTest {

  static final ASN1ObjectIdentifier DEFAULT = new ASN1ObjectIdentifier("2.25.1.1");
  static final ASN1ObjectIdentifier QUALIFIED = new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.7");
  static final ASN1ObjectIdentifier OTHER = new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.8");

  final TsaPolicies policies = new TsaPolicies(DEFAULT, Set.of(QUALIFIED));

  @Test
  void noRequestedPolicyIsTheDefault() throws Exception {
    assertEquals(DEFAULT, policies.grant(null));
  }

  @Test
  void theDefaultAndAnAcceptedPolicyAreGrantedAsAsked() throws Exception {
    assertEquals(DEFAULT, policies.grant(new ASN1ObjectIdentifier("2.25.1.1")));
    assertEquals(QUALIFIED, policies.grant(new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.7")));
  }

  @Test
  void anyOtherPolicyIsUnacceptedPolicyNamingThoseGranted() {
    TimeStampRejected refused = assertThrows(TimeStampRejected.class, () -> policies.grant(OTHER));
    assertEquals(FailInfo.UNACCEPTED_POLICY, refused.failInfo());
    assertEquals(
        "This TSA stamps under policy 2.25.1.1, 1.3.6.1.4.1.99999.7 only", refused.getMessage());
    assertThrows(TimeStampRejected.class, () -> TsaPolicies.only(DEFAULT).grant(QUALIFIED));
  }

  @Test
  void theDefaultComesFirstAmongTheIds() {
    assertEquals(List.of("2.25.1.1", "1.3.6.1.4.1.99999.7"), policies.ids());
  }
}
