package dev.papers.report;

import dev.papers.model.Paper;
import java.util.LinkedHashMap;
import java.util.Map;

/** A paper's pages: arXiv, DOI, Semantic Scholar, OpenAlex, in that order, those it has. */
public final class Links {
  private Links() {}

  /** Label ("arXiv", "DOI", "Semantic Scholar", "OpenAlex") to address. */
  public static Map<String, String> of(Paper p) {
    Map<String, String> m = new LinkedHashMap<>();
    if (p.arxivId() != null) {
      m.put("arXiv", "https://arxiv.org/abs/" + p.arxivId());
    }
    if (p.doi() != null) {
      m.put("DOI", "https://doi.org/" + encodePath(p.doi()));
    }
    if (p.s2Id() != null && p.s2Id().matches("[0-9a-fA-F]{40}")) {
      m.put("Semantic Scholar", "https://www.semanticscholar.org/paper/" + p.s2Id());
    }
    String openAlex = openAlexId(p);
    if (openAlex != null) {
      m.put("OpenAlex", "https://openalex.org/" + openAlex);
    }
    return m;
  }

  /** The first link (arXiv, else DOI, else Semantic Scholar, else OpenAlex), or null. */
  public static String first(Paper p) {
    return of(p).values().stream().findFirst().orElse(null);
  }

  /** The OpenAlex work id ({@code W123}) among the paper's keys, or null. */
  static String openAlexId(Paper p) {
    for (String k : p.keys()) {
      if (k.regionMatches(true, 0, "openalex:", 0, 9) && k.substring(9).matches("[Ww][0-9]{1,12}")) {
        return "W" + k.substring(10);
      }
    }
    return null;
  }

  /** Every character but letters, digits and {@code - . _ ~ / : ;} percent-encoded (UTF-8). */
  static String encodePath(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (byte x : s.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      int c = x & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~/:;".indexOf(c) >= 0) {
        b.append((char) c);
      } else {
        b.append('%').append(String.format("%02X", c));
      }
    }
    return b.toString();
  }
}
