/**
 * The audit trail: immutable rows written from review's decision events, linked into a hash chain
 * (decisions 0005, 0027).
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"dataset", "review", "security"})
package com.relabel.audit;
