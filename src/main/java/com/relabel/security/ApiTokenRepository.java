package com.relabel.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {

  Optional<ApiToken> findByTokenHash(String tokenHash);

  List<ApiToken> findAllByOrderByIdDesc();

  /** Records a use, at most once per {@code before} interval (no write on every request). */
  @Modifying
  @Query(
      "update ApiToken t set t.lastUsedAt = :now where t.id = :id"
          + " and (t.lastUsedAt is null or t.lastUsedAt < :before)")
  int touch(long id, Instant now, Instant before);
}
