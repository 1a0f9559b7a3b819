/**
 * Review: the ranked queue, leases, decisions, consensus votes, disputes, the grid and the review
 * views.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"base", "dataset", "scoring", "security", "training"})
package com.relabel.review;
