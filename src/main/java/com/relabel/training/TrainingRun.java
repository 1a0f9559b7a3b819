package com.relabel.training;

import com.relabel.scoring.ExpectedYield;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;
import org.hibernate.annotations.DynamicUpdate;

/**
 * One training run of a dataset: its lifecycle (status, times, node), what it was asked ({@link
 * RunSetup}) and what it trains with ({@link TrainedWith}), where it is ({@link RunPhase}), what it
 * found ({@link RunOutcome}) and how it compares with the run it replaced ({@link
 * StoredComparison}); one row of {@code training_run}. The settings asked for are read from {@link
 * #getSetup()}, the findings from {@link #getOutcome()}; the getters here are the lifecycle and
 * what progress cards and lists show.
 */
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

  @Embedded private RunSetup setup;

  @Embedded private TrainedWith trained;

  @Column(name = "device_used", length = 32)
  private String deviceUsed;

  @Column(name = "requested_by", length = 64)
  private String requestedBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt = Instant.now();

  @Column(name = "started_at")
  private Instant startedAt;

  @Column(name = "finished_at")
  private Instant finishedAt;

  @Embedded private RunPhase phase = new RunPhase();

  @Column(name = "sample_count")
  private Integer sampleCount;

  @Column(name = "failure_reason", length = 4000)
  private String failureReason;

  @Column(name = "cancel_requested", nullable = false)
  private boolean cancelRequested;

  @Column(name = "executed_by", length = 128)
  private String executedBy;

  @Embedded private RunOutcome outcome = new RunOutcome();

  @Embedded private StoredComparison comparison;

  @Version private long version;

  protected TrainingRun() {}

  TrainingRun(long datasetId, RunSettings settings, String requestedBy) {
    this.datasetId = datasetId;
    this.setup = RunSetup.of(settings);
    this.requestedBy = requestedBy;
  }

  /** A run of predictions made elsewhere, created finished with its scores' transaction. */
  static TrainingRun imported(long datasetId, int sampleCount, String requestedBy) {
    TrainingRun run = new TrainingRun();
    run.datasetId = datasetId;
    run.kind = IMPORTED;
    run.setup = RunSetup.imported();
    run.requestedBy = requestedBy;
    run.start(sampleCount);
    run.runsOn("imported", 0);
    return run;
  }

  void start(int sampleCount) {
    this.status = RunStatus.RUNNING;
    this.startedAt = Instant.now();
    this.sampleCount = sampleCount;
    phase().moveTo("training", 0.0);
    this.failureReason = null;
  }

  /** Where the run trains, known once it starts, and how many samples it holds out. */
  void runsOn(String deviceUsed, int heldOutCount) {
    this.deviceUsed = deviceUsed;
    getOutcome().heldOutCount(heldOutCount);
  }

  /** The epochs and batch size the run trains with, once {@code MinimumSteps} has seen its set. */
  void trainsWith(int epochs, int batchSize) {
    this.trained = TrainedWith.of(epochs, batchSize);
  }

  void progress(String name, Integer epoch, double progress, Double samplesPerSecond) {
    phase().set(name, epoch, progress, samplesPerSecond);
  }

  /** Where the run is; empty (all null) while queued. */
  public RunPhase phase() {
    return phase;
  }

  /**
   * A run always has a phase and an outcome, empty ones until it measures something. Hibernate
   * loads an embeddable whose columns are all null as null (a queued run's phase, a new run's
   * outcome), so a loaded run gets empty ones here, before anyone reads it; a new run has them from
   * its field initialisers. Writing an empty one back writes the same nulls.
   */
  @PostLoad
  void emptyPartsForNullColumns() {
    if (phase == null) {
      phase = new RunPhase();
    }
    if (outcome == null) {
      outcome = new RunOutcome();
    }
  }

  void succeed(
      String deviceUsed, int estimatedErrors, ExpectedYield expectedYield, String evaluation) {
    this.status = RunStatus.SUCCEEDED;
    this.finishedAt = Instant.now();
    this.deviceUsed = deviceUsed;
    getOutcome().succeed(estimatedErrors, expectedYield, evaluation);
    phase().moveTo("done", 1.0);
  }

  void fail(RunStatus status, String reason) {
    this.status = status;
    this.finishedAt = Instant.now();
    this.failureReason =
        reason == null ? null : reason.substring(0, Math.min(reason.length(), 4000));
  }

  void comparison(RunComparison made) {
    this.comparison = StoredComparison.of(made);
  }

  /** The comparison stored when the run completed; empty for runs that did not complete. */
  public Optional<RunComparison> storedComparison() {
    return comparison == null ? Optional.empty() : comparison.of(id);
  }

  public boolean isCancelRequested() {
    return cancelRequested;
  }

  public RunSettings settings() {
    return setup.toSettings();
  }

  /** What the run was asked to do. */
  public RunSetup getSetup() {
    return setup;
  }

  /** What the run found; empty (all null) until it measures something. */
  public RunOutcome getOutcome() {
    return outcome;
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
    return setup.getModel();
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
    return phase().getName();
  }

  public Integer getCurrentEpoch() {
    return phase().getEpoch();
  }

  /** The batch size the run trains with; the one asked for while queued ({@link RunSetup}). */
  public Integer getBatchSize() {
    return trained == null ? setup.getBatchSize() : trained.getBatchSize();
  }

  /** The epochs the run trains with; those asked for while queued ({@link RunSetup}). */
  public Integer getEpochs() {
    return trained == null ? setup.getEpochs() : trained.getEpochs();
  }

  public Double getProgress() {
    return phase().getProgress();
  }

  public Double getSamplesPerSecond() {
    return phase().getSamplesPerSecond();
  }

  public Integer getSampleCount() {
    return sampleCount;
  }

  public Integer getEstimatedErrors() {
    return getOutcome().getEstimatedErrors();
  }

  public String getEvaluation() {
    return getOutcome().getEvaluation();
  }

  public String getFailureReason() {
    return failureReason;
  }

  public Double getHeldOutAccuracy() {
    return getOutcome().getHeldOutAccuracy();
  }

  public String getHeldBackReason() {
    return getOutcome().getHeldBackReason();
  }

  /** The job-engine node (scheduler name) that executed the run, or null while queued. */
  public String getExecutedBy() {
    return executedBy;
  }
}
