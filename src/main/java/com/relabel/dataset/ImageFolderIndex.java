package com.relabel.dataset;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which image files an image folder holds and the label of each, before any pixel is decoded.
 *
 * @param root the prefix stripped from every path (a single wrapping folder, or empty)
 * @param files each image's path inside the source, in sample order
 * @param labels each image's class index
 * @param classNames one name per class
 * @param layout how the labels were found, for the dataset's description
 */
record ImageFolderIndex(
    String root, List<String> files, int[] labels, List<String> classNames, String layout) {

  static final Set<String> IMAGE_EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "gif");
  static final String LABELS_FILE = "labels.csv";
  private static final int MAX_PATH = 500;

  /** The path relative to the folder's root: the sample's external id. */
  String relative(int i) {
    return files.get(i).substring(root.length());
  }

  int count() {
    return files.size();
  }

  /**
   * Reads the layout: a {@code labels.csv} at the root means "images plus labels", otherwise one
   * sub-folder per class. One folder wrapping everything (as a zipped folder has) is looked into.
   */
  static ImageFolderIndex of(ImageSource source, ImportLimits limits) throws IOException {
    List<String> files = new ArrayList<>();
    for (String f : source.files()) {
      if (!ignored(f)) {
        files.add(f);
      }
    }
    if (files.isEmpty()) {
      throw new ImageFolderException(source.name(), "is empty: no images found");
    }
    String root = wrappingFolder(files);
    List<String> inside = files.stream().map(f -> f.substring(root.length())).toList();
    ImageFolderIndex index =
        inside.stream().anyMatch(f -> f.equalsIgnoreCase(LABELS_FILE))
            ? LabelsCsv.index(source, root, inside)
            : ClassFolders.index(source.name(), root, inside);
    if (index.count() > limits.maxImages()) {
      throw new ImageFolderException(
          source.name(), "holds more than " + limits.maxImages() + " images");
    }
    for (int i = 0; i < index.count(); i++) {
      if (index.relative(i).length() > MAX_PATH) {
        throw new ImageFolderException(
            index.files().get(i), "path is longer than " + MAX_PATH + " characters");
      }
      if (index.relative(i).indexOf('\0') >= 0) {
        throw new ImageFolderException(
            index.files().get(i).replace('\0', '?'), "the path contains a NUL character (U+0000)");
      }
    }
    String tooFew =
        ImportLimits.classesRefusal(
            java.util.Arrays.stream(index.labels())
                .distinct()
                .mapToObj(index.classNames()::get)
                .toList());
    if (tooFew != null) {
      throw new ImageFolderException(source.name(), tooFew);
    }
    return index;
  }

  /** Hidden files, macOS resource forks and Windows thumbnails are not part of a dataset. */
  static boolean ignored(String file) {
    for (String segment : file.split("/")) {
      if (segment.startsWith(".") || segment.equals("__MACOSX")) {
        return true;
      }
    }
    String base = file.substring(file.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    return base.equals("thumbs.db") || base.equals("desktop.ini");
  }

  static boolean isImage(String file) {
    int dot = file.lastIndexOf('.');
    return dot > file.lastIndexOf('/')
        && IMAGE_EXTENSIONS.contains(file.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  /**
   * The one folder everything sits in ({@code "data/"}), when there is one and the structure
   * continues below it; else {@code ""}.
   */
  private static String wrappingFolder(List<String> files) {
    String root = "";
    while (true) {
      String first = files.getFirst().substring(root.length());
      int slash = first.indexOf('/');
      if (slash < 0) {
        return root;
      }
      String candidate = root + first.substring(0, slash + 1);
      if (!files.stream().allMatch(f -> f.startsWith(candidate))) {
        return root;
      }
      boolean structureBelow =
          files.stream()
              .map(f -> f.substring(candidate.length()))
              .anyMatch(f -> f.contains("/") || f.equalsIgnoreCase(LABELS_FILE));
      if (!structureBelow) {
        return root;
      }
      root = candidate;
    }
  }
}
