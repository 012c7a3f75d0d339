package org.zged.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThreadCpuTest {
  @Test
  void namesOfTheJvmsThreadsGoToTheirKinds() {
    assertEquals("C2 compiler", ThreadCpu.kind("C2 CompilerThre"));
    assertEquals("C1 compiler", ThreadCpu.kind("C1 CompilerThre"));
    assertEquals("GC", ThreadCpu.kind("GC Thread#0"));
    assertEquals("GC", ThreadCpu.kind("G1 Conc#0"));
    assertEquals("other", ThreadCpu.kind("main"));
  }

  /** The /proc figures cover at least this thread's own CPU time as the JVM measures it. */
  @Test
  void procTimesIncludeThisThreadsCpu() {
    assumeTrue(Files.isDirectory(Path.of("/proc/self/task")));
    long until = System.nanoTime() + 300_000_000L;
    double x = 0;
    while (System.nanoTime() < until) {
      x += Math.sqrt(x + 1);
    }
    double mine = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1e9;
    Map<String, Double> kinds = ThreadCpu.byKind();
    assertTrue(x > 0);
    // /proc counts in ticks of 10 ms
    assertTrue(kinds.get("other") >= mine - 0.02, kinds + " vs this thread's " + mine + " s");
    double total = kinds.values().stream().mapToDouble(Double::doubleValue).sum();
    double process =
        ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime()
            / 1e9;
    assertTrue(total <= process + 0.05, kinds + " vs the process's " + process + " s");
  }
}
