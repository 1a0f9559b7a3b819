package com.relabel.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * Peak Java heap while a piece of code runs: the heap pools' peak usage is reset before and summed
 * after (each pool's own peak, so the sum is an upper bound of the true simultaneous peak). Native
 * memory of the deep-learning engine is not included.
 */
final class PeakHeap {

  private final List<MemoryPoolMXBean> pools =
      ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(pool -> pool.getType() == MemoryType.HEAP)
          .toList();

  /** Collects garbage and resets the pools' peaks; returns the heap in use afterwards. */
  long start() {
    System.gc();
    long used = 0;
    for (MemoryPoolMXBean pool : pools) {
      pool.resetPeakUsage();
      used += pool.getUsage().getUsed();
    }
    return used;
  }

  /** The sum of the heap pools' peaks since {@link #start()}, in bytes. */
  long peak() {
    long peak = 0;
    for (MemoryPoolMXBean pool : pools) {
      var usage = pool.getPeakUsage();
      peak += usage == null ? 0 : usage.getUsed();
    }
    return peak;
  }
}
