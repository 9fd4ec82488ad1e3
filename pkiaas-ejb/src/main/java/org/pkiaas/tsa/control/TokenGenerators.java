package org.pkiaas.tsa.control;

import java.util.HashMap;
import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.bouncycastle.util.CollectionStore;
import org.pkiaas.signing.BouncyCastle;

/**
 * A time-stamping unit's token generators, each made once per thread and policy: the signer with
 * its key, the ESS signingCertificateV2 attribute (a hash of the unit's certificate) and the
 * certificates sent on certReq are then ready for every token, where building them for each token
 * cost about a tenth of the token (docs/BENCHMARKS.md, "Time stamps"). Per thread, because a
 * generator and its signer are used by one caller at a time, and the signer draws on its thread's
 * randomness ({@link org.pkiaas.random.Randomness}).
 */
public final class TokenGenerators {

  private final ThreadLocal<Map<ASN1ObjectIdentifier, TimeStampTokenGenerator>> perThread =
      ThreadLocal.withInitial(HashMap::new);

  /** This thread's generator of the unit's tokens under the policy. */
  TimeStampTokenGenerator forPolicy(TsaUnit unit, ASN1ObjectIdentifier policy) {
    return perThread.get().computeIfAbsent(policy, granted -> create(unit, granted));
  }

  private static TimeStampTokenGenerator create(TsaUnit unit, ASN1ObjectIdentifier policy) {
    try {
      DigestCalculatorProvider digests =
          new JcaDigestCalculatorProviderBuilder().setProvider(BouncyCastle.PROVIDER).build();
      TimeStampTokenGenerator generator =
          new TimeStampTokenGenerator(
              new JcaSignerInfoGeneratorBuilder(digests).build(unit.signer(), unit.certificate()),
              digests.get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
              policy);
      generator.setAccuracySeconds(1);
      generator.addCertificates(new CollectionStore<>(unit.chain()));
      return generator;
    } catch (OperatorCreationException | TSPException e) {
      throw new IllegalStateException("Cannot prepare time-stamp tokens of " + unit, e);
    }
  }
}
