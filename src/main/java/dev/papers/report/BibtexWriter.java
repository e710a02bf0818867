package dev.papers.report;

import dev.papers.model.Paper;
import dev.papers.model.Source;
import dev.papers.rank.RankResult;
import dev.papers.rank.RankedPaper;
import java.io.PrintWriter;
import java.text.Normalizer;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code rank --format bibtex}: one entry per cached member, in ranking order. A paper with a DOI and
 * a venue is an {@code @article} (with {@code journal}); any other is {@code @misc}. arXiv papers get
 * {@code eprint}, {@code archivePrefix = {arXiv}} and {@code primaryClass}; {@code doi} when known;
 * {@code url}; a {@code note} with the count, its source and date, and the velocity.
 *
 * <p>Keys: first author's family name, year, first significant title word, folded to ASCII lower case
 * ({@code jiao2019tinybert}); papers whose keys collide all get a suffix a, b, ... in the order of
 * their ids, so a key depends only on the papers written, never on run order or time. LaTeX's special
 * characters ({@code & % $ # _ { } ~ ^ \}) are escaped in text fields ({@code url}, {@code doi} and
 * {@code eprint} are verbatim fields: only braces and backslashes are percent-encoded there); other
 * non-ASCII text is kept as UTF-8, which
 * biblatex/biber and modern BibTeX engines read. Titles are wrapped in an extra pair of braces so
 * their capitalization is kept. Include ids that are not cached are listed in an {@code @comment}.
 */
public final class BibtexWriter implements RankWriter {
  private static final Set<String> STOP = Set.of(
      "a", "an", "the", "on", "of", "in", "for", "to", "and", "with", "via", "towards", "toward", "is",
      "are", "from", "by", "at", "as", "do", "does", "what", "how", "why", "when", "can", "into", "over",
      "be", "we", "its", "it", "or", "not", "all", "you", "your", "using", "about", "under");

  @Override
  public void write(RankResult result, PrintWriter out) {
    List<RankedPaper> cached = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (RankedPaper e : result.entries()) {
      if (e.cached()) {
        cached.add(e);
      } else {
        missing.add(e.displayId());
      }
    }
    List<Paper> papers = new ArrayList<>();
    for (RankedPaper e : cached) {
      papers.add(e.paper());
    }
    Map<String, String> keys = keys(papers);
    String date = result.asOf().atZone(ZoneOffset.UTC).toLocalDate().toString();
    out.write("% " + escapeComment(result.topic().title()) + " (" + result.topic().name()
        + "), by citation velocity as of " + date + "; written by papers\n\n");
    for (RankedPaper e : cached) {
      entry(e, keys.get(e.paper().id()), out);
    }
    if (!missing.isEmpty()) {
      out.write("@comment{not fetched yet: papers fetch " + String.join(" ", missing).replace("}", "")
          + "}\n");
    }
    out.flush();
  }

  private void entry(RankedPaper e, String key, PrintWriter out) {
    Paper p = e.paper();
    boolean article = p.doi() != null && p.venue() != null;
    Map<String, String> f = new LinkedHashMap<>();
    if (p.title() != null) {
      f.put("title", "{" + escape(p.title()) + "}");
    }
    if (!p.authors().isEmpty()) {
      List<String> names = new ArrayList<>();
      for (String a : p.authors()) {
        names.add(author(a));
      }
      f.put("author", String.join(" and ", names));
    }
    if (p.year() != null) {
      f.put("year", Integer.toString(p.year()));
    }
    if (article) {
      f.put("journal", escape(p.venue()));
    } else if (p.venue() != null) {
      f.put("howpublished", escape(p.venue()));
    }
    if (p.arxivId() != null) {
      f.put("eprint", verbatim(p.arxivId()));
      f.put("archivePrefix", "arXiv");
      if (p.primaryCategory() != null) {
        f.put("primaryClass", escape(p.primaryCategory()));
      }
    }
    if (p.doi() != null) {
      f.put("doi", verbatim(p.doi()));
    }
    String url = MarkdownWriter.link(p);
    if (url != null) {
      f.put("url", verbatim(url));
    }
    String note = note(e);
    if (note != null) {
      f.put("note", escape(note));
    }
    out.write("@" + (article ? "article" : "misc") + "{" + key + ",\n");
    int i = 0;
    for (Map.Entry<String, String> kv : f.entrySet()) {
      out.write("  " + kv.getKey() + " = {" + kv.getValue() + "}" + (++i < f.size() ? "," : "") + "\n");
    }
    out.write("}\n\n");
  }

  private static String note(RankedPaper e) {
    if (e.velocity() == null) {
      return e.count() == null ? null : e.count() + " citations (" + source(e.source()) + ")";
    }
    var v = e.velocity();
    String prov = e.provenance() == null ? "" : ", " + e.provenance();
    return String.format(Locale.ROOT, "%d citations (%s%s, %s); %s%.1f per year (%s)", v.count(),
        source(v.source()), prov, v.observedAt().atZone(ZoneOffset.UTC).toLocalDate(),
        v.approximate() ? "~" : "", v.velocity(), v.method());
  }

  private static String source(String s) {
    return MarkdownWriter.sourceName(s).replace("\\", "");
  }

  /** One author's name, escaped; a name with " and " in it is braced so it stays one name. */
  static String author(String name) {
    String n = escape(name);
    return n.toLowerCase(Locale.ROOT).contains(" and ") ? "{" + n + "}" : n;
  }

  /**
   * Unique, stable keys for these papers, by paper id: {@code familyYEARword}, colliding keys suffixed
   * a, b, ... in id order.
   */
  public static Map<String, String> keys(List<Paper> papers) {
    List<Paper> byId = new ArrayList<>(papers);
    byId.sort(Comparator.comparing(Paper::id));
    Map<String, List<Paper>> groups = new LinkedHashMap<>();
    for (Paper p : byId) {
      groups.computeIfAbsent(baseKey(p), k -> new ArrayList<>()).add(p);
    }
    Set<String> taken = new HashSet<>();
    for (Map.Entry<String, List<Paper>> g : groups.entrySet()) {
      if (g.getValue().size() == 1) {
        taken.add(g.getKey());
      }
    }
    Map<String, String> keys = new HashMap<>();
    for (Map.Entry<String, List<Paper>> g : groups.entrySet()) {
      if (g.getValue().size() == 1) {
        keys.put(g.getValue().get(0).id(), g.getKey());
        continue;
      }
      int n = 0;
      for (Paper p : g.getValue()) {
        String k;
        do {
          k = g.getKey() + suffix(n++);
        } while (taken.contains(k));
        taken.add(k);
        keys.put(p.id(), k);
      }
    }
    return keys;
  }

  private static String suffix(int n) {
    StringBuilder b = new StringBuilder();
    int i = n;
    do {
      b.insert(0, (char) ('a' + i % 26));
      i = i / 26 - 1;
    } while (i >= 0);
    return b.toString();
  }

  /** The key before collisions are resolved. */
  public static String baseKey(Paper p) {
    String family = "";
    if (!p.authors().isEmpty()) {
      String first = p.authors().get(0).strip();
      int comma = first.indexOf(',');
      if (comma > 0) {
        family = first.substring(0, comma);
      } else {
        String[] parts = first.split("\\s+");
        family = parts[parts.length - 1];
      }
    }
    family = ascii(family);
    if (family.isEmpty()) {
      family = "anon";
    }
    String year = p.year() == null ? "nd" : Integer.toString(p.year());
    String word = "";
    if (p.title() != null) {
      for (String w : p.title().split("[^\\p{L}\\p{N}]+")) {
        String a = ascii(w);
        if (!a.isEmpty() && !STOP.contains(a)) {
          word = a;
          break;
        }
      }
    }
    return family + year + word;
  }

  /** Folded to ASCII letters and digits, lower case: accents dropped, anything else left out. */
  static String ascii(String s) {
    String d = Normalizer.normalize(s, Normalizer.Form.NFKD)
        .replace("ß", "ss").replace("ø", "o").replace("Ø", "o").replace("ł", "l").replace("Ł", "l")
        .replace("æ", "ae").replace("Æ", "ae").replace("đ", "d").replace("Đ", "d");
    StringBuilder b = new StringBuilder();
    for (char c : d.toLowerCase(Locale.ROOT).toCharArray()) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** LaTeX's special characters escaped; control characters as spaces; other text as it is. */
  public static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (char c : DisplayWidth.clean(s).toCharArray()) {
      switch (c) {
        case '&', '%', '$', '#', '_', '{', '}' -> b.append('\\').append(c);
        case '~' -> b.append("\\textasciitilde{}");
        case '^' -> b.append("\\textasciicircum{}");
        case '\\' -> b.append("\\textbackslash{}");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * A verbatim field ({@code url}, {@code doi}, {@code eprint}): biblatex reads these as they are, so
   * only what would break the braced value (braces, backslash, control characters) is made safe.
   */
  static String verbatim(String s) {
    return DisplayWidth.clean(s).replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D");
  }

  private static String escapeComment(String s) {
    return DisplayWidth.clean(s);
  }
}
