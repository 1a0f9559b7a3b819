package com.relabel.dataset;

import java.io.IOException;

/**
 * An image folder (a directory or a ZIP) that cannot be imported: an unreadable image, a {@code
 * labels.csv} row naming a missing file, an image that no row lists, fewer than two classes, an
 * entry escaping the archive, an archive over the size limit.
 *
 * <p>The message always starts with the file the problem was found in, and the line for problems in
 * {@code labels.csv}.
 */
public final class ImageFolderException extends IOException {

  private final String fileName;

  public ImageFolderException(String fileName, String problem) {
    super(fileName + ": " + problem);
    this.fileName = fileName;
  }

  /** A problem on one line of a CSV file. */
  public ImageFolderException(String fileName, int line, String problem) {
    super(fileName + " line " + line + ": " + problem);
    this.fileName = fileName;
  }

  /** The file the problem was found in, relative to the folder's root when it is inside it. */
  public String fileName() {
    return fileName;
  }
}
