package com.relabel.dataset;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** The "one sub-folder per class" layout: {@code cat/001.png}, {@code dog/x/17.jpg}. */
final class ClassFolders {

  private ClassFolders() {}

  static ImageFolderIndex index(String sourceName, String root, List<String> inside)
      throws ImageFolderException {
    var folders = new LinkedHashSet<String>();
    var images = new ArrayList<String>();
    for (String f : inside) {
      int slash = f.indexOf('/');
      if (slash < 0) {
        if (ImageFolderIndex.isImage(f)) {
          throw new ImageFolderException(
              root + f,
              "is not in a class folder: put each image in a folder named after its class, or"
                  + " list the images in a labels.csv");
        }
        continue; // a README or similar beside the class folders
      }
      if (!ImageFolderIndex.isImage(f)) {
        throw new ImageFolderException(
            root + f, "is not an image (PNG, JPEG, BMP or GIF by its extension)");
      }
      String folder = f.substring(0, slash);
      if (folder.length() > TextFileReader.MAX_LABEL_CHARS) {
        throw new ImageFolderException(
            root + folder,
            "the class folder's name is longer than "
                + TextFileReader.MAX_LABEL_CHARS
                + " characters (it is the class name)");
      }
      folders.add(folder);
      images.add(f);
    }
    if (images.isEmpty()) {
      throw new ImageFolderException(sourceName, "is empty: no images found in class folders");
    }
    List<String> names = ClassLabels.sortedNames(folders);
    Map<String, Integer> classOf = new HashMap<>();
    for (int k = 0; k < names.size(); k++) {
      classOf.put(names.get(k), k);
    }
    images.sort(
        (a, b) -> {
          int ca = classOf.get(a.substring(0, a.indexOf('/')));
          int cb = classOf.get(b.substring(0, b.indexOf('/')));
          return ca != cb ? Integer.compare(ca, cb) : a.compareTo(b);
        });
    int[] labels = new int[images.size()];
    List<String> files = new ArrayList<>(images.size());
    for (int i = 0; i < labels.length; i++) {
      String f = images.get(i);
      labels[i] = classOf.get(f.substring(0, f.indexOf('/')));
      files.add(root + f);
    }
    return new ImageFolderIndex(root, files, labels, names, "class folders");
  }
}
