package com.relabel.cli;

import com.relabel.audit.AuditChainReport;
import com.relabel.audit.AuditChainVerifier;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/**
 * {@code java -jar relabel.jar audit-verify [Spring Boot options]}: verifies the audit trail's hash
 * chain (decision 0027) in the database the application is configured for, with the same settings
 * ({@code --spring.profiles.active=postgres} and the {@code POSTGRES_*} variables, or {@code
 * --spring.datasource.url=...}). Starts nothing but a connection pool and migrates nothing, so it
 * can run as the application's role next to running nodes. Exit code 0: intact; 1: broken (the
 * first broken row is named); 2: the check could not run.
 */
public final class AuditVerifyCommand {

  static final String USAGE =
      """
      Usage: relabel audit-verify [--expect-hash=HASH] [--spring.profiles.active=postgres]
               [--spring.datasource.url=URL --spring.datasource.username=U
                --spring.datasource.password=P]
      Verifies the audit trail's hash chain in the application's database and names the first row
      that was changed or removed. --expect-hash: a last hash printed earlier and kept outside the
      database; the chain must still contain it. Exit code 0: intact, 1: broken, 2: the check could
      not run.
      """;

  private final PrintStream out;
  private final PrintStream err;

  AuditVerifyCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  /** Runs the command; returns the process exit code. */
  public static int run(String[] args) {
    return run(args, System.out, System.err);
  }

  /** Runs the command, printing to {@code out} and {@code err}; returns the process exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return new AuditVerifyCommand(out, err).execute(args);
  }

  int execute(String[] args) {
    if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
      out.print(USAGE);
      return 0;
    }
    String expected = null;
    List<String> springArgs = new ArrayList<>();
    for (String arg : args) {
      if (arg.startsWith("--expect-hash=")) {
        expected = arg.substring("--expect-hash=".length());
        if (!expected.matches("[0-9a-fA-F]{64}")) {
          err.println("relabel audit-verify: --expect-hash takes 64 hex digits, not " + expected);
          return 2;
        }
      } else if (arg.startsWith("--")) {
        springArgs.add(arg);
      } else {
        err.println("relabel audit-verify: unknown argument " + arg);
        err.print(USAGE);
        return 2;
      }
    }
    AuditChainReport report;
    try (var context =
        new SpringApplicationBuilder(DatabaseOnly.class)
            .web(WebApplicationType.NONE)
            .bannerMode(Banner.Mode.OFF)
            .logStartupInfo(false)
            .properties("logging.level.root=WARN")
            .run(springArgs.toArray(String[]::new))) {
      report = new AuditChainVerifier(context.getBean(DataSource.class)).verify(expected);
    } catch (Exception e) {
      err.println("relabel audit-verify: the check could not run: " + rootMessage(e));
      return 2;
    }
    if (report.intact()) {
      out.println(
          "Audit trail intact: " + report.entries() + " rows; last hash " + report.lastHash());
      return 0;
    }
    out.println(
        "Audit trail BROKEN"
            + (report.brokenRowId() == null ? "" : " at row " + report.brokenRowId())
            + ": "
            + report.problem());
    out.println(
        report.entries()
            + " rows before it check out; the last of them has hash "
            + report.lastHash());
    return 1;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  /** Only the application's data source, from its usual configuration. */
  @Configuration(proxyBeanMethods = false)
  @ImportAutoConfiguration(DataSourceAutoConfiguration.class)
  static class DatabaseOnly {}
}
