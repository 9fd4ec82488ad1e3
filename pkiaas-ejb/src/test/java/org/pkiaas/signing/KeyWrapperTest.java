package org.pkiaas.signing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pkiaas.config.PkiaasConfigs;

class KeyWrapperTest {

  private static final String OWNER = "ca:7f0c1d2e-0000-4000-8000-000000000001";
  private static Map<String, KeyPair> keys;

  @TempDir Path dir;

  private KeyWrapper wrapper;

  @BeforeAll
  static void generateKeys() {
    keys =
        Map.of(
            "RSA", KeySpec.parse("RSA", 2048, null, null).generate(),
            "EC", KeySpec.parse("EC", null, "P-384", null).generate(),
            "ED25519", KeySpec.parse("ED25519", null, null, null).generate(),
            "ML_DSA", KeySpec.parse("ML_DSA", null, null, "65").generate(),
            "SLH_DSA", KeySpec.parse("SLH_DSA", null, null, "SHA2-128F").generate());
  }

  @BeforeEach
  void wrapperWithFreshMasterKey() {
    wrapper = wrapper(dir.resolve("master.key"));
  }

  static Stream<String> keyTypes() {
    return Stream.of("RSA", "EC", "ED25519", "ML_DSA", "SLH_DSA");
  }

  @ParameterizedTest
  @MethodSource("keyTypes")
  void wrappedKeyUnwrapsToTheSameKey(String type) throws Exception {
    KeyPair pair = keys.get(type);

    byte[] wrapped = wrapper.wrap(pair.getPrivate(), OWNER);
    PrivateKey unwrapped = wrapper.unwrap(wrapped, OWNER);

    assertArrayEquals(pair.getPrivate().getEncoded(), unwrapped.getEncoded());
    assertSignsFor(unwrapped, pair);
  }

  @ParameterizedTest
  @MethodSource("keyTypes")
  void wrappedKeyDoesNotContainThePlainKey(String type) {
    byte[] plain = keys.get(type).getPrivate().getEncoded();
    byte[] wrapped = wrapper.wrap(keys.get(type).getPrivate(), OWNER);
    byte[] tail = Arrays.copyOfRange(plain, plain.length - 16, plain.length);
    assertFalse(contains(wrapped, tail), "the key material is visible in the wrapped form");
    assertEquals(
        1 + 12 + plain.length + 16, wrapped.length, "version, IV, ciphertext and a 128-bit tag");
    assertEquals(1, wrapped[0]);
  }

  @Test
  void wrappingTwiceUsesFreshIvs() {
    PrivateKey key = keys.get("EC").getPrivate();
    byte[] first = wrapper.wrap(key, OWNER);
    byte[] second = wrapper.wrap(key, OWNER);
    assertFalse(Arrays.equals(Arrays.copyOfRange(first, 1, 13), Arrays.copyOfRange(second, 1, 13)));
    assertFalse(Arrays.equals(first, second));
  }

  @ParameterizedTest
  @MethodSource("keyTypes")
  void keyOfAnotherOwnerDoesNotUnwrap(String type) {
    byte[] wrapped = wrapper.wrap(keys.get(type).getPrivate(), OWNER);
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> wrapper.unwrap(wrapped, "ca:7f0c1d2e-0000-4000-8000-000000000002"));
    assertTrue(e.getMessage().contains("cannot be unwrapped"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 12, 13, 40, -1})
  void tamperedWrappedKeyDoesNotUnwrap(int position) {
    byte[] wrapped = wrapper.wrap(keys.get("ED25519").getPrivate(), OWNER);
    int index = position < 0 ? wrapped.length + position : position;
    wrapped[index] ^= 0x01; // IV, first and later ciphertext bytes, last tag byte
    assertThrows(IllegalStateException.class, () -> wrapper.unwrap(wrapped, OWNER));
  }

  @Test
  void truncatedCiphertextOrUnknownVersionIsRefused() {
    byte[] wrapped = wrapper.wrap(keys.get("EC").getPrivate(), OWNER);
    assertThrows(
        IllegalStateException.class,
        () -> wrapper.unwrap(Arrays.copyOf(wrapped, wrapped.length - 1), OWNER));
    assertThrows(
        IllegalStateException.class, () -> wrapper.unwrap(Arrays.copyOf(wrapped, 5), OWNER));
    assertThrows(IllegalStateException.class, () -> wrapper.unwrap(new byte[0], OWNER));
    byte[] version2 = wrapped.clone();
    version2[0] = 2;
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> wrapper.unwrap(version2, OWNER));
    assertTrue(e.getMessage().contains("unknown format"), e.getMessage());
  }

  /** A wrapped key too short to hold even the GCM tag is as malformed as one without an IV. */
  @ParameterizedTest
  @ValueSource(ints = {13, 14, 28})
  void wrappedKeyShorterThanTheTagIsRefusedLikeAnyMalformedOne(int length) {
    byte[] wrapped = Arrays.copyOf(wrapper.wrap(keys.get("EC").getPrivate(), OWNER), length);
    assertThrows(IllegalStateException.class, () -> wrapper.unwrap(wrapped, OWNER));
  }

  @Test
  void keyWrappedUnderAnotherMasterKeyDoesNotUnwrap() {
    byte[] wrapped = wrapper.wrap(keys.get("ML_DSA").getPrivate(), OWNER);
    KeyWrapper other = wrapper(dir.resolve("other").resolve("master.key"));
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> other.unwrap(wrapped, OWNER));
    assertNull(e.getCause(), "no cause detail may leak from a failed unwrap");
  }

  @Test
  void keyUnwrapsAfterARestartWithTheSameMasterKeyFile() throws Exception {
    byte[] wrapped = wrapper.wrap(keys.get("RSA").getPrivate(), OWNER);
    KeyWrapper restarted = wrapper(dir.resolve("master.key"));
    assertSignsFor(restarted.unwrap(wrapped, OWNER), keys.get("RSA"));
  }

  static KeyWrapper wrapper(Path masterKeyFile) {
    MasterKey masterKey = new MasterKey();
    masterKey.config = PkiaasConfigs.withMasterKeyFile(masterKeyFile);
    masterKey.load(true); // what MasterKeyGuard allows for a database that holds no wrapped key
    KeyWrapper wrapper = new KeyWrapper();
    wrapper.masterKey = masterKey;
    return wrapper;
  }

  private static void assertSignsFor(PrivateKey privateKey, KeyPair original) throws Exception {
    String algorithm = KeySpec.of(original.getPublic()).signatureAlgorithms().get(0);
    byte[] data = "wrapped and back".getBytes(StandardCharsets.UTF_8);
    Signature signer = Signature.getInstance(algorithm, BouncyCastle.PROVIDER);
    signer.initSign(privateKey);
    signer.update(data);
    byte[] signature = signer.sign();
    Signature verifier = Signature.getInstance(algorithm, BouncyCastle.PROVIDER);
    verifier.initVerify(original.getPublic());
    verifier.update(data);
    assertTrue(verifier.verify(signature));
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
        return true;
      }
    }
    return false;
  }
}
