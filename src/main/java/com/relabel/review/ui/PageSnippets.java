package com.relabel.review.ui;

import com.relabel.dataset.SampleTexts;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The first characters of the text samples a paged list shows (the queue grid's text column, the
 * disputes' cards), read in one query a page. It keeps at most {@value #KEPT}: past that it forgets
 * them all, and rows scrolled far away are read again when they come back.
 */
final class PageSnippets {

  static final int KEPT = 5_000;

  private final Map<Long, String> snippets = new HashMap<>();
  private final SampleTexts texts;
  private final int chars;

  /** Snippets of at most {@code chars} characters. */
  PageSnippets(SampleTexts texts, int chars) {
    this.texts = texts;
    this.chars = chars;
  }

  /**
   * Reads the snippets of the samples on {@code page} when they show as text ({@code look}),
   * nothing for pictures; returns the page.
   */
  <T> List<T> read(List<T> page, Function<T, Long> sampleId, SampleLook look) {
    if (look.asText()) {
      if (snippets.size() > KEPT) {
        snippets.clear();
      }
      snippets.putAll(texts.snippets(page.stream().map(sampleId).toList(), chars));
    }
    return page;
  }

  /** The snippet read for the sample, or empty. */
  String of(long sampleId) {
    return snippets.getOrDefault(sampleId, "");
  }

  void clear() {
    snippets.clear();
  }
}
