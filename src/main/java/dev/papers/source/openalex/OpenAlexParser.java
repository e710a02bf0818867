package dev.papers.source.openalex;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.papers.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Pure functions from OpenAlex response bodies to {@link OpenAlexDto} values: no network, no clock. A
 * body that is not JSON (OpenAlex answers an unknown work with an HTML 404 page) is never handed to the
 * JSON reader: {@link #isJson} says so first, and the readers refuse it with an {@link IOException}, as
 * they refuse a body of the wrong shape; the caller turns that into a parse failure naming the URL.
 */
final class OpenAlexParser {
  private OpenAlexParser() {}

  /**
   * Whether a body may be read as JSON: a declared JSON content type, or (no type declared) a body whose
   * first non-blank character opens an object or an array. An HTML page is never JSON, whatever its type
   * says.
   */
  static boolean isJson(byte[] body, String contentType) {
    int first = firstChar(body);
    if (first != '{' && first != '[') {
      return false;
    }
    if (contentType == null || contentType.isBlank()) {
      return true;
    }
    String ct = contentType.toLowerCase(Locale.ROOT);
    return ct.contains("json") || ct.startsWith("text/plain");
  }

  /** One work (GET /works/{id}). */
  static OpenAlexDto.Work work(byte[] body) throws IOException {
    JsonNode n = tree(body);
    if (!n.isObject()) {
      throw new JsonMappingException(null, "expected a work object, got " + n.getNodeType());
    }
    if (!n.has("id") && n.has("error")) {
      throw new JsonMappingException(null, "expected a work, got an error: " + errorText(body));
    }
    return Json.mapper().treeToValue(n, OpenAlexDto.Work.class);
  }

  /**
   * A list answer ({@code /works?filter=...}): {@code meta} and {@code results}. An absent or null
   * {@code results} reads as an empty list; null elements are dropped.
   */
  static OpenAlexDto.Page page(byte[] body) throws IOException {
    JsonNode n = tree(body);
    if (!n.isObject()) {
      throw new JsonMappingException(null, "expected a list object, got " + n.getNodeType());
    }
    if (!n.has("results") && !n.has("meta") && n.has("error")) {
      throw new JsonMappingException(null, "expected a list of works, got an error: " + errorText(body));
    }
    JsonNode results = n.get("results");
    if (results != null && !results.isNull() && !results.isArray()) {
      throw new JsonMappingException(null, "expected results to be an array, got " + results.getNodeType());
    }
    OpenAlexDto.Page p = Json.mapper().treeToValue(n, OpenAlexDto.Page.class);
    List<OpenAlexDto.Work> works = new ArrayList<>();
    if (p.results() != null) {
      for (OpenAlexDto.Work w : p.results()) {
        if (w != null) {
          works.add(w);
        }
      }
    }
    OpenAlexDto.Meta meta = p.meta() == null ? new OpenAlexDto.Meta(null, null, null, null) : p.meta();
    return new OpenAlexDto.Page(meta, Collections.unmodifiableList(works));
  }

  /**
   * The text of an error body ({@code {"error": ..., "message": ...}}, both when both are there), else
   * the first line of a short plain-text body; null for HTML, for an empty body and for anything else.
   * Never throws; at most 200 characters.
   */
  static String errorText(byte[] body) {
    if (body == null || body.length == 0) {
      return null;
    }
    int first = firstChar(body);
    if (first == '{') {
      try {
        JsonNode n = Json.mapper().readTree(body);
        if (n != null && n.isObject()) {
          OpenAlexDto.Error e = Json.mapper().treeToValue(n, OpenAlexDto.Error.class);
          String a = one(e.error());
          String b = one(e.message());
          if (a != null && b != null) {
            return cut(a.endsWith(".") ? a + " " + b : a + ": " + b);
          }
          return a != null ? cut(a) : b != null ? cut(b) : null;
        }
      } catch (IOException | IllegalArgumentException e) {
        return null;
      }
      return null;
    }
    if (first == '<' || first == -1) {
      return null;
    }
    String text = new String(body, 0, Math.min(body.length, 400), StandardCharsets.UTF_8);
    String line = text.lines().findFirst().orElse("");
    return line.contains("<") ? null : cut(one(line));
  }

  private static int firstChar(byte[] body) {
    if (body == null) {
      return -1;
    }
    int i = 0;
    if (body.length >= 3 && (body[0] & 0xff) == 0xEF && (body[1] & 0xff) == 0xBB && (body[2] & 0xff) == 0xBF) {
      i = 3;
    }
    for (; i < body.length; i++) {
      int c = body[i] & 0xff;
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return c;
      }
    }
    return -1;
  }

  private static String one(String s) {
    if (s == null) {
      return null;
    }
    String t = s.strip().replaceAll("\\s+", " ");
    return t.isEmpty() ? null : t;
  }

  private static String cut(String t) {
    if (t == null) {
      return null;
    }
    return t.length() > 200 ? t.substring(0, 200) + "…" : t;
  }

  private static JsonNode tree(byte[] body) throws IOException {
    int first = firstChar(body);
    if (first == -1) {
      throw new JsonMappingException(null, "empty body");
    }
    if (first != '{' && first != '[') {
      throw new JsonMappingException(null, first == '<' ? "the answer is an HTML page, not JSON"
          : "the answer is not JSON");
    }
    JsonNode n = Json.mapper().readTree(body);
    if (n == null || n.isMissingNode()) {
      throw new JsonMappingException(null, "empty body");
    }
    return n;
  }
}
