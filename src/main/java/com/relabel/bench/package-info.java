/**
 * Benchmarks: noise detection end to end ({@code NoiseBenchmark}), the review queue's latency on a
 * synthetic dataset of any size ({@code SyntheticQueue}, {@code QueueBenchmark}), exports.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"dataset", "engine", "export", "review", "scoring", "training"})
package com.relabel.bench;
