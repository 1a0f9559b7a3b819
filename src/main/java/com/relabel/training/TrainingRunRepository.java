package com.relabel.training;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface TrainingRunRepository extends JpaRepository<TrainingRun, Long> {

  boolean existsByDatasetIdAndStatusIn(long datasetId, Collection<RunStatus> statuses);

  List<TrainingRun> findByDatasetIdOrderByIdDesc(long datasetId);
}
