package org.pkiaas.input;

/**
 * The shapes of enumerated and coded request fields, for {@code @Pattern} on the request records;
 * each with the message a refusal carries. Membership proper (is this curve one we support for this
 * key?) stays with the code that uses the value.
 */
public final class FieldFormats {

  /** The API's key types, exactly as written. */
  public static final String KEY_TYPES = "RSA|EC|ED25519|ML_DSA|SLH_DSA";

  public static final String KEY_TYPE_MESSAGE =
      "The key type is RSA, EC, ED25519, ML_DSA or SLH_DSA";
  public static final String CURVES = "P-256|P-384|P-521|secp256r1|prime256v1|secp384r1|secp521r1";
  public static final String CURVE_MESSAGE = "The curve is P-256, P-384 or P-521";

  /** A signature algorithm ({@code SHA384withECDSA}) or just its hash ({@code SHA-384}). */
  public static final String ALGORITHM = "[A-Za-z0-9-]{1,64}";

  public static final String ALGORITHM_MESSAGE =
      "A signature algorithm is a name such as SHA256withRSA or a hash such as SHA-384";

  /** A key usage or extended key usage name, or a dotted OID. */
  public static final String USAGE = "[A-Za-z0-9.]{1,64}";

  public static final String USAGE_MESSAGE =
      "A usage is a name such as digitalSignature or serverAuth, or a dotted OID";

  /**
   * An object identifier in dotted form ({@code 1.3.6.1.4.1.99999.1}): a first arc of 0, 1 or 2,
   * then arcs without leading zeros. The second arc's limit under 0 and 1 (X.660) is left to the
   * code that parses it.
   */
  public static final String OID = "[0-2](\\.(0|[1-9][0-9]{0,38})){1,40}";

  public static final int MAX_OID_LENGTH = 100;

  public static final String OID_MESSAGE =
      "A policy is an object identifier in dotted form, such as 1.3.6.1.4.1.99999.1";

  /**
   * A subject alternative name as the API writes it: {@code DNS:www.example.com}, {@code
   * IP:192.0.2.1}, …
   */
  public static final int MAX_NAMES = 100;

  public static final int MAX_NAME_LENGTH = 300;

  /** The names of one request together, one separator counted between each two. */
  public static final int MAX_NAMES_JOINED = 4000;

  public static final int MAX_CSR_LENGTH = 256 * 1024;
  public static final int MAX_EMAIL_LENGTH = 320;
  public static final int MAX_DN_LENGTH = 1000;

  /** The identifiers the API hands out (UUIDs). */
  public static final String ID = "[A-Za-z0-9-]{1,64}";

  public static final String ID_MESSAGE = "An id is the one the API answered, such as 0b6c5a0e-…";

  private FieldFormats() {}
}
