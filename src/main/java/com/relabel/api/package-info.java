/**
 * The REST API under {@code /api/v1} for pipelines, and the UI's download links: thin controllers
 * over the services the views call, so every role rule is the service's own (decision 0020).
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "audit",
      "base",
      "dataset",
      "engine",
      "export",
      "review",
      "security",
      "training"
    })
package com.relabel.api;
