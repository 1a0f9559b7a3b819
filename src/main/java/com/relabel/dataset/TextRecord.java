package com.relabel.dataset;

/**
 * One labelled text read from a CSV or JSONL file.
 *
 * @param line the 1-based line the record starts on
 * @param externalId the record's {@code id} column or field, or the line number when it has none
 * @param text the text, never empty
 * @param label the label as written, trimmed (a JSON integer label as its decimal digits)
 */
record TextRecord(int line, String externalId, String text, String label) {}
