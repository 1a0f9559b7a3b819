/**
 * The command line: {@code relabel score}, {@code bench}, {@code queue-bench}, {@code
 * audit-verify}.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"audit", "bench", "dataset", "export", "review", "scoring", "training"})
package com.relabel.cli;
