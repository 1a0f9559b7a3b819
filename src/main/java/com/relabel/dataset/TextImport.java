package com.relabel.dataset;

import com.relabel.security.Roles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
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

  TextImport(TextDatasetWriter writer) {
    this.writer = writer;
  }

  /**
   * @param file a {@code .csv} or {@code .jsonl} file
   * @param source what the dataset's card says it came from (e.g. the uploaded file's name)
   */
  @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
  public Dataset importFile(String name, Path file, String source) throws IOException {
    // errors name the file by its own name, never by the (temporary, server-side) folder
    TextClasses classes = scan(file, file.getFileName().toString());
    return writer.write(name, file, classes, source);
  }

  /** Validates every record of the file and returns its classes. */
  public static TextClasses scan(Path file) throws IOException {
    return scan(file, file.toString());
  }

  /** As {@link #scan(Path)}, naming the file {@code name} in errors. */
  static TextClasses scan(Path file, String name) throws IOException {
    Set<String> labels = new HashSet<>();
    TextFileReader.read(
        file, name, TextFileReader.Format.of(file), record -> labels.add(record.label()));
    return TextClasses.of(labels, name);
  }
}
