package com.relabel.dataset;

import com.relabel.security.Roles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Imports a text-classification dataset from a CSV or JSONL file ({@link TextFileReader}). The file
 * is read twice, never held in memory: once to validate every record and collect the labels (the
 * classes), once to write, in one transaction. A bad file is refused with a {@link
 * TextFormatException} naming the file and the line, and leaves the database untouched.
 */
@Service
public class TextImport {

  private final TextDatasetWriter writer;
  private final ImportLimits limits;

  TextImport(TextDatasetWriter writer, ImportLimits limits) {
    this.writer = writer;
    this.limits = limits;
  }

  /**
   * @param file a {@code .csv} or {@code .jsonl} file
   * @param source what the dataset's card says it came from (e.g. the uploaded file's name)
   */
  @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
  public Dataset importFile(String name, Path file, String source) throws IOException {
    return importFile(name, file, source, TextFeatures.standard());
  }

  /**
   * As {@link #importFile(String, Path, String)}, the classifier learning from {@code features};
   * with the encoder every text is encoded here, once (decision 0038).
   */
  @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
  public Dataset importFile(String name, Path file, String source, TextFeatures features)
      throws IOException {
    return importFile(name, file, source, features, (written, total) -> {});
  }

  /** How far a text import has written (and encoded) the file's texts. */
  @FunctionalInterface
  public interface Progress {
    /** {@code written} of the file's {@code total} texts are written, and encoded if chosen. */
    void written(int written, int total);
  }

  /**
   * As {@link #importFile(String, Path, String, TextFeatures)}, telling {@code progress} after the
   * file is checked (0 written) and after every 1,000 texts written: encoding takes minutes for
   * large files (docs/benchmarks.md). Called on the importing thread, inside its transaction.
   */
  @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
  public Dataset importFile(
      String name, Path file, String source, TextFeatures features, Progress progress)
      throws IOException {
    return importFile(name, file, source, features, progress, () -> false);
  }

  /**
   * As {@link #importFile(String, Path, String, TextFeatures, Progress)}, ending with an {@link
   * ImportStoppedException} and nothing written once {@code stop} answers true ({@link
   * BackgroundImports} asks this at shutdown).
   */
  @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
  public Dataset importFile(
      String name,
      Path file,
      String source,
      TextFeatures features,
      Progress progress,
      BooleanSupplier stop)
      throws IOException {
    // errors name the file by its own name, never by the (temporary, server-side) folder
    String fileName = file.getFileName().toString();
    limits.requireFileFits(file, fileName, "bytes of text");
    int[] total = {0};
    TextClasses classes = scan(file, fileName, total);
    progress.written(0, total[0]);
    return writer.write(
        name,
        file,
        classes,
        source,
        features,
        written -> progress.written(written, total[0]),
        stop);
  }

  /** Validates every record of the file and returns its classes. */
  public static TextClasses scan(Path file) throws IOException {
    return scan(file, file.toString());
  }

  /**
   * As {@link #scan(Path)}, naming the file {@code name} in errors. Refuses an id used twice,
   * naming both lines.
   */
  static TextClasses scan(Path file, String name) throws IOException {
    return scan(file, name, new int[1]);
  }

  /** As {@link #scan(Path, String)}, counting the records in {@code count[0]}. */
  private static TextClasses scan(Path file, String name, int[] count) throws IOException {
    Set<String> labels = new HashSet<>();
    Map<String, Integer> lineOfId = new HashMap<>();
    TextFileReader.read(
        file,
        name,
        TextFileReader.Format.of(file),
        record -> {
          Integer first = lineOfId.putIfAbsent(record.externalId(), record.line());
          if (first != null) {
            throw new TextFormatException(
                name,
                record.line(),
                "the id '" + record.externalId() + "' is used again; it is on line " + first);
          }
          labels.add(record.label());
          count[0]++;
        });
    return TextClasses.of(labels, name);
  }
}
