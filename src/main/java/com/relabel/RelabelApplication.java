package com.relabel;

import com.relabel.cli.AuditVerifyCommand;
import com.relabel.cli.BenchCommand;
import com.relabel.cli.EmbeddingsBenchCommand;
import com.relabel.cli.QueueBenchCommand;
import com.relabel.cli.ScoreCommand;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Relabel: the web application by default; {@code score ...} runs the headless batch scorer and
 * {@code bench ...} the noise-detection benchmark instead (no web server, no database); {@code
 * queue-bench ...} measures the review queue's latency on a database (the web server listens on a
 * random local port only); {@code audit-verify} checks the audit trail's hash chain in the
 * configured database (a connection only).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RelabelApplication {

  public static void main(String[] args) {
    // Deep Java Library must never reach the network: everything it needs is in the jar.
    System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
    if (args.length > 0 && args[0].equals("score")) {
      System.exit(ScoreCommand.run(Arrays.copyOfRange(args, 1, args.length)));
    }
    if (args.length > 0 && args[0].equals("bench")) {
      System.exit(BenchCommand.run(Arrays.copyOfRange(args, 1, args.length)));
    }
    if (args.length > 0 && args[0].equals("queue-bench")) {
      System.exit(
          QueueBenchCommand.run(
              Arrays.copyOfRange(args, 1, args.length),
              springArgs -> SpringApplication.run(RelabelApplication.class, springArgs)));
    }
    if (args.length > 0 && args[0].equals("embeddings-bench")) {
      System.exit(
          EmbeddingsBenchCommand.run(
              Arrays.copyOfRange(args, 1, args.length),
              springArgs -> SpringApplication.run(RelabelApplication.class, springArgs)));
    }
    if (args.length > 0 && args[0].equals("audit-verify")) {
      System.exit(AuditVerifyCommand.run(Arrays.copyOfRange(args, 1, args.length)));
    }
    SpringApplication.run(RelabelApplication.class, args);
  }
}
