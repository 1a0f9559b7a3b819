package com.relabel.ops;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code docker/compose.yaml} as Docker Compose reads it: a service's environment, with {@code
 * ${NAME:-default}} interpolated as Compose does when {@code NAME} is not set on the host.
 */
final class ComposeFile {

  static final Path PATH = Path.of("docker", "compose.yaml");

  private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)(?::?-([^}]*))?}");

  private final Map<String, Object> services;

  private ComposeFile(Map<String, Object> services) {
    this.services = services;
  }

  @SuppressWarnings("unchecked")
  static ComposeFile read() throws IOException {
    try (Reader reader = Files.newBufferedReader(PATH)) {
      Map<String, Object> root = new Yaml().load(reader);
      Object services = root.get("services");
      if (!(services instanceof Map<?, ?>)) {
        throw new IllegalStateException(PATH + ": no services");
      }
      return new ComposeFile((Map<String, Object>) services);
    }
  }

  /** The environment of {@code service}, each value interpolated with its default. */
  Map<String, String> environment(String service) {
    if (!(services.get(service) instanceof Map<?, ?> definition)) {
      throw new IllegalStateException(PATH + ": no service " + service);
    }
    if (!(definition.get("environment") instanceof Map<?, ?> environment)) {
      throw new IllegalStateException(PATH + ": service " + service + " has no environment map");
    }
    Map<String, String> values = new LinkedHashMap<>();
    environment.forEach(
        (name, value) -> values.put(String.valueOf(name), interpolate(String.valueOf(value))));
    return values;
  }

  /** The {@code ports} mappings of {@code service} ("host:container"), interpolated. */
  List<String> ports(String service) {
    if (!(services.get(service) instanceof Map<?, ?> definition)
        || !(definition.get("ports") instanceof List<?> ports)) {
      throw new IllegalStateException(PATH + ": service " + service + " publishes no ports");
    }
    return ports.stream().map(port -> interpolate(String.valueOf(port))).toList();
  }

  /**
   * The host folder that {@code service} mounts at {@code target} ("./initdb:/target:ro"), resolved
   * as Compose resolves it: relative to the compose file's folder.
   */
  Path mountedAt(String service, String target) {
    if (services.get(service) instanceof Map<?, ?> definition
        && definition.get("volumes") instanceof List<?> volumes) {
      for (Object volume : volumes) {
        String[] parts = interpolate(String.valueOf(volume)).split(":");
        if (parts.length >= 2 && parts[1].equals(target) && parts[0].startsWith(".")) {
          return PATH.getParent().resolve(parts[0]).normalize();
        }
      }
    }
    throw new IllegalStateException(
        PATH + ": service " + service + " mounts no folder at " + target);
  }

  /**
   * {@code ${NAME:-default}} and {@code ${NAME-default}} become the default; {@code ${NAME}} "".
   */
  static String interpolate(String value) {
    Matcher variable = VARIABLE.matcher(value);
    StringBuilder result = new StringBuilder();
    while (variable.find()) {
      String fallback = variable.group(2) == null ? "" : variable.group(2);
      variable.appendReplacement(result, Matcher.quoteReplacement(fallback));
    }
    return variable.appendTail(result).toString();
  }
}
