package com.relabel.engine;

import com.relabel.scoring.AumCutoff;
import com.relabel.scoring.TrainingDynamics;
import java.util.List;

/**
 * A finished training run.
 *
 * @param dynamics what inference recorded after every epoch
 * @param device where it ran: {@code "cpu"} or {@code "gpu(0)"}
 * @param epochs timing and loss of every epoch
 * @param aumThreshold the data-driven AUM cut-off and the samples below it, from {@link
 *     AumThresholdPass}; {@code null} when the run had no such pass
 */
public record TrainingResult(
    TrainingDynamics dynamics, String device, List<EpochStats> epochs, AumCutoff aumThreshold) {

  public TrainingResult {
    epochs = List.copyOf(epochs);
  }

  /** A result without an AUM threshold pass. */
  public TrainingResult(TrainingDynamics dynamics, String device, List<EpochStats> epochs) {
    this(dynamics, device, epochs, null);
  }

  /** The same result with {@code cutoff} as its AUM threshold pass. */
  public TrainingResult withAumThreshold(AumCutoff cutoff) {
    return new TrainingResult(dynamics, device, epochs, cutoff);
  }

  /** The same result with other dynamics (e.g. with latent means added). */
  public TrainingResult withDynamics(TrainingDynamics newDynamics) {
    return new TrainingResult(newDynamics, device, epochs, aumThreshold);
  }
}
