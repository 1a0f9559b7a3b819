package com.relabel.training;

import com.relabel.engine.MinimumSteps;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * The epochs and batch size a run trains with, once {@link MinimumSteps} has seen its dataset
 * (decision 0050): those asked for ({@link RunSetup}), or more epochs and a smaller batch for a
 * small set. Kept beside what was asked, never in its place (decision 0051). Not known (null
 * columns) while the run is queued, nor for an imported run.
 */
@Embeddable
public class TrainedWith {

  @Column(name = "trained_epochs")
  private Integer epochs;

  @Column(name = "trained_batch_size")
  private Integer batchSize;

  protected TrainedWith() {}

  static TrainedWith of(int epochs, int batchSize) {
    TrainedWith trained = new TrainedWith();
    trained.epochs = epochs;
    trained.batchSize = batchSize;
    return trained;
  }

  public Integer getEpochs() {
    return epochs;
  }

  public Integer getBatchSize() {
    return batchSize;
  }
}
