package dev.papers.source.s2;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.papers.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Pure functions from Semantic Scholar response bodies to {@link S2Dto} values: no network, no clock.
 * A body of the wrong shape (an object where an array belongs, {@code null}, not JSON) is an
 * {@link IOException}; the caller turns it into a parse failure that names the URL.
 */
final class S2Parser {
  private static final TypeReference<List<S2Dto.Paper>> PAPERS = new TypeReference<>() {};

  private S2Parser() {}

  private static ObjectMapper mapper() {
    return Json.mapper();
  }

  /** A single paper (GET /paper/{id}). */
  static S2Dto.Paper paper(byte[] body) throws IOException {
    JsonNode n = tree(body);
    if (!n.isObject()) {
      throw new JsonMappingException(null, "expected a paper object, got " + n.getNodeType());
    }
    return mapper().treeToValue(n, S2Dto.Paper.class);
  }

  /** The batch answer: an array in request order, {@code null} for ids S2 does not know. */
  static List<S2Dto.Paper> batch(byte[] body) throws IOException {
    JsonNode n = tree(body);
    if (!n.isArray()) {
      throw new JsonMappingException(null, "expected an array of papers, got " + n.getNodeType());
    }
    List<S2Dto.Paper> papers = mapper().readerFor(PAPERS).readValue(n);
    return Collections.unmodifiableList(new ArrayList<>(papers));
  }

  /** Search, bulk search and title match answers; an absent {@code data} reads as an empty list. */
  static S2Dto.Results results(byte[] body) throws IOException {
    JsonNode n = tree(body);
    if (!n.isObject()) {
      throw new JsonMappingException(null, "expected a result object, got " + n.getNodeType());
    }
    S2Dto.Results r = mapper().treeToValue(n, S2Dto.Results.class);
    return new S2Dto.Results(r.total(), r.offset(), r.next(), r.token(), orEmpty(r.data()));
  }

  /** One page of citations; an absent {@code data} reads as an empty list. */
  static S2Dto.CitationPage citations(byte[] body) throws IOException {
    JsonNode n = tree(body);
    if (!n.isObject()) {
      throw new JsonMappingException(null, "expected a citation page, got " + n.getNodeType());
    }
    S2Dto.CitationPage p = mapper().treeToValue(n, S2Dto.CitationPage.class);
    return new S2Dto.CitationPage(p.offset(), p.next(), orEmpty(p.data()));
  }

  /**
   * The citing papers' years, one entry per citation listed, in order; {@code null} for a citing paper
   * with no year (or no paper at all).
   */
  static List<Integer> years(S2Dto.CitationPage page) {
    List<Integer> years = new ArrayList<>(page.data().size());
    for (S2Dto.Citation c : page.data()) {
      years.add(c == null || c.citingPaper() == null ? null : c.citingPaper().year());
    }
    return Collections.unmodifiableList(years);
  }

  /**
   * The text of an error body ({@code {"error": ...}} or {@code {"message": ...}}), else the body's
   * first line when it is short text, else null. Never throws.
   */
  static String errorText(byte[] body) {
    if (body == null || body.length == 0) {
      return null;
    }
    try {
      JsonNode n = mapper().readTree(body);
      if (n != null && n.isObject()) {
        S2Dto.Error e = mapper().treeToValue(n, S2Dto.Error.class);
        return one(e.text());
      }
    } catch (IOException | IllegalArgumentException e) {
      // not JSON: fall through to the raw text
    }
    String text = new String(body, 0, Math.min(body.length, 400), java.nio.charset.StandardCharsets.UTF_8);
    return text.contains("<") ? null : one(text);
  }

  private static String one(String s) {
    if (s == null) {
      return null;
    }
    String t = s.strip().replaceAll("\\s+", " ");
    if (t.isEmpty()) {
      return null;
    }
    return t.length() > 200 ? t.substring(0, 200) + "…" : t;
  }

  private static JsonNode tree(byte[] body) throws IOException {
    if (body == null || body.length == 0) {
      throw new JsonMappingException(null, "empty body");
    }
    JsonNode n = mapper().readTree(body);
    if (n == null || n.isMissingNode()) {
      throw new JsonMappingException(null, "empty body");
    }
    return n;
  }

  private static <T> List<T> orEmpty(List<T> l) {
    return l == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(l));
  }
}
