package dev.papers.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The one name of each source: its {@code --sources} flag value ({@code s2}), its name in JSON
 * ({@code semanticScholar}: the keys of {@code citations}, {@code histograms}, {@code fetched}, and
 * {@code history[].source}) and its name for people ({@code Semantic Scholar}). Adding a source is one
 * value here; {@link #REPORTED} (a count a document states) has no flag, since nothing is asked of it.
 */
public enum Source {
  ARXIV("arxiv", "arxiv", "arXiv", true),
  SEMANTIC_SCHOLAR("s2", "semanticScholar", "Semantic Scholar", true),
  OPEN_ALEX("openalex", "openAlex", "OpenAlex", true),
  SCHOLAR("scholar", "scholar", "Google Scholar", false),
  REPORTED(null, "reported", "reported", false);

  private static final Source[] ALL = values();

  private final String flag;
  private final String jsonName;
  private final String displayName;
  private final boolean onByDefault;

  Source(String flag, String jsonName, String displayName, boolean onByDefault) {
    this.flag = flag;
    this.jsonName = jsonName;
    this.displayName = displayName;
    this.onByDefault = onByDefault;
  }

  /** The {@code --sources} value: {@code arxiv}, {@code s2}, {@code scholar}; null for {@link #REPORTED}. */
  public String flag() {
    return flag;
  }

  /** The name in JSON and in the cache: {@code arxiv}, {@code semanticScholar}, {@code scholar}, ... */
  public String jsonName() {
    return jsonName;
  }

  /** The name for people: {@code arXiv}, {@code Semantic Scholar}, {@code Google Scholar}. */
  public String displayName() {
    return displayName;
  }

  /** Whether the source is asked when neither {@code --sources} nor {@code PAPERS_SOURCES} names sources. */
  public boolean onByDefault() {
    return onByDefault;
  }

  /** The sources {@code --sources} can name, in declaration order. */
  public static List<Source> selectable() {
    List<Source> out = new ArrayList<>();
    for (Source s : values()) {
      if (s.flag != null) {
        out.add(s);
      }
    }
    return out;
  }

  /** The sources on by default, in declaration order. */
  public static List<Source> defaults() {
    return selectable().stream().filter(Source::onByDefault).toList();
  }

  /**
   * The source a flag value names, case-insensitive; a JSON name is taken too ({@code semanticScholar}).
   * Null for anything else.
   */
  public static Source fromFlag(String value) {
    if (value == null) {
      return null;
    }
    String v = value.strip().toLowerCase(Locale.ROOT);
    for (Source s : values()) {
      if (s.flag != null && (s.flag.equals(v) || s.jsonName.toLowerCase(Locale.ROOT).equals(v))) {
        return s;
      }
    }
    return null;
  }

  /** The source with this JSON name, or null (a cache may name sources this release does not know). */
  public static Source fromJson(String jsonName) {
    if (jsonName == null) {
      return null;
    }
    for (Source s : ALL) {
      if (s.jsonName.equals(jsonName)) {
        return s;
      }
    }
    return null;
  }

  /**
   * A {@code --sources} list: comma-separated flag values (or JSON names), case-insensitive, empty
   * items skipped, in the order given.
   *
   * @throws IllegalArgumentException naming an unknown source, or when the list names none
   */
  public static Set<Source> parseList(String value) {
    Set<Source> out = new LinkedHashSet<>();
    for (String part : value.split(",")) {
      if (part.isBlank()) {
        continue;
      }
      Source s = fromFlag(part);
      if (s == null) {
        throw new IllegalArgumentException("unknown source \"" + part.strip() + "\" (known: " + flagList() + ")");
      }
      out.add(s);
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("name at least one of " + flagList());
    }
    return out;
  }

  /** The flag values, comma-separated: {@code arxiv, s2, scholar}. */
  public static String flagList() {
    return String.join(", ", selectable().stream().map(Source::flag).toList());
  }
}
