package com.relabel.training;

import com.relabel.engine.DeviceChoice;
import com.relabel.engine.ModelKind;
import com.relabel.scoring.AumCutoff;
import com.relabel.scoring.ExpectedYield;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.DynamicUpdate;

/** One training run of a dataset: its settings, its progress and its outcome. */
@Entity
@DynamicUpdate
@Table(name = "training_run")
public class TrainingRun {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "dataset_id", nullable = false)
  private Long datasetId;

  @Column(nullable = false, length = 16)
  private String kind = "TRAINED";

  /** The kind of a run made from imported predictions. */
  public static final String IMPORTED = "IMPORTED";

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private RunStatus status = RunStatus.QUEUED;

  private String model;
  private Integer epochs;

  @Column(name = "batch_size")
  private Integer batchSize;

  @Column(name = "learning_rate")
  private Double learningRate;

  private Long seed;

  @Column(name = "device_requested", length = 8)
  private String deviceRequested;

  @Column(name = "device_used", length = 32)
  private String deviceUsed;

  @Column(length = 500)
  private String methods;

  @Column(name = "requested_by", length = 64)
  private String requestedBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt = Instant.now();

  @Column(name = "started_at")
  private Instant startedAt;

  @Column(name = "finished_at")
  private Instant finishedAt;

  @Column(length = 64)
  private String phase;

  @Column(name = "current_epoch")
  private Integer currentEpoch;

  private Double progress;

  @Column(name = "samples_per_second")
  private Double samplesPerSecond;

  @Column(name = "sample_count")
  private Integer sampleCount;

  @Column(name = "estimated_errors")
  private Integer estimatedErrors;

  @Column(name = "expected_errors_top100")
  private Double expectedErrorsTop100;

  @Column(name = "expected_errors_top1000")
  private Double expectedErrorsTop1000;

  @Column(length = 2000)
  private String evaluation;

  @Column(name = "failure_reason", length = 4000)
  private String failureReason;

  @Column(nullable = false)
  private int folds;

  @Column(name = "method_weights", length = 1000)
  private String methodWeights;

  @Column(name = "cancel_requested", nullable = false)
  private boolean cancelRequested;

  @Column(name = "held_out_count")
  private Integer heldOutCount;

  @Column(name = "held_out_accuracy")
  private Double heldOutAccuracy;

  @Column(name = "executed_by", length = 128)
  private String executedBy;

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

  @Column(name = "aum_threshold_pass", nullable = false)
  private boolean aumThresholdPass;

  @Column(name = "cleaning_rounds", nullable = false)
  private int cleaningRounds;

  @Column(name = "aum_cutoff")
  private Double aumCutoff;

  @Column(name = "aum_threshold_samples")
  private Integer aumThresholdSamples;

  @Column(name = "aum_flagged_count")
  private Integer aumFlaggedCount;

  @Column(name = "held_back_reason", length = 500)
  private String heldBackReason;

  @Version private long version;

  protected TrainingRun() {}

  TrainingRun(long datasetId, RunSettings settings, String requestedBy) {
    this.datasetId = datasetId;
    this.model = settings.model().key();
    this.epochs = settings.epochs();
    this.batchSize = settings.batchSize();
    this.learningRate = (double) settings.learningRate();
    this.seed = settings.seed();
    this.deviceRequested = settings.device().name().toLowerCase();
    this.methods = String.join(",", settings.methods());
    this.folds = settings.folds();
    this.aumThresholdPass = settings.aumThresholdPass();
    this.cleaningRounds = settings.cleaningRounds();
    this.requestedBy = requestedBy;
  }

  /**
   * A run whose probabilities were made by a model elsewhere and imported (no training here); it is
   * created finished, in the transaction that stores its scores.
   */
  static TrainingRun imported(long datasetId, int sampleCount, String requestedBy) {
    TrainingRun run = new TrainingRun();
    run.datasetId = datasetId;
    run.kind = IMPORTED;
    run.model = "imported";
    run.epochs = 1;
    run.methods = "";
    run.deviceRequested = "none";
    run.requestedBy = requestedBy;
    run.start(sampleCount);
    run.runsOn("imported", 0);
    return run;
  }

  void start(int sampleCount) {
    this.status = RunStatus.RUNNING;
    this.startedAt = Instant.now();
    this.sampleCount = sampleCount;
    this.phase = "training";
    this.progress = 0.0;
    this.failureReason = null;
  }

  /** Where the run trains, known once it starts, and how many samples it holds out. */
  void runsOn(String deviceUsed, int heldOutCount) {
    this.deviceUsed = deviceUsed;
    this.heldOutCount = heldOutCount;
  }

  void heldOutAccuracy(Double accuracy) {
    this.heldOutAccuracy = accuracy;
  }

  void progress(String phase, Integer epoch, double progress, Double samplesPerSecond) {
    this.phase = phase;
    this.currentEpoch = epoch;
    this.progress = progress;
    this.samplesPerSecond = samplesPerSecond;
  }

  void succeed(
      String deviceUsed, int estimatedErrors, ExpectedYield expectedYield, String evaluation) {
    this.status = RunStatus.SUCCEEDED;
    this.finishedAt = Instant.now();
    this.deviceUsed = deviceUsed;
    this.estimatedErrors = estimatedErrors;
    this.expectedErrorsTop100 = expectedYield == null ? null : expectedYield.top100();
    this.expectedErrorsTop1000 = expectedYield == null ? null : expectedYield.top1000();
    this.evaluation = evaluation;
    this.phase = "done";
    this.progress = 1.0;
  }

  /**
   * The run succeeded but does not rank the queue: it was worse than the active run (decision
   * 0026); {@code reason} says on what.
   */
  void holdBack(String reason) {
    this.heldBackReason = reason.substring(0, Math.min(reason.length(), 500));
  }

  void fail(RunStatus status, String reason) {
    this.status = status;
    this.finishedAt = Instant.now();
    this.failureReason =
        reason == null ? null : reason.substring(0, Math.min(reason.length(), 4000));
  }

  void comparison(RunComparison comparison) {
    this.comparedRunId = comparison.previousRunId();
    this.topK = comparison.topK();
    this.movedIntoTop = comparison.movedIntoTop();
    this.movedOutOfTop = comparison.movedOutOfTop();
    this.correctionsBefore = comparison.correctionsBefore();
    this.correctionsAgreed = comparison.correctionsAgreed();
  }

  /**
   * The comparison stored when the run completed (with the run it replaced, or with none for a
   * dataset's first run), or empty for runs that did not complete.
   */
  public java.util.Optional<RunComparison> storedComparison() {
    if (topK == null) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        new RunComparison(
            id,
            comparedRunId,
            topK,
            movedIntoTop,
            movedOutOfTop,
            correctionsBefore,
            correctionsAgreed));
  }

  void methodWeights(String weights) {
    this.methodWeights = weights;
  }

  /** The ensemble's weights as re-fitted from reviews ("loss=1.20,aum=0.00,..."), or null. */
  public String getMethodWeights() {
    return methodWeights;
  }

  public boolean isCancelRequested() {
    return cancelRequested;
  }

  public RunSettings settings() {
    return new RunSettings(
        epochs,
        batchSize,
        learningRate.floatValue(),
        seed,
        DeviceChoice.valueOf(deviceRequested.toUpperCase()),
        methods.isBlank() ? java.util.List.of() : java.util.List.of(methods.split(",")),
        folds,
        ModelKind.parse(model),
        aumThresholdPass,
        cleaningRounds);
  }

  void aumThreshold(AumCutoff cut) {
    this.aumCutoff = cut.cutoff();
    this.aumThresholdSamples = cut.thresholdCount();
    this.aumFlaggedCount = cut.flaggedCount();
  }

  /** How many times the run trains again without the suspects (decision 0019). */
  public int getCleaningRounds() {
    return cleaningRounds;
  }

  /** Whether the run asked for the AUM pass with threshold samples. */
  public boolean isAumThresholdPass() {
    return aumThresholdPass;
  }

  /**
   * The AUM cut-off (99th percentile of the threshold samples' AUM), or null when the run had no
   * such pass or has not succeeded.
   */
  public Double getAumCutoff() {
    return aumCutoff;
  }

  /** How many samples were threshold samples in the AUM pass, or null. */
  public Integer getAumThresholdSamples() {
    return aumThresholdSamples;
  }

  /** How many samples fell below the AUM cut-off, or null when the run had no such pass. */
  public Integer getAumFlaggedCount() {
    return aumFlaggedCount;
  }

  public Long getId() {
    return id;
  }

  /** TRAINED, or {@value #IMPORTED} for predictions made elsewhere. */
  public String getKind() {
    return kind;
  }

  public Long getDatasetId() {
    return datasetId;
  }

  public RunStatus getStatus() {
    return status;
  }

  public String getModel() {
    return model;
  }

  /** The device asked for: auto, cpu or gpu. */
  public String deviceRequested() {
    return deviceRequested;
  }

  public String getDeviceUsed() {
    return deviceUsed;
  }

  public String getRequestedBy() {
    return requestedBy;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  public Instant getFinishedAt() {
    return finishedAt;
  }

  public String getPhase() {
    return phase;
  }

  public Integer getCurrentEpoch() {
    return currentEpoch;
  }

  public int getFolds() {
    return folds;
  }

  public Integer getBatchSize() {
    return batchSize;
  }

  public Double getLearningRate() {
    return learningRate;
  }

  public Long getSeed() {
    return seed;
  }

  /** The methods asked for, comma-separated; empty = every method that applies. */
  public String getMethods() {
    return methods;
  }

  public Integer getEpochs() {
    return epochs;
  }

  public Double getProgress() {
    return progress;
  }

  public Double getSamplesPerSecond() {
    return samplesPerSecond;
  }

  public Integer getSampleCount() {
    return sampleCount;
  }

  public Integer getEstimatedErrors() {
    return estimatedErrors;
  }

  /**
   * How many wrong labels the run expected among the first 100 samples of its queue (all of them,
   * if fewer), from its own probabilities ({@link ExpectedYield}); null until it succeeds.
   */
  public Double getExpectedErrorsTop100() {
    return expectedErrorsTop100;
  }

  /** As {@link #getExpectedErrorsTop100()}, among the first 1,000 samples of its queue. */
  public Double getExpectedErrorsTop1000() {
    return expectedErrorsTop1000;
  }

  public String getEvaluation() {
    return evaluation;
  }

  public String getFailureReason() {
    return failureReason;
  }

  /** Samples held out of training (never trained on) to measure accuracy; null before start. */
  public Integer getHeldOutCount() {
    return heldOutCount;
  }

  /**
   * The final model's accuracy on the held-out samples against their current labels, or null when
   * the run held nothing out or has not succeeded. Per epoch in {@code run_epoch}.
   */
  public Double getHeldOutAccuracy() {
    return heldOutAccuracy;
  }

  /**
   * Why the run did not take over the queue when it finished, e.g. "held-out accuracy 0.810 <
   * active run #3's 0.870" (decision 0026); null when it took over, or has not succeeded. Kept
   * after an admin activates it by hand.
   */
  public String getHeldBackReason() {
    return heldBackReason;
  }

  /** The job-engine node (scheduler name) that executed the run, or null while queued. */
  public String getExecutedBy() {
    return executedBy;
  }
}
