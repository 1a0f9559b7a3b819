package com.relabel.review;

/**
 * What a bulk decision did.
 *
 * @param applied samples decided (each with one audit row)
 * @param skipped samples left alone because someone decided (or changed) them meanwhile
 */
public record BulkResult(int applied, int skipped) {

  BulkResult plus(BulkResult other) {
    return new BulkResult(applied + other.applied, skipped + other.skipped);
  }
}
