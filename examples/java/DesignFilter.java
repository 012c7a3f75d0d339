import org.zged.analysis.CircuitAnalyzer;
import org.zged.analysis.FilterSpecs;
import org.zged.circuit.Circuit;
import org.zged.fit.SpecTarget;
import org.zged.generate.CandidateReport;
import org.zged.generate.Constraints;
import org.zged.generate.DesignRequest;
import org.zged.generate.Designer;
import org.zged.generate.GenerateResponse;
import org.zged.model.ZgedModel;
import org.zged.netlist.NetlistReader;

/**
 * Designs a filter through zged's library API and checks the answer independently: a 1 kHz
 * high-pass with a pole Q of 0.9 in at most 5 parts (none of zged's twelve template families can
 * do this: the only second-order high-pass template is lossless), then the returned SPICE netlist
 * is read back and analysed from scratch. Exit code 0 when the re-analysis agrees within 1 %.
 *
 * <p>Run it with {@code examples/java/run.sh} (builds zged, then runs this file with the built jars).
 */
public final class DesignFilter {
  public static void main(String[] args) {
    double fc = 1e3;
    double q = 0.9;
    SpecTarget target = SpecTarget.builder().optType("highpass").optFc(fc).optQ(q).build();
    try (ZgedModel model = ZgedModel.loadDefault()) {
      Designer designer = Designer.builder().setModel(model).build();
      DesignRequest job =
          DesignRequest.builder()
              .setTarget(target)
              .optConstraints(Constraints.builder().optMaxParts(5).build())
              .optCount(1)
              .optSeed(1)
              .build();
      GenerateResponse answer = designer.report(job);
      if (answer.candidates().isEmpty() || !answer.candidates().get(0).meetsTarget()) {
        System.out.println("no design: " + answer.diagnosis());
        System.exit(1);
      }
      CandidateReport best = answer.candidates().get(0);
      System.out.println(
          "designed " + target.describe() + " from " + best.source() + ", " + best.parts()
              + " parts, topology " + best.topology());
      System.out.print(best.netlist());

      // Independent check: parse the netlist text and analyse it again.
      Circuit again = NetlistReader.parse(best.netlist(), "candidate-1.cir", "vin", "vout");
      FilterSpecs s = CircuitAnalyzer.specs(again);
      double fcErr = Math.abs(s.fcHz() / fc - 1);
      double qErr = Math.abs(s.poleQ() / q - 1);
      System.out.printf(
          "re-analysed: %s, fc %.6g Hz (error %.2g), pole Q %.6g (error %.2g)%n",
          s.responseClass(), s.fcHz(), fcErr, s.poleQ(), qErr);
      boolean ok = s.responseClass().label().equals("highpass") && fcErr < 0.01 && qErr < 0.01;
      System.out.println(ok ? "verified" : "VERIFICATION FAILED");
      if (!ok) {
        System.exit(1);
      }
    }
  }
}
