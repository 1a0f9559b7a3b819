package com.relabel.scoring;

/**
 * Three samples, two epochs, three classes, with values chosen so that every score can be computed
 * by hand.
 *
 * <pre>
 * sample  given  p(given) e0,e1  predicted e0,e1  margin e0,e1  loss e0,e1  final argmax (p)
 *   0       0     0.8, 1.0         0, 0             2,  4         0.5, 0.1    0 (0.9)
 *   1       1     0.2, 0.4         2, 2            -1, -3         1.5, 0.9    2 (0.6)
 *   2       2     0.6, 0.0         2, 0           0.5, -2.5       0.7, 2.3    0 (0.5)
 * </pre>
 */
final class HandMadeDynamics {

  private HandMadeDynamics() {}

  static TrainingDynamics threeSamples() {
    return TrainingDynamics.builder()
        .givenLabels(new int[] {0, 1, 2})
        .numClasses(3)
        .probGiven(new float[][] {{0.8f, 0.2f, 0.6f}, {1.0f, 0.4f, 0.0f}})
        .predicted(new int[][] {{0, 2, 2}, {0, 2, 0}})
        .margin(new float[][] {{2f, -1f, 0.5f}, {4f, -3f, -2.5f}})
        .loss(new float[][] {{0.5f, 1.5f, 0.7f}, {0.1f, 0.9f, 2.3f}})
        .finalProbabilities(
            new float[][] {{0.9f, 0.05f, 0.05f}, {0.1f, 0.3f, 0.6f}, {0.5f, 0.2f, 0.3f}})
        .build();
  }
}
