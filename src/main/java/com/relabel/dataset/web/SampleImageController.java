package com.relabel.dataset.web;

import com.relabel.dataset.DatasetService;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Serves sample images as PNG to logged-in users (see SecurityConfig: /images/**). */
@RestController
class SampleImageController {

  private final DatasetService datasets;

  SampleImageController(DatasetService datasets) {
    this.datasets = datasets;
  }

  @GetMapping(value = "/images/samples/{sampleId}.png", produces = MediaType.IMAGE_PNG_VALUE)
  ResponseEntity<byte[]> image(@PathVariable long sampleId) {
    return datasets
        .image(sampleId)
        .map(
            img ->
                ResponseEntity.ok()
                    .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePrivate())
                    .body(img.toPng()))
        .orElse(ResponseEntity.notFound().build());
  }
}
