package com.relabel.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Default node names are counted per host and database (decision 0030): an application of this host
 * on another database does not take the name of a node that is restarting.
 */
class NodeNameLockTest {

  private static final String MINE = "jdbc:postgresql://db:5432/relabel";

  @TempDir Path dir;

  private final JobEngineConfig config = new JobEngineConfig();

  private NodeNameLock start(String databaseUrl) {
    return config.nodeNameLock("", dir.toString(), databaseUrl);
  }

  @Test
  void anApplicationOnAnotherDatabaseStartedMeanwhileLeavesARestartedNodeItsName()
      throws Exception {
    String before;
    try (NodeNameLock killed = start(MINE)) {
      before = killed.name();
    }
    try (NodeNameLock other = start("jdbc:postgresql://db:5432/relabel_test");
        NodeNameLock restarted = start(MINE)) {
      assertThat(restarted.name()).isEqualTo(before).endsWith("-1");
      assertThat(other.name()).endsWith("-1").isNotEqualTo(restarted.name());
    }
  }

  @Test
  void liveNodesOfOneDatabaseNeverShareANameHoweverItsUrlIsSpelled() throws Exception {
    try (NodeNameLock first = start(MINE);
        NodeNameLock second = start(MINE);
        NodeNameLock spelledOtherwise = start("jdbc:postgresql://db/relabel")) {
      String stem = NodeNameLock.stem(NodeNameLock.hostName(), MINE);
      assertThat(first.name()).isEqualTo(stem + "-1");
      assertThat(second.name()).isEqualTo(stem + "-2");
      assertThat(List.of(first.name(), second.name(), spelledOtherwise.name()))
          .doesNotHaveDuplicates();
    }
  }

  @Test
  void theStemIsTheHostAndFourHexDigitsWithinTheNameLimit() {
    assertThat(NodeNameLock.stem("build-7", MINE))
        .matches("build-7-[0-9a-f]{4}")
        .isEqualTo(NodeNameLock.stem("build-7", MINE))
        .isNotEqualTo(NodeNameLock.stem("build-7", MINE + "_test"));
    assertThat(NodeNameLock.stem("h".repeat(80), MINE) + "-999")
        .hasSizeLessThanOrEqualTo(NodeNameLock.MAX_NAME);
  }
}
