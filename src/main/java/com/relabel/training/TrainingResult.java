package com.relabel.training;

import com.relabel.scoring.TrainingDynamics;
import java.util.List;

/**
 * A finished training run.
 *
 * @param dynamics what inference recorded after every epoch
 * @param device where it ran: {@code "cpu"} or {@code "gpu(0)"}
 * @param epochs timing and loss of every epoch
 */
public record TrainingResult(TrainingDynamics dynamics, String device, List<EpochStats> epochs) {

  public TrainingResult {
    epochs = List.copyOf(epochs);
  }
}
