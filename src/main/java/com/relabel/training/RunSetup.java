package com.relabel.training;

import com.relabel.engine.DeviceChoice;
import com.relabel.engine.MinimumSteps;
import com.relabel.engine.ModelKind;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.List;

/**
 * What a run was asked to do, as {@code training_run} stores it: the {@link RunSettings} of a run
 * trained here, or the marks of an imported one (model "imported", device "none"). Never changes
 * after the run is created.
 */
@Embeddable
public class RunSetup {

  private String model;
  private Integer epochs;

  @Column(name = "batch_size")
  private Integer batchSize;

  @Column(name = "learning_rate")
  private Double learningRate;

  private Long seed;

  @Column(name = "device_requested", length = 8)
  private String deviceRequested;

  @Column(length = 500)
  private String methods;

  @Column(nullable = false)
  private int folds;

  @Column(name = "aum_threshold_pass", nullable = false)
  private boolean aumThresholdPass;

  @Column(name = "cleaning_rounds", nullable = false)
  private int cleaningRounds;

  protected RunSetup() {}

  static RunSetup of(RunSettings settings) {
    RunSetup setup = new RunSetup();
    setup.model = settings.model().key();
    setup.epochs = settings.epochs();
    setup.batchSize = settings.batchSize();
    setup.learningRate = (double) settings.learningRate();
    setup.seed = settings.seed();
    setup.deviceRequested = settings.device().name().toLowerCase();
    setup.methods = String.join(",", settings.methods());
    setup.folds = settings.folds();
    setup.aumThresholdPass = settings.aumThresholdPass();
    setup.cleaningRounds = settings.cleaningRounds();
    return setup;
  }

  /** The setup of a run made from imported predictions: one "epoch", no device, no methods. */
  static RunSetup imported() {
    RunSetup setup = new RunSetup();
    setup.model = "imported";
    setup.epochs = 1;
    setup.methods = "";
    setup.deviceRequested = "none";
    return setup;
  }

  /** The settings a run trained here was asked for (not for an imported run). */
  RunSettings toSettings() {
    return RunSettings.builder()
        .epochs(epochs)
        .batchSize(batchSize)
        .learningRate(learningRate.floatValue())
        .seed(seed)
        .device(DeviceChoice.valueOf(deviceRequested.toUpperCase()))
        .methods(methods.isBlank() ? List.of() : List.of(methods.split(",")))
        .folds(folds)
        .model(ModelKind.parse(model))
        .aumThresholdPass(aumThresholdPass)
        .cleaningRounds(cleaningRounds)
        .build();
  }

  public String getModel() {
    return model;
  }

  /** The epochs asked for; {@link MinimumSteps} may train more ({@link TrainedWith}). */
  public Integer getEpochs() {
    return epochs;
  }

  /**
   * The batch size asked for; {@link MinimumSteps} may train a smaller one ({@link TrainedWith}).
   */
  public Integer getBatchSize() {
    return batchSize;
  }

  public Double getLearningRate() {
    return learningRate;
  }

  public Long getSeed() {
    return seed;
  }

  /** The device asked for: auto, cpu or gpu ("none" for an imported run). */
  public String getDeviceRequested() {
    return deviceRequested;
  }

  /** The methods asked for, comma-separated; empty = every method that applies. */
  public String getMethods() {
    return methods;
  }

  public int getFolds() {
    return folds;
  }

  /** Whether the run asked for the AUM pass with threshold samples. */
  public boolean isAumThresholdPass() {
    return aumThresholdPass;
  }

  /** How many times the run trains again without the suspects (decision 0019). */
  public int getCleaningRounds() {
    return cleaningRounds;
  }
}
