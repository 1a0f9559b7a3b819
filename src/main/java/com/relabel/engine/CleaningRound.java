package com.relabel.engine;

import com.relabel.scoring.ConfidentLearning;
import com.relabel.scoring.MethodScores;
import com.relabel.scoring.RankAverageEnsemble;
import com.relabel.scoring.Ranking;
import com.relabel.scoring.ScorerRegistry;
import com.relabel.scoring.TrainingDynamics;

/**
 * One cleaning round: the samples the previous scoring found most suspicious are held out of
 * training, and the main run and the cross-validation train again on the rest; every sample is
 * still inferred (the suspects as unseen data), so every method scores every sample again.
 *
 * <p>Why: under heavy systematic noise (40% of the 7s labelled 1) a model trained on the noisy
 * labels learns the flip as a rule, so its probabilities barely separate the flipped samples from
 * the clean samples of their classes. With most flipped samples held out, the model learns the true
 * classes, and the flipped samples, now unseen, disagree with their given label. This is iterative
 * noisy cross-validation (Chen, Liao, Chen and Zhang, "Understanding and Utilizing Deep Neural
 * Networks Trained with Noisy Labels", ICML 2019) with confident learning's estimate of the number
 * of label errors (Northcutt, Jiang and Chuang, JAIR 2021) as the number held out.
 *
 * <p>Suspects: the top {@code m} of the equally weighted rank-average ensemble of every method the
 * previous dynamics support, {@code m} = confident learning's estimated error count (at most half
 * the samples); without cross-validated probabilities, the final ones estimate it. Not the
 * margin-led {@link RankAverageEnsemble#standard() standard} ensemble that ranks the queue: its
 * clean suspects are the look-alikes nearest the boundary between two classes, and a round trained
 * without them ranked worse on look-alike and instance-dependent noise (decision 0023). Cost: one
 * more main run and one more cross-validation per round, which {@link NoiseTrainingPipeline} trains
 * with the suspects held out ({@link HeldOutSplit#plus}).
 */
public final class CleaningRound {

  private CleaningRound() {}

  /** The samples held out of the next round's training, {@code true} per suspect. */
  public static boolean[] suspects(TrainingDynamics previous) {
    int n = previous.sampleCount();
    int m = Math.min(n / 2, ConfidentLearning.of(previous).estimatedErrorCount());
    MethodScores ensemble =
        ScorerRegistry.forDynamics(previous)
            .scoreAll(previous, RankAverageEnsemble.equalWeights())
            .ensemble();
    int[] order = Ranking.mostSuspiciousFirst(ensemble.scores());
    boolean[] out = new boolean[n];
    for (int r = 0; r < m; r++) {
      out[order[r]] = true;
    }
    return out;
  }
}
