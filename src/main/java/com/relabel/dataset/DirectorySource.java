package com.relabel.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The files under a directory. */
final class DirectorySource implements ImageSource {

  private final Path root;
  private final ImportLimits limits;
  private final List<String> files;

  DirectorySource(Path root, ImportLimits limits) throws IOException {
    this.root = root;
    this.limits = limits;
    var found = new ArrayList<String>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        if (Files.isRegularFile(p)) {
          found.add(root.relativize(p).toString().replace('\\', '/'));
        }
      }
    }
    found.sort(null);
    this.files = List.copyOf(found);
  }

  @Override
  public String name() {
    return root.toString();
  }

  @Override
  public List<String> files() {
    return files;
  }

  @Override
  public InputStream open(String file) throws IOException {
    Path p = root.resolve(file);
    if (Files.size(p) > limits.maxImageBytes()) {
      throw new ImageFolderException(
          file, "larger than the limit of " + limits.maxImageBytes() + " bytes");
    }
    return Files.newInputStream(p);
  }
}
