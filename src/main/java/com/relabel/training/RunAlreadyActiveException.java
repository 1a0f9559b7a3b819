package com.relabel.training;

/** A run was asked for while another run of the same dataset is queued or running. */
public class RunAlreadyActiveException extends IllegalStateException {

  private final long datasetId;
  private final Long activeRunId;

  RunAlreadyActiveException(long datasetId, Long activeRunId) {
    super(
        (activeRunId == null ? "A training run" : "Training run #" + activeRunId)
            + " is already queued or running for dataset "
            + datasetId
            + ": wait until it finishes or cancel it before starting another.");
    this.datasetId = datasetId;
    this.activeRunId = activeRunId;
  }

  public long datasetId() {
    return datasetId;
  }

  /** The run that is queued or running, when known. */
  public Long activeRunId() {
    return activeRunId;
  }
}
