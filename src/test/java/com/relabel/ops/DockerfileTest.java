package com.relabel.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The image builds and runs on the Java the code is compiled for: every {@code FROM
 * eclipse-temurin:<version>-...} of {@code docker/Dockerfile} names the pom's {@code java.version},
 * so raising one without the other fails here rather than in a container.
 */
class DockerfileTest {

  private static final Pattern JAVA_VERSION =
      Pattern.compile("<java\\.version>(\\d+)</java\\.version>");
  private static final Pattern BASE_IMAGE =
      Pattern.compile("(?im)^FROM\\s+eclipse-temurin:(\\d+)[-\\w.]*");

  @Test
  void everyBaseImageRunsThePomsJavaVersion() throws Exception {
    Matcher pom = JAVA_VERSION.matcher(Files.readString(Path.of("pom.xml")));
    assertThat(pom.find()).as("pom.xml has a <java.version>").isTrue();
    String javaVersion = pom.group(1);

    String dockerfile = Files.readString(Path.of("docker", "Dockerfile"));
    List<String> froms = dockerfile.lines().filter(line -> line.startsWith("FROM ")).toList();
    Matcher image = BASE_IMAGE.matcher(dockerfile);
    List<String> versions = image.results().map(found -> found.group(1)).toList();
    assertThat(versions)
        .as("docker/Dockerfile: every FROM is an eclipse-temurin image with a version: %s", froms)
        .hasSameSizeAs(froms)
        .isNotEmpty()
        .allSatisfy(
            version ->
                assertThat(version)
                    .as("docker/Dockerfile base image vs pom.xml java.version")
                    .isEqualTo(javaVersion));
  }

  @Test
  void theExposedPortIsTheApplicationsDefaultAndComposePublishesIt() throws Exception {
    Matcher exposed =
        Pattern.compile("(?m)^EXPOSE\\s+(\\d+)")
            .matcher(Files.readString(Path.of("docker", "Dockerfile")));
    assertThat(exposed.find()).as("docker/Dockerfile has an EXPOSE").isTrue();
    Matcher port =
        Pattern.compile("(?m)^server\\.port=\\$\\{PORT:(\\d+)}")
            .matcher(
                Files.readString(Path.of("src", "main", "resources", "application.properties")));
    assertThat(port.find()).as("application.properties: server.port=${PORT:<default>}").isTrue();
    assertThat(exposed.group(1)).as("EXPOSE vs server.port's default").isEqualTo(port.group(1));

    Map<String, String> app = ComposeFile.read().environment("app");
    assertThat(app).as("compose must not move the port away from EXPOSE").doesNotContainKey("PORT");
    assertThat(ComposeFile.read().ports("app"))
        .as("docker/compose.yaml publishes the exposed port")
        .anySatisfy(mapping -> assertThat(mapping).endsWith(":" + exposed.group(1)));
  }
}
