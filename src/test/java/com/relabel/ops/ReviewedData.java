package com.relabel.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.relabel.dataset.Dataset;
import com.relabel.dataset.DatasetImporter;
import com.relabel.dataset.LabeledImages;
import com.relabel.flow.TestDatasets;
import com.relabel.review.QueueItem;
import com.relabel.review.ReviewAction;
import com.relabel.review.ReviewService;
import com.relabel.training.PredictionsImport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * A dataset worth backing up, made through the application's own services: imported images, a
 * ranked queue from imported predictions, and reviewers' confirm, correct and exclude decisions
 * (each with its audit row), one of them undone.
 */
final class ReviewedData {

  static final int SAMPLES = 60;

  private ReviewedData() {}

  /** Imports the dataset and decides through {@code app}'s review service; returns its id. */
  static long decideSome(ApplicationContext app, Path folder) throws IOException {
    loginAs(app, "backup-admin", "ADMIN");
    LabeledImages images = TestDatasets.mnist(SAMPLES);
    Dataset dataset =
        app.getBean(DatasetImporter.class)
            .importImages("backup-" + System.nanoTime(), images, null, null, "test");
    Path csv = Files.write(folder.resolve("predictions.csv"), predictionsCsv(images.labels()));
    app.getBean(PredictionsImport.class).importFile(dataset.getId(), csv, "test");

    ReviewService review = app.getBean(ReviewService.class);
    long id = dataset.getId();
    loginAs(app, "ada", "ANNOTATOR");
    for (ReviewAction action :
        List.of(ReviewAction.CONFIRM, ReviewAction.CORRECT, ReviewAction.EXCLUDE)) {
      for (int i = 0; i < 3; i++) {
        QueueItem item = review.next(id, Set.of()).orElseThrow();
        review.decide(item, action, (item.currentLabel() + 1) % 10);
      }
    }
    QueueItem undone = review.next(id, Set.of()).orElseThrow();
    var decided = review.decide(undone, ReviewAction.CORRECT, (undone.currentLabel() + 2) % 10);
    review.undo(undone, decided.getVersion());
    logout(app);
    return id;
  }

  /** Decides the next sample of the queue, to show that the application's role can still write. */
  static void confirmNext(ApplicationContext app, long datasetId) {
    loginAs(app, "grace", "ANNOTATOR");
    ReviewService review = app.getBean(ReviewService.class);
    QueueItem item = review.next(datasetId, Set.of()).orElseThrow();
    assertThat(review.decide(item, ReviewAction.CONFIRM, 0).getStatus().name())
        .isEqualTo("CONFIRMED");
    logout(app);
  }

  static void loginAs(ApplicationContext app, String user, String role) {
    var auth =
        new UsernamePasswordAuthenticationToken(
            user, "n/a", AuthorityUtils.createAuthorityList("ROLE_" + role));
    app.getBean(SecurityContextHolderStrategy.class).getContext().setAuthentication(auth);
    SecurityContextHolder.getContext().setAuthentication(auth);
  }

  static void logout(ApplicationContext app) {
    app.getBean(SecurityContextHolderStrategy.class).clearContext();
    SecurityContextHolder.clearContext();
  }

  /** A confident model that disagrees with every third label, so those rank first. */
  private static List<String> predictionsCsv(int[] labels) {
    List<String> lines = new ArrayList<>();
    lines.add("sample_index,c0,c1,c2,c3,c4,c5,c6,c7,c8,c9");
    for (int i = 0; i < labels.length; i++) {
      int predicted = i % 3 == 0 ? (labels[i] + 1) % 10 : labels[i];
      StringBuilder row = new StringBuilder().append(i);
      for (int k = 0; k < 10; k++) {
        row.append(',').append(k == predicted ? "0.91" : "0.01");
      }
      lines.add(row.toString());
    }
    return lines;
  }
}
