package com.relabel.review.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.relabel.dataset.SampleTexts;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The snippets of a paged list: one read a page, only for samples shown as text, bounded. */
class PageSnippetsTest {

  private final SampleTexts texts = mock(SampleTexts.class);

  @Test
  void readsThePageOnceForTextsAndNothingForPictures() {
    when(texts.snippets(List.of(7L, 9L), 40)).thenReturn(Map.of(7L, "seven", 9L, "nine"));
    var snippets = new PageSnippets(texts, 40);

    assertThat(snippets.read(List.of(7L, 9L), Function.identity(), SampleLook.TEXT))
        .containsExactly(7L, 9L);

    assertThat(snippets.of(7L)).isEqualTo("seven");
    assertThat(snippets.of(8L)).isEmpty();
    var pictures = new PageSnippets(mock(SampleTexts.class), 40);
    pictures.read(List.of(7L), Function.identity(), SampleLook.PICTURE);
    assertThat(pictures.of(7L)).isEmpty();
  }

  @Test
  void forgetsEverythingPastTheBoundAndReadsAgain() {
    when(texts.snippets(any(), anyInt()))
        .thenAnswer(
            call ->
                call.<List<Long>>getArgument(0).stream()
                    .collect(Collectors.toMap(id -> id, id -> "#" + id)));
    var snippets = new PageSnippets(texts, 40);
    List<Long> first = LongStream.rangeClosed(1, PageSnippets.KEPT + 1).boxed().toList();
    snippets.read(first, Function.identity(), SampleLook.TABLE_ROW);

    snippets.read(List.of(-1L), Function.identity(), SampleLook.TABLE_ROW);

    assertThat(snippets.of(1L)).isEmpty();
    assertThat(snippets.of(-1L)).isEqualTo("#-1");
    verify(texts).snippets(List.of(-1L), 40);
  }

  @Test
  void aPictureListNeverAsksForTexts() {
    var snippets = new PageSnippets(texts, 40);

    snippets.read(List.of(1L, 2L), Function.identity(), SampleLook.PICTURE);

    verifyNoInteractions(texts);
  }
}
