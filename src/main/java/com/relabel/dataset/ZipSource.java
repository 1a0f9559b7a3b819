package com.relabel.dataset;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The files inside a ZIP archive. An entry whose name would land outside the archive's root
 * (absolute, a drive letter, or a {@code ..} segment: "zip slip") refuses the whole archive, as
 * does an archive over {@link ImportLimits#maxArchiveBytes()}. Every entry is read through a
 * counter, so a lying size in the archive cannot inflate past {@link ImportLimits#maxImageBytes()}.
 */
final class ZipSource implements ImageSource {

  private final String name;
  private final ZipFile zip;
  private final ImportLimits limits;
  private final Map<String, ZipEntry> entries = new HashMap<>();
  private final List<String> files;

  ZipSource(Path path, ImportLimits limits) throws IOException {
    this.name = path.getFileName().toString();
    this.limits = limits;
    long size = Files.size(path);
    if (size > limits.maxArchiveBytes()) {
      throw new ImageFolderException(
          name,
          "%,d bytes is larger than the limit of %,d bytes"
              .formatted(size, limits.maxArchiveBytes()));
    }
    try {
      this.zip = new ZipFile(path.toFile());
    } catch (ZipException e) {
      String notUtf8 = entryNotUtf8(path);
      if (notUtf8 != null) {
        throw new ImageFolderException(
            name,
            "the name of entry '"
                + notUtf8
                + "' is not UTF-8 (the archive does not mark its names as UTF-8, and they are not);"
                + " create the ZIP again with UTF-8 names (7-Zip: -mcu=on; Windows 11 and macOS"
                + " do this by themselves)");
      }
      throw new ImageFolderException(
          name, "not a ZIP archive or a directory (" + e.getMessage() + ")");
    }
    try {
      for (ZipEntry e : Collections.list(zip.entries())) {
        String file = e.getName().replace('\\', '/');
        if (escapesRoot(file)) {
          throw new ImageFolderException(
              name, "entry '" + e.getName() + "' points outside the archive; refused");
        }
        if (!e.isDirectory()) {
          entries.put(file, e);
        }
      }
    } catch (IOException | RuntimeException e) {
      zip.close();
      throw e;
    }
    var sorted = new ArrayList<>(entries.keySet());
    sorted.sort(null);
    this.files = List.copyOf(sorted);
  }

  /**
   * The first entry name of a ZIP that is not valid UTF-8 (shown with its bytes read as ISO-8859-1,
   * which every byte is), or null when there is none or the archive cannot be read at all. A ZIP
   * without the UTF-8 flag keeps names in the writer's local code page, which cannot be told from
   * the bytes; such names are refused rather than stored mangled.
   */
  static String entryNotUtf8(Path path) {
    try (ZipFile latin = new ZipFile(path.toFile(), StandardCharsets.ISO_8859_1)) {
      for (ZipEntry e : Collections.list(latin.entries())) {
        byte[] raw = e.getName().getBytes(StandardCharsets.ISO_8859_1);
        try {
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(raw));
        } catch (CharacterCodingException bad) {
          return e.getName();
        }
      }
      return null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  static boolean escapesRoot(String file) {
    if (file.startsWith("/") || file.matches("^[A-Za-z]:.*")) {
      return true;
    }
    for (String segment : file.split("/")) {
      if (segment.equals("..")) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<String> files() {
    return files;
  }

  @Override
  public InputStream open(String file) throws IOException {
    ZipEntry e = entries.get(file);
    if (e.getSize() > limits.maxImageBytes()) {
      throw new ImageFolderException(
          file, "larger than the limit of " + limits.maxImageBytes() + " bytes");
    }
    return new Capped(zip.getInputStream(e), limits.maxImageBytes(), file);
  }

  @Override
  public void close() throws IOException {
    zip.close();
  }

  /** Fails once more than {@code max} bytes have been read. */
  private static final class Capped extends FilterInputStream {
    private final String file;
    private long left;

    Capped(InputStream in, long max, String file) {
      super(in);
      this.left = max;
      this.file = file;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0 && --left < 0) {
        throw new ImageFolderException(file, "inflates past the size limit");
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      if (n > 0 && (left -= n) < 0) {
        throw new ImageFolderException(file, "inflates past the size limit");
      }
      return n;
    }
  }
}
