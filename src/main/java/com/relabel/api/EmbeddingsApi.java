package com.relabel.api;

import com.relabel.dataset.EmbeddingsImport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * A team's own vectors for a dataset over the REST API (decision 0044): attach them, and choose
 * whether runs learn from them. Admins only (the service checks); read-only tokens never reach
 * here.
 */
@RestController
@RequestMapping("/api/v1/datasets/{datasetId}/embeddings")
@Tag(name = "Datasets")
class EmbeddingsApi {

  private final EmbeddingsImport embeddings;
  private final UploadFolders uploadFolders;

  EmbeddingsApi(EmbeddingsImport embeddings, UploadFolders uploadFolders) {
    this.embeddings = embeddings;
    this.uploadFolders = uploadFolders;
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(
      summary = "Attach your own model's vectors to every sample of the dataset (admins)",
      description =
          "file: NumPy .npy (float32 or float64, shape samples x d, row i = sample i), JSON Lines"
              + " with {\"sample_index\", \"embedding\"} per line, or CSV with the header"
              + " sample_index,e0,e1,...; one row for every sample. Replaces vectors attached"
              + " before; a bad file is refused with its line or row and nothing changes."
              + " train (default true): the dataset's next runs learn from the vectors and search"
              + " neighbours among them.")
  ResponseEntity<EmbeddingsImport.Attached> attach(
      @PathVariable long datasetId,
      @RequestPart("file") MultipartFile file,
      @RequestParam(defaultValue = "true") boolean train)
      throws IOException {
    try (var uploads = uploadFolders.open()) {
      var saved = uploads.save(file, "embeddings.npy");
      var attached = embeddings.importFile(datasetId, saved, saved.getFileName().toString(), train);
      return ResponseEntity.created(URI.create("/api/v1/datasets/" + datasetId)).body(attached);
    }
  }

  @PostMapping("/training")
  @Operation(
      summary = "Whether the dataset's next runs learn from its own vectors (admins)",
      description = "train=false goes back to the pixels or the text features")
  EmbeddingsChoice train(@PathVariable long datasetId, @RequestParam boolean train) {
    embeddings.trainOnThem(datasetId, train);
    return new EmbeddingsChoice(datasetId, train);
  }

  /** The answer to a choice: the dataset and whether its runs now learn from its own vectors. */
  record EmbeddingsChoice(long datasetId, boolean trainsOnEmbeddings) {}
}
