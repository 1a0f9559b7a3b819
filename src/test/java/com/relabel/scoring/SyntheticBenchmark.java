package com.relabel.scoring;

import java.util.SplittableRandom;

/**
 * A seeded simulation of what a classifier records while it trains on labels with injected
 * symmetric noise, for testing that methods find the flipped samples.
 *
 * <p>Each epoch, a sample's logits are Gaussian noise plus a pull toward its true class that grows
 * quickly for most samples and slowly for some hard ones. A flipped sample feels the same pull
 * toward its true class, which keeps the probability of its wrong given label low and its margin
 * negative; some flipped samples are memorised in the last epochs. Probabilities, predictions,
 * margins and losses are all derived from those logits, so the dynamics are mutually consistent.
 *
 * <p>The optional inputs come from a second random stream (so the per-epoch arrays do not depend on
 * them): embeddings that cluster by <em>true</em> class ({@value #EMBEDDING_DIM} dimensions, a
 * Gaussian class centre plus noise, {@value #AMBIGUOUS_SHARE} of the samples halfway to another
 * class's centre), per-epoch squared embedding norms that grow with training, and held-out
 * probabilities that feel the true-class pull but never memorise the given label.
 *
 * @param dynamics what training recorded, against the noisy labels
 * @param cleanLabels the true labels
 * @param noise the noisy labels and which samples were flipped
 */
record SyntheticBenchmark(TrainingDynamics dynamics, int[] cleanLabels, NoisyLabels noise) {

  /** Share of samples (clean or flipped) that the model learns slowly. */
  private static final double SLOW_LEARNER_SHARE = 0.15;

  /** Share of flipped samples whose wrong label the model starts to memorise late. */
  private static final double MEMORISED_SHARE = 0.3;

  static final int EMBEDDING_DIM = 16;
  static final double AMBIGUOUS_SHARE = 0.1;
  private static final double EMBEDDING_NOISE = 0.35;

  private static final double TRUE_CLASS_PULL = 7;
  private static final double LOGIT_NOISE = 1.5;

  static SyntheticBenchmark generate(
      int samples, int classes, int epochs, double noiseRate, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] clean = new int[samples];
    for (int i = 0; i < samples; i++) {
      clean[i] = random.nextInt(classes);
    }
    NoisyLabels noise = NoiseInjector.symmetric(clean, classes, noiseRate, seed + 1);
    int[] given = noise.noisy();
    float[][] probGiven = new float[epochs][samples];
    int[][] predicted = new int[epochs][samples];
    float[][] margin = new float[epochs][samples];
    float[][] loss = new float[epochs][samples];
    float[][] finalProbabilities = new float[samples][];
    for (int i = 0; i < samples; i++) {
      boolean slowLearner = random.nextDouble() < SLOW_LEARNER_SHARE;
      double learningRate =
          slowLearner ? 0.02 + 0.15 * random.nextDouble() : 0.6 + 1.4 * random.nextDouble();
      boolean memorised = noise.flipped()[i] && random.nextDouble() < MEMORISED_SHARE;
      double memorisation = memorised ? 8 + 8 * random.nextDouble() : 0;
      for (int e = 0; e < epochs; e++) {
        double progress = (e + 1.0) / epochs;
        double[] logits = new double[classes];
        for (int k = 0; k < classes; k++) {
          logits[k] = LOGIT_NOISE * random.nextGaussian();
        }
        logits[clean[i]] += TRUE_CLASS_PULL * (1 - Math.exp(-learningRate * (e + 1)));
        logits[given[i]] += memorisation * Math.max(0, progress - 0.6);
        float[] probabilities = softmax(logits);
        probGiven[e][i] = probabilities[given[i]];
        predicted[e][i] = argmax(logits);
        margin[e][i] = (float) marginOf(logits, given[i]);
        loss[e][i] = (float) -Math.log(Math.max(probabilities[given[i]], 1e-12));
        finalProbabilities[i] = probabilities;
      }
    }
    SplittableRandom extra = new SplittableRandom(seed + 2);
    float[][] centres = new float[classes][EMBEDDING_DIM];
    for (float[] centre : centres) {
      for (int d = 0; d < EMBEDDING_DIM; d++) {
        centre[d] = (float) extra.nextGaussian();
      }
    }
    float[][] embeddings = new float[samples][EMBEDDING_DIM];
    float[][] normsSquared = new float[epochs][samples];
    float[][] heldOut = new float[samples][];
    for (int i = 0; i < samples; i++) {
      boolean ambiguous = extra.nextDouble() < AMBIGUOUS_SHARE;
      int other = (clean[i] + 1 + extra.nextInt(classes - 1)) % classes;
      for (int d = 0; d < EMBEDDING_DIM; d++) {
        double centre =
            ambiguous ? 0.5 * (centres[clean[i]][d] + centres[other][d]) : centres[clean[i]][d];
        embeddings[i][d] = (float) (centre + EMBEDDING_NOISE * extra.nextGaussian());
      }
      double scale = 0.8 + 0.4 * extra.nextDouble();
      for (int e = 0; e < epochs; e++) {
        normsSquared[e][i] = (float) (scale * (0.5 + (e + 1.0) / epochs));
      }
      double[] logits = new double[classes];
      for (int k = 0; k < classes; k++) {
        logits[k] = LOGIT_NOISE * extra.nextGaussian();
      }
      logits[clean[i]] += TRUE_CLASS_PULL * (0.5 + 0.5 * extra.nextDouble());
      heldOut[i] = softmax(logits);
    }
    TrainingDynamics dynamics =
        TrainingDynamics.builder()
            .givenLabels(given)
            .numClasses(classes)
            .probGiven(probGiven)
            .predicted(predicted)
            .margin(margin)
            .loss(loss)
            .finalProbabilities(finalProbabilities)
            .embeddings(embeddings)
            .embeddingNormsSquared(normsSquared)
            .heldOutProbabilities(heldOut)
            .build();
    return new SyntheticBenchmark(dynamics, clean, noise);
  }

  boolean[] flipped() {
    return noise.flipped();
  }

  private static float[] softmax(double[] logits) {
    double max = logits[argmax(logits)];
    double sum = 0;
    double[] exp = new double[logits.length];
    for (int k = 0; k < logits.length; k++) {
      exp[k] = Math.exp(logits[k] - max);
      sum += exp[k];
    }
    float[] probabilities = new float[logits.length];
    for (int k = 0; k < logits.length; k++) {
      probabilities[k] = (float) (exp[k] / sum);
    }
    return probabilities;
  }

  private static int argmax(double[] values) {
    int best = 0;
    for (int k = 1; k < values.length; k++) {
      if (values[k] > values[best]) {
        best = k;
      }
    }
    return best;
  }

  private static double marginOf(double[] logits, int label) {
    double otherMax = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < logits.length; k++) {
      if (k != label) {
        otherMax = Math.max(otherMax, logits[k]);
      }
    }
    return logits[label] - otherMax;
  }
}
