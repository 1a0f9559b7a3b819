package com.relabel.api;

import com.relabel.dataset.Dataset;
import com.relabel.dataset.DatasetService;
import com.relabel.dataset.TableImport;
import com.relabel.dataset.TableOptions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * A feature table imported over the REST API (decision 0045). Admins only (the service checks);
 * read-only tokens never reach here. A bad file is a 400 naming the file, line and column.
 */
@RestController
@Tag(name = "Datasets")
class TablesApi {

  private final TableImport tables;
  private final DatasetService datasets;
  private final UploadFolders uploadFolders;

  TablesApi(TableImport tables, DatasetService datasets, UploadFolders uploadFolders) {
    this.tables = tables;
    this.datasets = datasets;
    this.uploadFolders = uploadFolders;
  }

  @PostMapping(path = "/api/v1/datasets/table", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(
      summary = "Import a feature table: a CSV of numeric and categorical columns (admins)",
      description =
          "labelColumn (default label): the column of the labels; idColumn: a column of row ids"
              + " kept for the export; categorical: columns of numbers to one-hot encode (codes),"
              + " repeated or comma-separated. Numeric columns are standardised, other columns"
              + " one-hot encoded (at most 100 values each); an empty cell, NA or NaN is the"
              + " column's mean plus a missing flag, or a category of its own.")
  ResponseEntity<ApiDataset> importTable(
      @RequestParam String name,
      @RequestPart("file") MultipartFile file,
      @RequestParam(required = false) String labelColumn,
      @RequestParam(required = false) String idColumn,
      @RequestParam(required = false) List<String> categorical)
      throws IOException {
    Set<String> marked = categorical == null ? Set.of() : TableOptions.columns(categorical);
    try (var uploads = uploadFolders.open()) {
      var saved = uploads.save(file, "table.csv");
      Dataset dataset =
          tables.importFile(
              DatasetsApi.checkedName(name),
              saved,
              saved.getFileName().toString(),
              new TableOptions(labelColumn, idColumn, marked));
      return ResponseEntity.created(URI.create("/api/v1/datasets/" + dataset.getId()))
          .body(
              ApiDataset.of(
                  datasets.overview(dataset.getId()), datasets.classNames(dataset.getId())));
    }
  }
}
