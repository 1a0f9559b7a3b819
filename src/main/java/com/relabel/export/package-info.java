/**
 * Exports: the corrected labels as CSV or JSON Lines, a run's scores, the dataset in its own
 * format.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"base", "dataset", "security"})
package com.relabel.export;
