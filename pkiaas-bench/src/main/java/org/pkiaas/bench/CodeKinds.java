package org.pkiaas.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The kinds of code a profile's samples are counted for ({@link PerfProfile}, {@link
 * AsyncProfile}): the kernel, the JVM, native libraries, and Java code by library.
 */
final class CodeKinds {

  /** The library a Java method belongs to, by its qualified name; the first that matches wins. */
  private static final List<Map.Entry<String, Pattern>> JAVA =
      List.of(
          // curve and field arithmetic, digests, the signers: Bouncy Castle's primitives
          code("Bouncy Castle's math and crypto", "^org\\.bouncycastle\\.(math|crypto)\\."),
          code("Bouncy Castle's ASN.1 and the rest", "^org\\.bouncycastle\\."),
          code("Hibernate Validator", "^org\\.hibernate\\.validator\\."),
          code("Hibernate ORM", "^org\\.hibernate\\."),
          code("MariaDB Connector/J", "^org\\.mariadb\\."),
          code("IronJacamar's pool", "^org\\.jboss\\.jca\\."),
          code(
              "transactions (Narayana)",
              "^(com\\.arjuna|org\\.jboss\\.tm|org\\.wildfly\\.transaction)\\."),
          code("EJB and EE invocation", "^org\\.jboss\\.(as|invocation|ejb)\\."),
          code("Weld (CDI)", "^org\\.jboss\\.weld\\."),
          code("RESTEasy (JAX-RS)", "^org\\.jboss\\.resteasy\\."),
          code("Undertow and XNIO", "^(io\\.undertow|org\\.xnio|org\\.wildfly\\.extension)\\."),
          code("Elytron", "^org\\.wildfly\\.security\\."),
          code("JSON-B and JSON-P", "^(org\\.eclipse\\.(yasson|parsson)|jakarta\\.json)\\."),
          code("logging", "^org\\.jboss\\.log"),
          code("PKIaaS", "^org\\.pkiaas\\."),
          code("the JDK's library", "^(java|javax|jdk|sun|com\\.sun)\\."),
          code("other Java code", ""));

  static final String KERNEL = "the kernel";
  static final String JVM = "the JVM's runtime and stubs";
  static final String MONTGOMERY =
      "BigInteger's Montgomery multiplication (the JVM's intrinsic behind RSA)";
  static final String NATIVE = "other native code";

  private CodeKinds() {}

  private static Map.Entry<String, Pattern> code(String name, String regex) {
    return Map.entry(name, Pattern.compile(regex));
  }

  /** Every kind of code, each with no samples yet, in the order the lines name them. */
  static Map<String, Long> emptyCounts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put(KERNEL, 0L);
    counts.put(JVM, 0L);
    counts.put(MONTGOMERY, 0L);
    counts.put(NATIVE, 0L);
    JAVA.forEach(entry -> counts.put(entry.getKey(), 0L));
    return counts;
  }

  /** The library of a Java method, by its qualified name ({@code org.pkiaas.Type.method}). */
  static String javaCode(String method) {
    return JAVA.stream()
        .filter(entry -> entry.getValue().matcher(method).find())
        .findFirst()
        .orElseThrow()
        .getKey();
  }
}
