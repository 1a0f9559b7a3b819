package com.relabel.dataset;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface DatasetRepository extends JpaRepository<Dataset, Long> {
  Optional<Dataset> findByName(String name);
}
