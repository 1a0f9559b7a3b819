package com.relabel.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.BoundingBox;
import com.relabel.review.ReviewGuidelines;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 14, two things teams expect of the review screen, in real Chromium against the real app
 * (demo profile, 200 MNIST samples, one epoch): guidelines an admin writes on the dataset's card
 * and an annotator opens with G (Markdown rendered, HTML in it inert, editing refused to annotators
 * by the server), and a closer look at the image (Z and the mouse wheel zoom, contrast and
 * brightness sliders) that stays from sample to sample. Neither G nor Z nor the wheel decides
 * anything: the audit trail says so.
 */
@QuickDemoApp
@TestPropertySource(
    properties =
        "spring.datasource.url=jdbc:h2:mem:e2e-guidelines;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000")
class GuidelinesAndLookEndToEndTest extends DemoBrowserTest {

  static final String GUIDELINES =
      """
      ## Digits

      **A 7 with a bar** is still a 7. Exclude scribbles.

      <script>window.__xss = 'script'</script>
      <img src="x" onerror="window.__xss = 'img'">
      """;

  static final int[][] SIZES = {{1400, 900}, {1024, 768}};

  @Autowired ReviewGuidelines guidelines;
  @Autowired SecurityContextHolderStrategy securityContexts;

  @BeforeAll
  void waitLongerForTheBrowser() {
    PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
  }

  @Test
  void anAdminWritesGuidelinesAndAnAnnotatorReadsThemWithG() {
    try (BrowserContext annaContext = context(1400, 900);
        BrowserContext adminContext = context(1400, 900)) {
      Page anna = annaContext.newPage();
      new LoginPage(anna, baseUrl).loginAs("anna", "anna");
      var review = new ReviewPage(anna).open(baseUrl, datasetId);
      var tools = new ReviewToolsPage(anna);
      long shown = review.shownSampleId();

      // nothing written yet: G says so, and G closes the sheet again
      review.pressKey("g");
      assertThat(tools.guidelinesSheet()).isVisible();
      assertThat(tools.noGuidelines()).hasText("No guidelines yet.");
      review.pressKey("g");
      assertThat(tools.guidelinesSheet()).isHidden();

      // an annotator's card has no way to edit them
      anna.navigate(baseUrl + "/");
      assertThat(anna.locator("#review-" + datasetId)).isVisible();
      assertThat(anna.locator("#guidelines-" + datasetId)).hasCount(0);

      // the admin writes them on the dataset's card, with a preview
      Page admin = adminContext.newPage();
      new LoginPage(admin, baseUrl).loginAs("admin", "admin");
      admin.locator("#guidelines-" + datasetId).click();
      admin.locator("#guidelines-editor textarea").fill(GUIDELINES);
      assertThat(admin.locator("#guidelines-preview strong")).hasText("A 7 with a bar");
      admin.locator("#guidelines-save").click();
      assertThat(
              admin
                  .locator("vaadin-notification-card")
                  .filter(new Locator.FilterOptions().setHasText("Guidelines saved.")))
          .isVisible();
      assertThat(admin.locator("#guidelines-dialog")).hasCount(0);
      assertThat(admin.evaluate("() => window.__xss === undefined")).isEqualTo(true);

      // stored with who changed them and when, every change kept
      assertThat(guidelinesChanges()).containsEntry("CHANGED_BY", "admin");

      // the annotator opens them with G: Markdown rendered, the HTML in them inert
      new ReviewPage(anna).open(baseUrl, datasetId);
      long decisionsBefore = decisionsBy("anna");
      review.pressKey("g");
      assertThat(tools.guidelinesText().locator("h2")).hasText("Digits");
      assertThat(tools.guidelinesText().locator("strong")).hasText("A 7 with a bar");
      assertThat(tools.guidelinesText().locator("script")).hasCount(0);
      assertThat(tools.guidelinesText().locator("[onerror]")).hasCount(0);
      assertThat(anna.locator("#guidelines-changed")).containsText("Changed by admin");
      review.awaitEarlierInput();
      assertThat(anna.evaluate("() => window.__xss === undefined")).isEqualTo(true);
      for (int[] size : SIZES) {
        anna.setViewportSize(size[0], size[1]);
        assertThat(TextFit.cutTexts(tools.guidelinesSheet(), true)).isEmpty();
        shoot(anna, "review-guidelines", size);
      }
      review.pressKey("g");
      assertThat(tools.guidelinesSheet()).isHidden();

      // G decided nothing: no decision recorded, the sample still open
      review.awaitEarlierInput();
      assertThat(decisionsBy("anna")).isEqualTo(decisionsBefore);
      assertThat(statusOf(review.shownSampleId())).isEqualTo("OPEN");
      assertThat(shown).isPositive();

      for (int[] size : SIZES) {
        admin.setViewportSize(size[0], size[1]);
        admin.locator("#guidelines-" + datasetId).click();
        assertThat(admin.locator("#guidelines-preview strong")).hasText("A 7 with a bar");
        assertThat(admin.locator("#guidelines-history")).containsText("admin");
        shoot(admin, "guidelines-editor", size);
        admin.keyboard().press("Escape");
        assertThat(admin.locator("#guidelines-dialog")).hasCount(0);
      }
    }
  }

