package com.relabel.dataset;

import com.relabel.security.Roles;
import java.io.IOException;
import java.nio.file.Path;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Imports a dataset from an image folder, a directory or a ZIP (see {@link ImageFolderReader}). The
 * layout, the labels and every image's header are checked before anything is written; the pixels
 * are then decoded, resized and written batch by batch in one transaction, so a corrupt image found
 * there rolls everything back. Errors are {@link ImageFolderException}s naming the file (and the
 * {@code labels.csv} line).
 */
@Service
public class ImageFolderImport {

  private final ImageFolderWriter writer;
  private final ImportLimits limits;

  ImageFolderImport(ImageFolderWriter writer, ImportLimits limits) {
    this.writer = writer;
    this.limits = limits;
  }

  /** Imports with this installation's limits ({@code relabel.import.*}). */
  @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
  public ImageImportResult importFolder(String name, Path source, ImageSizePolicy policy)
      throws IOException {
    return importFolder(name, source, policy, limits);
  }

  @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
  public ImageImportResult importFolder(
      String name, Path source, ImageSizePolicy policy, ImportLimits limits) throws IOException {
    try (ImageFolderReader reader = ImageFolderReader.open(source, policy, limits)) {
      Dataset dataset = writer.write(name, reader);
      return new ImageImportResult(
          dataset,
          reader.count(),
          reader.classNames(),
          reader.height(),
          reader.width(),
          reader.channels(),
          reader.resizedCount());
    }
  }
}
