package com.relabel.dataset;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * The import limits of this installation: {@link ImportLimits#DEFAULT} with the decoded-size quota
 * {@code relabel.import.max-decoded-bytes} (default 1GB, i.e. 1 GiB) and the largest source image
 * {@code relabel.import.max-image-pixels} (default 40,000,000) from the configuration.
 */
@Configuration
class ImportLimitsConfig {

  @Bean
  ImportLimits importLimits(
      @Value("${relabel.import.max-decoded-bytes:1GB}") DataSize maxDecoded,
      @Value("${relabel.import.max-image-pixels:40000000}") long maxImagePixels) {
    return ImportLimits.DEFAULT.with(maxDecoded.toBytes(), maxImagePixels);
  }
}
