package org.zged.model.train;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/** The directives reach the JVM: its directive stack lists them after {@link TrainingJit#apply}. */
class TrainingJitTest {
  @Test
  void directivesAreInTheJvmsStack() throws Exception {
    assumeTrue(!"default".equals(System.getProperty("zged.train.jit")));
    assertTrue(TrainingJit.apply(), "the directives were not added");
    assertTrue(TrainingJit.apply(), "a second call must keep them (and add nothing)");
    ObjectName dcmd = new ObjectName("com.sun.management:type=DiagnosticCommand");
    String stack =
        (String)
            ManagementFactory.getPlatformMBeanServer()
                .invoke(dcmd, "compilerDirectivesPrint", new Object[0], new String[0]);
    assertTrue(stack.contains("ai/djl/*.*"), stack);
    assertTrue(stack.contains("org/zged/model/train/AdamOptimizer.*"), stack);
  }
}
