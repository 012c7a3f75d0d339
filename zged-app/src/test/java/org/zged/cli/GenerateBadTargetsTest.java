package org.zged.cli;

import static org.zged.cli.OutputTargetsTest.assertOneLineError;

import org.junit.jupiter.api.Test;

/** Targets generation cannot design are refused by the flag's name, before the model loads. */
class GenerateBadTargetsTest {
  @Test
  void onlyCommasInPolesIsAnEmptyItemNotAMissingFc() {
    assertOneLineError(CliRun.zged("generate", "--poles", ",,,"), "--poles: empty item in ',,,'");
  }

  @Test
  void polesBeyondTheDesignRangeAreRefusedInTextAndJsonAlike() {
    String poles = "-1e300+1e300j,-1e300-1e300j";
    assertOneLineError(CliRun.zged("generate", "--poles", poles), "--poles: pole ");
    assertOneLineError(CliRun.zged("generate", "--poles", poles, "--json"), "--poles: pole ");
    assertOneLineError(CliRun.zged("generate", "--poles", "-1e-9"), "--poles: pole ");
    assertOneLineError(
        CliRun.zged("generate", "--poles", "-1000,-2000", "--zeros", "1e300"), "--zeros: zero ");
  }

  @Test
  void aTinyQIsRefusedByNameNotWithAnInternalAdmittanceError() {
    assertOneLineError(
        CliRun.zged("generate", "--fc", "10k", "--q", "1e-9"),
        "--q: must be between 0.00001 and 1000, got 1.0E-9");
    assertOneLineError(
        CliRun.zged("generate", "--type", "lowpass", "--fc", "10k", "--q", "1e-6"), "--q: ");
    assertOneLineError(CliRun.zged("generate", "--fc", "10k", "--q", "1001"), "--q: ");
  }
}
