package com.relabel.dataset;

import com.relabel.security.Roles;
import java.io.IOException;
import java.nio.file.Path;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Imports a dataset from MNIST-style IDX files. The files are read and validated completely before
 * anything is written, and the write is one transaction: a bad file is refused with an {@link
 * IdxFormatException} naming the file and the problem, and leaves the database untouched.
 */
@Service
public class IdxImport {

  private final DatasetImporter importer;

  IdxImport(DatasetImporter importer) {
    this.importer = importer;
  }

  /**
   * @param numClasses the number of classes, or {@code null} for the largest label + 1
   */
  @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
  public Dataset importFiles(String name, Path images, Path labels, Integer numClasses)
      throws IOException {
    LabeledImages data = IdxReader.read(images, labels, numClasses);
    return importer.importImages(
        name, data, null, null, images.getFileName() + " + " + labels.getFileName());
  }
}
