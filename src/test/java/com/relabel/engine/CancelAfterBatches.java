package com.relabel.engine;

import java.util.concurrent.atomic.AtomicInteger;

/** Test progress that asks to cancel once {@code limit} batches have been reported. */
final class CancelAfterBatches implements TrainingProgress {
  private final int limit;
  private final AtomicInteger batches = new AtomicInteger();

  CancelAfterBatches(int limit) {
    this.limit = limit;
  }

  int batches() {
    return batches.get();
  }

  @Override
  public void onEpoch(EpochStats stats) {}

  @Override
  public void onBatch(int epoch, int batch, int batchCount) {
    batches.incrementAndGet();
  }

  @Override
  public boolean cancelled() {
    return batches.get() >= limit;
  }
}
