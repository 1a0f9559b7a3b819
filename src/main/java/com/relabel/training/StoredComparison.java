package com.relabel.training;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Optional;

/**
 * The {@link RunComparison} a run stored when it completed (V10 columns of {@code training_run});
 * all null for a run that did not complete.
 */
@Embeddable
class StoredComparison {

  @Column(name = "compared_run_id")
  private Long comparedRunId;

  @Column(name = "top_k")
  private Integer topK;

  @Column(name = "moved_into_top")
  private Integer movedIntoTop;

  @Column(name = "moved_out_of_top")
  private Integer movedOutOfTop;

  @Column(name = "corrections_before")
  private Integer correctionsBefore;

  @Column(name = "corrections_agreed")
  private Integer correctionsAgreed;

  static StoredComparison of(RunComparison comparison) {
    StoredComparison stored = new StoredComparison();
    stored.comparedRunId = comparison.previousRunId();
    stored.topK = comparison.topK();
    stored.movedIntoTop = comparison.movedIntoTop();
    stored.movedOutOfTop = comparison.movedOutOfTop();
    stored.correctionsBefore = comparison.correctionsBefore();
    stored.correctionsAgreed = comparison.correctionsAgreed();
    return stored;
  }

  /** The comparison of run {@code runId}, or empty when none was stored. */
  Optional<RunComparison> of(long runId) {
    if (topK == null) {
      return Optional.empty();
    }
    return Optional.of(
        new RunComparison(
            runId,
            comparedRunId,
            topK,
            movedIntoTop,
            movedOutOfTop,
            correctionsBefore,
            correctionsAgreed));
  }
}
