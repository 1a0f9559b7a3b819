package com.relabel.api;

import java.nio.file.Path;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/** A pipeline's HTTP calls to the REST API, answering every status (no exceptions on 4xx). */
final class ApiClient {

  /** One response: status, headers, body as text. */
  record Reply(int status, HttpHeaders headers, String body) {}

  private final RestClient http;
  private final String token;

  ApiClient(int port, String token) {
    this.http = RestClient.builder().baseUrl("http://localhost:" + port).build();
    this.token = token;
  }

  Reply get(String path) {
    return send(HttpMethod.GET, path, null, null);
  }

  /** Any method without a body (DELETE, HEAD, ...). */
  Reply send(HttpMethod method, String path) {
    return send(method, path, null, null);
  }

  Reply postJson(String path, String json) {
    return send(HttpMethod.POST, path, MediaType.APPLICATION_JSON, json);
  }

  /** A multipart POST; {@code parts} alternates names and values (a Path is sent as a file). */
  Reply postForm(String path, Object... parts) {
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    for (int i = 0; i < parts.length; i += 2) {
      Object value = parts[i + 1];
      form.add((String) parts[i], value instanceof Path p ? new FileSystemResource(p) : value);
    }
    return send(HttpMethod.POST, path, MediaType.MULTIPART_FORM_DATA, form);
  }

  private Reply send(HttpMethod method, String path, MediaType type, Object body) {
    var request = http.method(method).uri(path);
    if (token != null) {
      request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }
    if (body != null) {
      request = request.contentType(type).body(body);
    }
    return request.exchange(
        (req, res) ->
            new Reply(
                res.getStatusCode().value(),
                res.getHeaders(),
                new String(res.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
  }
}