  @Test
  void theServerRefusesAnAnnotatorWhoEditsGuidelines() {
    login("ben", "ANNOTATOR");
    try {
      assertThatThrownBy(() -> guidelines.save(datasetId, "Confirm everything."))
          .isInstanceOf(AccessDeniedException.class);
      assertThatThrownBy(() -> guidelines.history(datasetId))
          .isInstanceOf(AccessDeniedException.class);
      assertThat(guidelines.current(datasetId).map(g -> g.text()).orElse(""))
          .doesNotContain("Confirm everything.");
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from review_guidelines_change where changed_by = 'ben'",
                  Integer.class))
          .isZero();
    } finally {
      securityContexts.clearContext();
      SecurityContextHolder.clearContext();
    }
  }

  @Test
  void zoomAndContrastStayFromSampleToSampleAndDecideNothing() {
    try (BrowserContext context = context(1400, 900)) {
      Page page = context.newPage();
      new LoginPage(page, baseUrl).loginAs("ben", "ben");
      var review = new ReviewPage(page).open(baseUrl, datasetId);
      var tools = new ReviewToolsPage(page);
      review.awaitImageLoaded();
      long first = review.shownSampleId();
      long decisionsBefore = decisionsBy("ben");
      double plain = tools.imageBox().width;
      assertThat(tools.zoomLevel()).hasText("1×");

      // Z: twice the size, pixels kept sharp
      review.pressKey("z");
      assertThat(tools.zoomLevel()).hasText("2×");
      tools.awaitImageWiderThan(plain * 1.9);
      assertThat(tools.imageBox().width).isCloseTo(plain * 2, within(plain * 0.05));
      assertThat(
              page.evaluate(
                  "() => getComputedStyle(document.querySelector('#sample-image')).imageRendering"))
          .isEqualTo("pixelated");
      review.pressKey("z");
      assertThat(tools.zoomLevel()).hasText("4×");
      review.pressKey("z");
      assertThat(tools.zoomLevel()).hasText("1×");

      // the wheel zooms around the pointer: the image point under it stays under it
      double fx = 0.25;
      BoundingBox frame = tools.frame().boundingBox();
      double pointerX = frame.x + fx * frame.width;
      BoundingBox before = tools.imageBox();
      double pointBefore = (pointerX - before.x) / before.width;
      tools.wheelOverImage(fx, 0.25, -100);
      assertThat(tools.zoomLevel()).hasText("1.3×");
      tools.awaitImageWiderThan(plain * 1.2);
      BoundingBox zoomed = tools.imageBox();
      assertThat(zoomed.width).isCloseTo(plain * 1.25, within(plain * 0.05));
      assertThat((pointerX - zoomed.x) / zoomed.width).isCloseTo(pointBefore, within(0.02));
      tools.wheelOverImage(fx, 0.25, -100);
      tools.awaitImageWiderThan(plain * 1.5);
      tools.wheelOverImage(0.5, 0.5, 400);
      assertThat(tools.zoomLevel()).hasText("1×");

      // contrast and brightness: a CSS filter on the image
      review.pressKey("z");
      tools.setSlider("contrast", 180);
      tools.awaitImageFilter("contrast(180%)");
      tools.setSlider("brightness", 140);
      tools.awaitImageFilter("brightness(140%)");
      assertThat(tools.imageFilter()).isEqualTo("contrast(180%) brightness(140%)");

      // none of it decided anything
      review.awaitEarlierInput();
      assertThat(review.shownSampleId()).isEqualTo(first);
      assertThat(decisionsBy("ben")).isEqualTo(decisionsBefore);
      assertThat(statusOf(first)).isEqualTo("OPEN");
      for (int[] size : SIZES) {
        page.setViewportSize(size[0], size[1]);
        assertThat(TextFit.cutTexts(page.locator("#look-tools"), true)).isEmpty();
        shoot(page, "review-look-closer", size);
      }
      page.setViewportSize(1400, 900);

      // Enter confirms (the sliders let go of the focus), and the next sample keeps the look
      review.pressKey("Enter");
      assertThat(review.image()).not().hasAttribute("src", "images/samples/" + first + ".png");
      review.awaitEarlierInput();
      assertThat(decisionsBy("ben")).isEqualTo(decisionsBefore + 1);
      assertThat(tools.imageFilter()).isEqualTo("contrast(180%) brightness(140%)");
      assertThat(tools.zoomLevel()).hasText("2×");
      assertThat(tools.imageBox().width).isCloseTo(plain * 2, within(plain * 0.05));

      // for the whole session: a reload keeps it too; Reset brings the image back as it is
      new ReviewPage(page).open(baseUrl, datasetId);
      assertThat(tools.zoomLevel()).hasText("2×");
      assertThat(tools.imageFilter()).isEqualTo("contrast(180%) brightness(140%)");
      tools.resetButton().click();
      assertThat(tools.zoomLevel()).hasText("1×");
      tools.awaitImageFilter("contrast(100%) brightness(100%)");
      review.awaitEarlierInput();
      assertThat(decisionsBy("ben")).isEqualTo(decisionsBefore + 1);
    }
  }

  private BrowserContext context(int width, int height) {
    BrowserContext context =
        browser.browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height));
    context.setDefaultTimeout(60_000);
    return context;
  }

  private void login(String user, String role) {
    var auth =
        new UsernamePasswordAuthenticationToken(
            user, "n/a", AuthorityUtils.createAuthorityList("ROLE_" + role));
    securityContexts.getContext().setAuthentication(auth);
    SecurityContextHolder.getContext().setAuthentication(auth);
  }

  private Map<String, Object> guidelinesChanges() {
    return jdbc.queryForMap(
        "select changed_by, changed_at, body from review_guidelines_change"
            + " where dataset_id = ? order by id desc limit 1",
        datasetId);
  }

  private long decisionsBy(String actor) {
    return jdbc.queryForObject(
        "select count(*) from audit_entry where dataset_id = ? and actor = ?",
        Long.class,
        datasetId,
        actor);
  }

  private String statusOf(long sampleId) {
    return jdbc.queryForObject("select status from sample where id = ?", String.class, sampleId);
  }

  private static void shoot(Page page, String name, int[] size) {
    page.screenshot(
        new Page.ScreenshotOptions()
            .setPath(
                BrowserSession.SCREENSHOTS.resolve(name + "-" + size[0] + "x" + size[1] + ".png")));
  }
}
