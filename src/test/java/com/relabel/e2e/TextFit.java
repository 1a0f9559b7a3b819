package com.relabel.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;

/**
 * Finds the text a page cuts off. A piece of text is cut when the element holding it clips and is
 * narrower (or lower) than its content, or when it reaches past its nearest clipping ancestor (in
 * the flattened tree, through shadow roots and slots), or, if asked, past the window's sides.
 */
final class TextFit {
  private TextFit() {}

  private static final String SCRIPT =
      """
      (root, inWindow) => {
        const up = n => n.assignedSlot || n.parentElement || (n.parentNode && n.parentNode.host) || null;
        const clips = e => { const s = getComputedStyle(e);
          return s.overflowX !== 'visible' || s.overflowY !== 'visible'; };
        const cut = [];
        let checked = 0;
        for (const el of [root, ...root.querySelectorAll('*')]) {
          const text = [...el.childNodes].filter(n => n.nodeType === 3)
              .map(n => n.textContent).join('').trim();
          if (!text) continue;
          const r = el.getBoundingClientRect();
          if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
          checked++;
          if (inWindow && (r.left < -1 || r.right > innerWidth + 1)) {
            cut.push(text + ' (past the window)'); continue;
          }
          if (clips(el) && el.clientWidth > 0
              && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)) {
            cut.push(text + ' (' + el.clientWidth + 'px shows ' + el.scrollWidth + 'px)'); continue;
          }
          if (clips(el)) continue;
          for (let a = up(el); a && a.nodeType === 1; a = up(a)) {
            if (!clips(a)) continue;
            const b = a.getBoundingClientRect();
            if (r.left < b.left - 1 || r.right > b.right + 1 || r.top < b.top - 1 || r.bottom > b.bottom + 1) {
              cut.push(text + ' (past its ' + a.tagName.toLowerCase() + ')');
            }
            break;
          }
        }
        return checked === 0 ? ['nothing shown to check'] : cut;
      }
      """;

  /**
   * The texts under {@code root} that are cut off; with {@code inWindow}, also those past it. Waits
   * for running animations (a dialog opening) to end first; a root without any text shown counts as
   * cut.
   */
  @SuppressWarnings("unchecked")
  static List<String> cutTexts(Locator root, boolean inWindow) {
    awaitAnimations(root.page());
    return (List<String>) root.evaluate(SCRIPT, inWindow);
  }

  /** Waits until no animation runs on the page (shadow trees included). */
  static void awaitAnimations(Page page) {
    page.waitForFunction(
        """
        () => {
          const running = [];
          const walk = root => {
            for (const el of root.querySelectorAll('*')) {
              running.push(...el.getAnimations().filter(a => a.playState === 'running'
                  && a.effect && a.effect.getComputedTiming().endTime !== Infinity));
              if (el.shadowRoot) walk(el.shadowRoot);
            }
          };
          walk(document);
          return running.length === 0;
        }
        """);
  }
}
