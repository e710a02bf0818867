package dev.papers.source.s2;

import com.fasterxml.jackson.core.JsonProcessingException;
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

  /**
   * One element of a batch answer: the paper, or none ({@code null}: S2 does not know the id), or why
   * the element could not be read. One unreadable element never fails the others.
   */
  record Item(S2Dto.Paper paper, String problem) {}

  /** The batch answer: an array in request order, {@code null} for ids S2 does not know. */
  static List<Item> batch(byte[] body) throws IOException {
    JsonNode n = tree(body);
    if (!n.isArray()) {
      throw new JsonMappingException(null, "expected an array of papers, got " + n.getNodeType());
    }
    List<Item> items = new ArrayList<>(n.size());
    for (JsonNode e : n) {
      if (e == null || e.isNull()) {
        items.add(new Item(null, null));
      } else if (!e.isObject()) {
        items.add(new Item(null, "expected a paper object, got " + e.getNodeType()));
      } else {
        try {
          items.add(new Item(mapper().treeToValue(e, S2Dto.Paper.class), null));
        } catch (JsonProcessingException | IllegalArgumentException x) {
          items.add(new Item(null, plain(x)));
        }
      }
    }
    return Collections.unmodifiableList(items);
  }

  /** A mapping failure in words: its first line, without Jackson's and our class names. */
  static String plain(Exception x) {
    String m = x instanceof JsonProcessingException j ? j.getOriginalMessage() : x.getMessage();
    if (m == null) {
      return "unreadable";
    }
    m = m.lines().findFirst().orElse("");
    m = m.replace(S2Dto.class.getName() + "$", "").replaceAll("`[a-z]+(\\.[A-Za-z0-9_$]+)+`", "a value");
    m = m.replaceAll("\\b(java\\.lang\\.|com\\.fasterxml\\.\\S+)", "");
    return m.length() > 200 ? m.substring(0, 200) + "…" : m;
  }

  /** Each element of a list of papers on its own: one unreadable element is left out, not fatal. */
  private static List<S2Dto.Paper> papers(JsonNode data) {
    if (data == null || !data.isArray()) {
      return List.of();
    }
    List<S2Dto.Paper> out = new ArrayList<>(data.size());
    for (JsonNode e : data) {
      if (e != null && e.isObject()) {
        try {
          out.add(mapper().treeToValue(e, S2Dto.Paper.class));
        } catch (JsonProcessingException | IllegalArgumentException x) {
          // left out: the other papers of the page stand
        }
      }
    }
    return Collections.unmodifiableList(out);
  }

  /** Search, bulk search and title match answers; an absent {@code data} reads as an empty list. */
  static S2Dto.Results results(byte[] body) throws IOException {
    JsonNode n = tree(body);
    if (!n.isObject()) {
      throw new JsonMappingException(null, "expected a result object, got " + n.getNodeType());
    }
    com.fasterxml.jackson.databind.node.ObjectNode head = ((com.fasterxml.jackson.databind.node.ObjectNode) n).deepCopy();
    JsonNode data = head.remove("data");
    if (data != null && !data.isArray() && !data.isNull()) {
      throw new JsonMappingException(null, "expected \"data\" to be an array, got " + data.getNodeType());
    }
    S2Dto.Results r = mapper().treeToValue(head, S2Dto.Results.class);
    return new S2Dto.Results(r.total(), r.offset(), r.next(), r.token(), papers(data));
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
