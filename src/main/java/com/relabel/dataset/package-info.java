/**
 * Datasets and their samples: import (IDX, image folders and ZIPs, text CSV/JSONL), labels,
 * contents, and the training set a run reads.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"security"})
package com.relabel.dataset;
