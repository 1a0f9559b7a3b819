package com.relabel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code relabel score} as its tests run it: with the minimum-steps rule off (their tiny sets train
 * 1 to 5 epochs on purpose, decision 0050), the log and the error output caught, and the checks
 * every test makes of a CSV written or of a run refused.
 */
final class ScoreRuns {

  private ScoreRuns() {}

  /** What one run of the command did. */
  record Run(int code, String log, String err) {

    /** The CSV the run wrote, checked to hold a header and one line per sample. */
    List<String> csv(Path csv, int samples) throws IOException {
      assertThat(code).as(log + err).isZero();
      List<String> lines = Files.readAllLines(csv);
      assertThat(lines).hasSize(samples + 1);
      return lines;
    }

    /** Checks that the run was refused (exit 1), saying {@code messages}, and wrote no CSV. */
    void refused(Path csv, String... messages) {
      assertThat(code).as(log).isEqualTo(1);
      assertThat(err).contains(messages);
      assertThat(csv).doesNotExist();
    }
  }

  /** Runs the command with {@code args} after {@code --min-steps 0}. */
  static Run score(String... args) {
    var log = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    PrintStream original = System.err;
    System.setErr(new PrintStream(err, true));
    try {
      int code = new ScoreCommand(new PrintStream(log, true)).execute(ruleOff(args));
      return new Run(code, log.toString(), err.toString());
    } finally {
      System.setErr(original);
    }
  }

  /**
   * {@code args}, then a quick training on the CPU: {@code epochs} epochs of batch {@code
   * batchSize}, no cross-validation.
   */
  static String[] quickOnCpu(int epochs, int batchSize, String... args) {
    String[] quick = {
      "--epochs", "" + epochs, "--folds", "0", "--device", "cpu", "--batch-size", "" + batchSize
    };
    return Stream.concat(Stream.of(args), Stream.of(quick)).toArray(String[]::new);
  }

  /** The arguments of an IDX pair named a and b, scores to c, then {@code more}, parsed. */
  static ScoreArguments idxArguments(String... more) {
    return ScoreArguments.parse(
        ruleOff(
            Stream.concat(
                    Stream.of("--images", "a", "--labels", "b", "--out", "c"), Stream.of(more))
                .toArray(String[]::new)));
  }

  /** {@code args} after {@code --min-steps 0}. */
  static String[] ruleOff(String... args) {
    return Stream.concat(Stream.of("--min-steps", "0"), Stream.of(args)).toArray(String[]::new);
  }
}
