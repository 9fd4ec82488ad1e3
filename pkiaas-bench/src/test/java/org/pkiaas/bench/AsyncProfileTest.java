package org.pkiaas.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AsyncProfileTest {

  /** Sixteen request-thread samples in eight stacks, and seven of the JIT's thread. */
  private static AsyncProfile.Profile sample() throws Exception {
    try (var in = AsyncProfileTest.class.getResourceAsStream("/asprof-collapsed-sample.txt");
        var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return AsyncProfile.of(reader);
    }
  }

  @Test
  void onlyTheRequestThreadsSamplesCountEachForItsInnermostFrame() throws Exception {
    PerfProfile.Shares shares = sample().byCode();
    assertEquals(16, shares.samples());
    assertEquals(7, shares.counts().get("Bouncy Castle's math and crypto"));
    assertEquals(1, shares.counts().get("Hibernate ORM"));
    assertEquals(3, shares.counts().get("the kernel"));
    assertEquals(3, shares.counts().get("the JVM's runtime and stubs"));
    assertEquals(1, shares.counts().get("the JDK's library"));
    assertEquals(1, shares.counts().get("other native code"));
    assertEquals(0, shares.counts().get("MariaDB Connector/J")); // not innermost
  }

  @Test
  void eachSampleCountsForTheFirstStepItsFramesBelongTo() throws Exception {
    Map<String, Long> steps = sample().bySteps();
    assertEquals(5, steps.get("the CSR's parse and signature check"));
    assertEquals(3, steps.get("storing (the commit group's transaction)"));
    assertEquals(3, steps.get("deciding, building and signing")); // IssuanceService.issue's too
    assertEquals(1, steps.get("storing"));
    assertEquals(1, steps.get("the rest of the one call"));
    assertEquals(3, steps.get("the rest: HTTP, sign-in, the body, the answer"));
  }

  @Test
  void aWindowWithoutIssuanceGetsNoLineByStep() throws Exception {
    String line =
        AsyncProfile.of(
                new BufferedReader(
                    new java.io.StringReader(
                        "[default task-1 tid=1];java/lang/Thread.run;org/jboss/resteasy/X.y 4\n")))
            .lines("a read");
    assertEquals(1, line.lines().count(), line);
  }

  @Test
  void framesAreNamedAsAsyncProfilerNamesThem() {
    assertEquals("PKIaaS", AsyncProfile.codeOf("org/pkiaas/issuance/control/CsrReader.parse"));
    assertEquals("Hibernate ORM", AsyncProfile.codeOf("org/hibernate/Session.flush_[j]"));
    assertEquals("the kernel", AsyncProfile.codeOf("finish_task_switch.isra.0_[k]"));
    assertEquals("the JVM's runtime and stubs", AsyncProfile.codeOf("ObjectSynchronizer::wait"));
    assertEquals("the JVM's runtime and stubs", AsyncProfile.codeOf("vtable stub"));
    assertEquals(
        "the JVM's runtime and stubs", AsyncProfile.codeOf("jbyte_disjoint_arraycopy_avx3"));
    assertEquals("other native code", AsyncProfile.codeOf("__futex_abstimed_wait_common"));
    assertEquals(
        "the JDK's library", AsyncProfile.codeOf("java/math/BigInteger.montgomeryMultiply"));
    assertEquals(
        "BigInteger's Montgomery multiplication (the JVM's intrinsic behind RSA)",
        AsyncProfile.codeOf("StubRoutines::montgomeryMultiply"));
  }

  @Test
  void theSectionGetsALineByCodeAndOneByStep() throws Exception {
    String lines = sample().lines("one call");
    assertTrue(
        lines.startsWith(
            "- the request threads' CPU by code during \"one call\" (async-profiler, 16 samples"),
        lines);
    assertTrue(lines.contains("the CSR's parse and signature check 31.3 %"), lines);
  }
}
