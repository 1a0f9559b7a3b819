/**
 * The workspace: the views that bring several features onto one screen, so that no feature module
 * reaches into another's views (decision 0041). The start page ({@code DatasetsView}: every dataset
 * with its review progress, its runs and what to do next, with the consensus and guidelines
 * controls) and the import pages ({@code ImportView}, {@code ImageFolderImportView}, which import a
 * dataset and queue its first run). It depends on the features it shows; nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "base",
      "dataset",
      "review",
      "scoring",
      "security",
      "training",
      "training :: ui"
    })
package com.relabel.workspace;
