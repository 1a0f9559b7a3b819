package com.relabel.review;

import java.time.Instant;

/**
 * A dataset's review guidelines as they were written: the text (plain text or Markdown), who wrote
 * it and when. The current guidelines and every earlier version have this form.
 */
public record Guidelines(String text, String changedBy, Instant changedAt) {}
