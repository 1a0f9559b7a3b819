package com.relabel.api;

import java.io.IOException;
import java.nio.file.Path;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Where the REST API's uploads reach the server's disk: each import opens a fresh folder ({@link
 * Uploads}) and every uploaded part is written through {@link #write}, the one place where a full
 * disk shows up (tests replace it to make the disk full).
 */
@Component
class UploadFolders {

  /** A fresh temporary folder for one request's uploads; close it to remove them. */
  Uploads open() throws IOException {
    return new Uploads(this);
  }

  /** Writes one uploaded part to {@code file}. */
  void write(MultipartFile part, Path file) throws IOException {
    part.transferTo(file);
  }
}
