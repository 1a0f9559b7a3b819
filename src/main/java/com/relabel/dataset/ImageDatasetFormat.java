package com.relabel.dataset;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Image datasets (IDX files, image folders): each sample's pixels, as stored at import. */
@Component
class ImageDatasetFormat implements DatasetFormat {

  private final JdbcTemplate jdbc;

  ImageDatasetFormat(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public DatasetKind kind() {
    return DatasetKind.IMAGE;
  }

  /** The images with their current labels, excluded samples left out, in sample order. */
  @Override
  public TrainingSet trainingSet(Dataset d) {
    int size = d.getImageHeight() * d.getImageWidth() * d.getImageChannels();
    int n = IncludedSamples.count(jdbc, d.getId());
    DatasetFormat.requireOneArray(n, size, "images", "bytes");
    byte[] pixels = new byte[n * size];
    var rows =
        IncludedSamples.read(
            jdbc,
            n,
            "select s.id, s.current_label, c.pixels from sample s join sample_content c"
                + " on c.sample_id = s.id where s.dataset_id = ? and s.status <> 'EXCLUDED'"
                + " order by s.sample_index",
            (rs, i) -> System.arraycopy(rs.getBytes(3), 0, pixels, i * size, size),
            d.getId());
    var images =
        new LabeledImages(
            n,
            d.getImageHeight(),
            d.getImageWidth(),
            d.getImageChannels(),
            pixels,
            rows.labels(),
            d.getNumClasses());
    return new TrainingSet(d.getId(), rows.ids(), images);
  }
}
