package com.relabel.dataset;

import com.relabel.security.Roles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Imports a dataset from MNIST-style IDX files. The files are read and validated completely before
 * anything is written, and the write is one transaction: a bad file is refused with an {@link
 * IdxFormatException} naming the file (its name, not the folder it was saved in on the server) and
 * the problem, and leaves the database untouched.
 */
@Service
public class IdxImport {

  private final DatasetImporter importer;
  private final ImportLimits limits;

  IdxImport(DatasetImporter importer, ImportLimits limits) {
    this.importer = importer;
    this.limits = limits;
  }

  /**
   * @param numClasses the number of classes, or {@code null} for the largest label + 1
   */
  @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
  public Dataset importFiles(String name, Path images, Path labels, Integer numClasses)
      throws IOException {
    // errors name the files by their own names, never by the (temporary, server-side) folder
    String imagesName = images.getFileName().toString();
    String labelsName = labels.getFileName().toString();
    LabeledImages data =
        IdxReader.read(
            imagesName,
            () -> Files.newInputStream(images),
            labelsName,
            () -> Files.newInputStream(labels),
            numClasses,
            limits.maxDecodedBytes());
    return importer.importImages(name, data, null, null, imagesName + " + " + labelsName);
  }
}
