package org.zged.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zged.model.train.EpochStats;
import org.zged.model.train.TrainConfig;

/** The reading is derived from the numbers: each claim's verdict flips with them. */
class ExperimentsMarkdownTest {
  private static final TrainConfig CONFIG =
      TrainConfig.load(
          Path.of(System.getProperty("zged.root", "..")).resolve("configs/production.yaml"));

  private static EvalReport eval(double componentAcc, double topology, double priorValidity) {
    return new EvalReport(
        "m",
        "d",
        "val",
        240,
        12,
        12,
        240,
        12,
        Map.of("total", 1000L),
        1,
        1,
        Map.of(),
        new long[8][8],
        componentAcc,
        1,
        1,
        1,
        topology,
        topology,
        topology,
        Map.of(),
        Map.of(),
        0.5,
        1,
        Map.of(),
        new EvalReport.LatentSwap(10, 1.0, 1.0),
        0.01,
        0.001,
        0.5,
        10,
        new EvalReport.Prior(
            10,
            10,
            1,
            priorValidity,
            priorValidity,
            priorValidity / 2,
            0.1,
            0.5,
            3,
            List.of(),
            Map.of()),
        1);
  }

  private static EpochStats epoch(int e, double total, double shareTf, double shareRecon) {
    Map<String, Double> v =
        Map.of(
            "total",
            total,
            "share_tf",
            shareTf,
            "share_recon",
            shareRecon,
            "share_kl",
            0.0,
            "share_connectivity",
            0.0,
            "exact_match",
            e >= 1 ? 1.0 : 0.5);
    return new EpochStats(e, 1, 1, 1, Map.of("total", total), v);
  }

  private static ExperimentResult run(String name, List<EpochStats> h, EvalReport e) {
    int best = 0;
    for (EpochStats s : h) {
      if (s.valLoss() < h.get(best).valLoss()) {
        best = s.epoch();
      }
    }
    return new ExperimentResult(
        new Experiment(name, "purpose", CONFIG),
        "trained",
        h,
        best,
        h.get(best).valLoss(),
        2.0,
        Map.of("total", 1000L),
        e);
  }

  @Test
  void tfDominanceFollowsTheMeasuredShare() {
    String yes =
        ExperimentsMarkdown.reading(
            List.of(
                run("exp001-baseline", List.of(epoch(0, 2, 0.6, 0.3)), eval(1, 1, 0.5)),
                run("exp002-optimized", List.of(epoch(0, 1, 0.02, 0.9)), eval(1, 1, 0.5))));
    assertTrue(yes.contains("Reproduced: at weight 0.5 the TF term is the largest part."), yes);
    String no =
        ExperimentsMarkdown.reading(
            List.of(
                run("exp001-baseline", List.of(epoch(0, 2, 0.1, 0.8)), eval(1, 1, 0.5)),
                run("exp002-optimized", List.of(epoch(0, 1, 0.02, 0.9)), eval(1, 1, 0.5))));
    assertTrue(no.contains("Not reproduced"), no);
  }

  @Test
  void jointVersusSeparateVerdictFollowsTheAccuracies() {
    List<EpochStats> h = List.of(epoch(0, 2, 0.1, 0.8), epoch(1, 1, 0.1, 0.8));
    String joint =
        ExperimentsMarkdown.reading(
            List.of(
                run("reference", h, eval(1.0, 0.9, 0.8)),
                run("ablation-separate-heads", h, eval(0.7, 0.5, 0.8))));
    assertTrue(joint.contains("Supports the claim: joint does better."), joint);
    assertTrue(joint.contains("first reached 100 % at epoch 2 (joint) and 2 (separate)"), joint);
    String separate =
        ExperimentsMarkdown.reading(
            List.of(
                run("reference", h, eval(0.7, 0.5, 0.8)),
                run("ablation-separate-heads", h, eval(1.0, 0.9, 0.8))));
    assertTrue(separate.contains("Does not support the claim: separate does better"), separate);
  }

  @Test
  void aDivergedRunIsFlagged() {
    List<EpochStats> h =
        List.of(epoch(0, 2, 0.1, 0.8), epoch(1, 1, 0.1, 0.8), epoch(2, Double.NaN, 0.1, 0.8));
    String text = ExperimentsMarkdown.reading(List.of(run("reference", h, eval(1, 1, 0.8))));
    assertTrue(text.contains("**reference diverged**: its loss became NaN at epoch 3 of 3"), text);
    assertTrue(text.contains("the best epoch before that (2)"), text);
  }
}
