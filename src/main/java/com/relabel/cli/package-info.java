/**
 * The command line: {@code relabel score}, {@code bench}, {@code queue-bench}, {@code
 * audit-verify}.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"audit", "bench", "dataset", "engine", "export", "review", "scoring"})
package com.relabel.cli;
