/**
 * Training runs: the DJL trainer and the dynamics it records, the jobs that run it, the stored runs
 * and their activation, and the run views (named interface {@code ui}).
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"base", "dataset", "engine", "scoring", "security"})
package com.relabel.training;
