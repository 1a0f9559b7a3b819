package com.relabel.dataset;

import java.util.NoSuchElementException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One sample at a time, for the modules that change labels (review): load it, lock its row, save
 * it. The repositories stay inside this module, so the sample table has one owner.
 */
@Service
@Transactional(readOnly = true)
public class Samples {

  private final SampleRepository samples;
  private final JdbcTemplate jdbc;

  Samples(SampleRepository samples, JdbcTemplate jdbc) {
    this.samples = samples;
    this.jdbc = jdbc;
  }

  /**
   * The sample.
   *
   * @throws NoSuchElementException when there is none with that id
   */
  public Sample get(long sampleId) {
    return samples
        .findById(sampleId)
        .orElseThrow(() -> new NoSuchElementException("no sample " + sampleId));
  }

  /**
   * Locks the sample's row until the caller's transaction ends, then loads it; changes of one
   * sample are serialised on it (the {@code version} column still guards every write).
   *
   * @throws NoSuchElementException when there is none with that id
   */
  @Transactional
  public Sample lockAndGet(long sampleId) {
    if (jdbc.queryForList("select id from sample where id = ? for update", Long.class, sampleId)
        .isEmpty()) {
      throw new NoSuchElementException("no sample " + sampleId);
    }
    return get(sampleId);
  }

  /** Writes the sample's changes now, so that a stale {@code version} fails here. */
  @Transactional
  public void save(Sample sample) {
    samples.saveAndFlush(sample);
  }
}
