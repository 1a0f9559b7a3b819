package com.relabel.api;

import com.relabel.dataset.Dataset;
import com.relabel.dataset.DatasetNames;
import com.relabel.dataset.DatasetService;
import com.relabel.dataset.IdxImport;
import com.relabel.dataset.ImageFolderImport;
import com.relabel.dataset.ImageSizePolicy;
import com.relabel.dataset.TextFeatures;
import com.relabel.dataset.TextImport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Datasets over the REST API: list, read, and import in each format the UI imports. An import is
 * validated completely before anything is written, so a bad file is refused with a 400 naming the
 * file and line, and nothing is half-imported.
 */
@RestController
@RequestMapping("/api/v1/datasets")
@Tag(name = "Datasets")
class DatasetsApi {

  private final DatasetService datasets;
  private final IdxImport idx;
  private final TextImport text;
  private final ImageFolderImport images;
  private final UploadFolders uploadFolders;

  DatasetsApi(
      DatasetService datasets,
      IdxImport idx,
      TextImport text,
      ImageFolderImport images,
      UploadFolders uploadFolders) {
    this.datasets = datasets;
    this.idx = idx;
    this.text = text;
    this.images = images;
    this.uploadFolders = uploadFolders;
  }

  @GetMapping
  @Operation(summary = "Every dataset with its review progress")
  List<ApiDataset> list() {
    return datasets.overview().stream()
        .map(o -> ApiDataset.of(o, datasets.classNames(o.id())))
        .toList();
  }

  @GetMapping("/{datasetId}")
  @Operation(summary = "One dataset with its classes and review progress")
  ApiDataset get(@PathVariable long datasetId) {
    return ApiDataset.of(datasets.overview(datasetId), datasets.classNames(datasetId));
  }

  @PostMapping(path = "/idx", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(summary = "Import MNIST-style IDX files (images and labels; admins)")
  ResponseEntity<ApiDataset> importIdx(
      @RequestParam String name,
      @RequestPart("images") MultipartFile imageFile,
      @RequestPart("labels") MultipartFile labelFile,
      @RequestParam(required = false) Integer classes)
      throws IOException {
    try (var uploads = uploadFolders.open()) {
      Dataset dataset =
          idx.importFiles(
              checkedName(name),
              uploads.save(imageFile, "images.idx"),
              uploads.save(labelFile, "labels.idx"),
              classes);
      return created(dataset);
    }
  }

  @PostMapping(path = "/text", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(summary = "Import a CSV or JSONL text file with text,label records (admins)")
  ResponseEntity<ApiDataset> importText(
      @RequestParam String name,
      @RequestPart("file") MultipartFile file,
      @RequestParam(required = false) String features)
      throws IOException {
    // what the classifier learns from (decision 0038): encoder (default), hashed or both
    TextFeatures chosen = features == null ? TextFeatures.standard() : textFeatures(features);
    try (var uploads = uploadFolders.open()) {
      var saved = uploads.save(file, "texts.csv");
      return created(
          text.importFile(checkedName(name), saved, saved.getFileName().toString(), chosen));
    }
  }

  private static TextFeatures textFeatures(String value) {
    try {
      return TextFeatures.of(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("features: " + e.getMessage());
    }
  }

  @PostMapping(path = "/images", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(
      summary =
          "Import a ZIP of images: one folder per class, or images plus a labels.csv (admins)",
      description =
          "size: 'auto' (the default: the images' own size, the longer side at most 64) or WxH,"
              + " 8 to 128 pixels a side")
  ResponseEntity<ApiDataset> importImages(
      @RequestParam String name,
      @RequestPart("archive") MultipartFile archive,
      @RequestParam(defaultValue = "auto") String size)
      throws IOException {
    ImageSizePolicy policy = imageSize(size);
    try (var uploads = uploadFolders.open()) {
      return created(
          images
              .importFolder(checkedName(name), uploads.save(archive, "images.zip"), policy)
              .dataset());
    }
  }

  /** The {@code size} field: auto or WxH; a refusal names the field. */
  private static ImageSizePolicy imageSize(String size) {
    if ("auto".equalsIgnoreCase(size.strip())) {
      return ImageSizePolicy.automatic();
    }
    try {
      return ImageSizePolicy.parse(size);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("size: " + e.getMessage());
    }
  }

  /** The dataset's name, stripped: 1 to 200 characters (the column's size), checked up front. */
  static String checkedName(String name) {
    return DatasetNames.checked(name);
  }

  private ResponseEntity<ApiDataset> created(Dataset dataset) {
    return ResponseEntity.created(URI.create("/api/v1/datasets/" + dataset.getId()))
        .body(get(dataset.getId()));
  }
}
