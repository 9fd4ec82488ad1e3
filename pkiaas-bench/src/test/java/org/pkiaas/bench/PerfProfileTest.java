package org.pkiaas.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PerfProfileTest {

  /**
   * Seven request-thread samples and one of the JIT's thread, as {@code perf script} prints them.
   */
  private static PerfProfile.Shares sample() throws Exception {
    try (var in = PerfProfileTest.class.getResourceAsStream("/perf-script-sample.txt");
        var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return PerfProfile.of(reader);
    }
  }

  @Test
  void onlyTheRequestThreadsSamplesCount() throws Exception {
    PerfProfile.Shares shares = sample();
    assertEquals(7, shares.samples());
    assertEquals(2, shares.counts().get("the JVM's runtime and stubs")); // not the C2 thread's
  }

  @Test
  void eachSampleCountsForItsInnermostFrameOnly() throws Exception {
    PerfProfile.Shares shares = sample();
    assertEquals(1, shares.counts().get("Bouncy Castle's math and crypto"));
    assertEquals(1, shares.counts().get("the kernel"));
    assertEquals(1, shares.counts().get("other native code"));
    assertEquals(1, shares.counts().get("the JDK's library")); // HashMap.get called by Hibernate
    assertEquals(0, shares.counts().get("Hibernate ORM"));
  }

  @Test
  void aJavaFrameBelongsToItsMethodsClassNotItsReturnType() {
    assertEquals(
        "PKIaaS",
        PerfProfile.codeOf(
            "org.hibernate.query.spi.QueryImplementor"
                + " org.pkiaas.template.control.StoredTemplates.findWithCa(jakarta.persistence"
                + ".EntityManager, java.lang.String) (/tmp/perf-1.map)"));
    assertEquals(
        "the JDK's library",
        PerfProfile.codeOf(
            "java.lang.Object java.util.HashMap.get(java.lang.Object) (/tmp/perf-1.map)"));
    assertEquals(
        "Hibernate Validator",
        PerfProfile.codeOf(
            "void org.hibernate.validator.internal.engine.ValidatorImpl.validate() (/tmp/perf-1.map)"));
  }

  @Test
  void codeTheJitMadeThatIsNoJavaMethodIsTheJvms() {
    assertEquals(
        "the JVM's runtime and stubs", PerfProfile.codeOf("StubRoutines (2) (/tmp/perf-1.map)"));
    assertEquals(
        "the JVM's runtime and stubs", PerfProfile.codeOf("vtable chunks (/tmp/perf-1.map)"));
  }

  @Test
  void theJvmsMontgomeryMultiplicationIsRsasArithmeticNotTheRuntime() {
    assertEquals(
        "BigInteger's Montgomery multiplication (the JVM's intrinsic behind RSA)",
        PerfProfile.codeOf(
            "montgomery_multiply (/usr/lib/jvm/java-17-openjdk-amd64/lib/server/libjvm.so)"));
    assertEquals(
        "BigInteger's Montgomery multiplication (the JVM's intrinsic behind RSA)",
        PerfProfile.codeOf(
            "SharedRuntime::montgomery_square (/usr/lib/jvm/java-17-openjdk-amd64/lib/server/libjvm.so)"));
    assertEquals(
        "the JVM's runtime and stubs",
        PerfProfile.codeOf(
            "JVM_GetNanoTimeAdjustment (/usr/lib/jvm/java-17-openjdk-amd64/lib/server/libjvm.so)"));
  }

  @Test
  void whatPerfCouldNotNameIsCountedApart() {
    assertEquals("code perf could not name", PerfProfile.codeOf("[unknown] ([unknown])"));
    // compiled code the JIT freed before its map was written
    assertEquals("code perf could not name", PerfProfile.codeOf("[unknown] (/tmp/perf-1.map)"));
  }

  @Test
  void theVdsoAndKernelModulesAreTheKernelsAndADeletedLibraryStaysNative() {
    assertEquals("the kernel", PerfProfile.codeOf("__vdso_clock_gettime ([vdso])"));
    assertEquals("the kernel", PerfProfile.codeOf("virtnet_poll ([virtio_net])"));
    assertEquals("other native code", PerfProfile.codeOf("memcpy (/usr/lib/libx.so.1 (deleted))"));
  }

  @Test
  void theLineNamesTheLargestSharesFirst() throws Exception {
    String line = sample().line("one call", "perf");
    assertTrue(
        line.startsWith("- the request threads' CPU by code during \"one call\" (perf, 7"), line);
    assertTrue(line.contains(": the JVM's runtime and stubs 28.6 %, "), line);
    assertTrue(line.indexOf("the JVM's") < line.indexOf("the kernel 14.3 %"), line);
  }
}
