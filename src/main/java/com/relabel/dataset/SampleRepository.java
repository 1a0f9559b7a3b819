package com.relabel.dataset;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SampleRepository extends JpaRepository<Sample, Long> {

  @Query("select s.status, count(s) from Sample s where s.datasetId = ?1 group by s.status")
  java.util.List<Object[]> countByStatus(long datasetId);
}
