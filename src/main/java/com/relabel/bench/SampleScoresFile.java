package com.relabel.bench;

import com.relabel.scoring.MethodScores;
import com.relabel.scoring.TrainingDynamics;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's per-sample record ({@code bench --scores-out FILE}), so that new ways of
 * combining the methods can be measured on the same training without training again: one CSV row
 * per sample with its true and given label, whether it was flipped, the ensemble's score and
 * suggestion, every method's score, the per-epoch mean and standard deviation of {@code p(given)}
 * (cartography's confidence and variability), then the final-epoch probabilities {@code final_k}
 * and, when the run cross-validated, the out-of-sample ones {@code oos_k}.
 */
final class SampleScoresFile {

  private SampleScoresFile() {}

  static void write(
      Path file,
      TrainingDynamics d,
      int[] truth,
      boolean[] flipped,
      MethodScores ensemble,
      List<MethodScores> methods) {
    int k = d.numClasses();
    float[][] oos = d.heldOutProbabilities();
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      StringBuilder header = new StringBuilder("index,true_label,given_label,flipped,suggested,");
      header.append("suggestion_confidence,").append(ensemble.method());
      methods.forEach(m -> header.append(',').append(m.method()));
      header.append(",mean_p_given,std_p_given");
      for (int c = 0; c < k; c++) {
        header.append(",final_").append(c);
      }
      for (int c = 0; oos != null && c < k; c++) {
        header.append(",oos_").append(c);
      }
      float[][] soft = d.softTargets();
      for (int c = 0; soft != null && c < k; c++) {
        header.append(",soft_").append(c);
      }
      w.write(header.toString());
      w.newLine();
      float[][] probGiven = d.probGiven();
      for (int i = 0; i < truth.length; i++) {
        StringBuilder row = new StringBuilder();
        row.append(i).append(',').append(truth[i]).append(',').append(d.givenLabels()[i]);
        row.append(',').append(flipped[i] ? 1 : 0);
        row.append(',').append(ensemble.suggestedLabels()[i]);
        row.append(',').append(number(ensemble.suggestionConfidence()[i]));
        row.append(',').append(number(ensemble.scores()[i]));
        for (MethodScores m : methods) {
          row.append(',').append(number(m.scores()[i]));
        }
        double mean = 0;
        double square = 0;
        for (float[] epoch : probGiven) {
          mean += epoch[i];
          square += (double) epoch[i] * epoch[i];
        }
        mean /= probGiven.length;
        double std = Math.sqrt(Math.max(0, square / probGiven.length - mean * mean));
        row.append(',').append(number(mean)).append(',').append(number(std));
        for (float p : d.finalProbabilities()[i]) {
          row.append(',').append(number(p));
        }
        if (oos != null) {
          for (float p : oos[i]) {
            row.append(',').append(number(p));
          }
        }
        if (soft != null) {
          for (float p : soft[i]) {
            row.append(',').append(number(p));
          }
        }
        w.write(row.toString());
        w.newLine();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + file + ": " + e.getMessage(), e);
    }
  }

  private static String number(double value) {
    return String.format(Locale.ROOT, "%.6g", value);
  }
}
