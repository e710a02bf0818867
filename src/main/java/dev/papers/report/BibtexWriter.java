package dev.papers.report;

import dev.papers.model.Paper;
import dev.papers.model.Visible;
import dev.papers.rank.RankResult;
import dev.papers.rank.RankedPaper;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.CRC32;

/**
 * BibTeX for reference lists: {@code rank --format bibtex} (one entry per cached member, in ranking
 * order), {@code list --format bibtex} and {@code show ID --format bibtex}. A paper with a DOI and a
 * venue is an {@code @article} (with {@code journal}); any other is {@code @misc}. arXiv papers get
 * {@code eprint}, {@code archivePrefix = {arXiv}} and {@code primaryClass}; {@code doi} when known;
 * {@code url}. No field holds a citation count or a local file name: an entry is the paper's
 * reference, and bibliography styles print every field they know.
 *
 * <p>A paper with no title yet is left out (an empty reference helps nobody), with a note through
 * the {@code notes} callback (stderr). Include ids that are not cached are listed in an
 * {@code @comment}.
 *
 * <p>Keys: first author's family name, year, first significant title word, folded to ASCII lower case
 * ({@code jiao2019tinybert}): a function of the paper alone, the same in every run and every cache.
 * When two papers written together have the same key, each gets its own id after a hyphen (its arXiv
 * id, else eight hex digits of a hash of its canonical id: {@code jiao2019tinybert-1909.10351}), never
 * a suffix that depends on the other papers or their order. LaTeX's special characters
 * ({@code & % $ # _ { } ~ ^ \}) are escaped in text fields ({@code url}, {@code doi} and
 * {@code eprint} are verbatim fields: only braces and backslashes are percent-encoded there); control
 * characters and bidirectional overrides are dropped; other non-ASCII text is kept as UTF-8, which
 * biblatex/biber and modern BibTeX engines read. Titles are wrapped in an extra pair of braces so
 * their capitalization is kept.
 */
public final class BibtexWriter implements RankWriter {
  private static final Set<String> STOP = Set.of(
      "a", "an", "the", "on", "of", "in", "for", "to", "and", "with", "via", "towards", "toward", "is",
      "are", "from", "by", "at", "as", "do", "does", "what", "how", "why", "when", "can", "into", "over",
      "be", "we", "its", "it", "or", "not", "all", "you", "your", "using", "about", "under");

  private final Consumer<String> notes;

  /** A writer that says nothing about the papers it leaves out. */
  public BibtexWriter() {
    this(note -> { });
  }

  /** @param notes told, one line each, about every paper left out (no title yet) */
  public BibtexWriter(Consumer<String> notes) {
    this.notes = notes;
  }

  @Override
  public void write(RankResult result, PrintWriter out) {
    List<Paper> papers = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (RankedPaper e : result.entries()) {
      if (e.cached()) {
        papers.add(e.paper());
      } else {
        missing.add(e.displayId());
      }
    }
    String date = result.asOf().atZone(ZoneOffset.UTC).toLocalDate().toString();
    write(papers, missing, result.topic().title() + " (" + result.topic().name()
        + "), by citation velocity as of " + date, out);
  }

  /**
   * Entries for these papers, in this order, after a comment line (none when {@code heading} is
   * null); untitled ones left out and told to {@code notes}; {@code missing} ids (not cached) in an
   * {@code @comment}.
   */
  public void write(List<Paper> papers, List<String> missing, String heading, PrintWriter out) {
    List<Paper> titled = new ArrayList<>();
    for (Paper p : papers) {
      if (p.title() == null || p.title().isBlank()) {
        String id = RankedPaper.displayId(p);
        notes.accept("left out of the BibTeX: " + id + " has no title yet (papers fetch " + id + ")");
      } else {
        titled.add(p);
      }
    }
    Map<String, String> keys = keys(titled);
    if (heading != null) {
      out.write("% " + escapeComment(heading) + "; written by papers\n\n");
    }
    for (Paper p : titled) {
      entry(p, keys.get(p.id()), out);
    }
    if (!missing.isEmpty()) {
      out.write("@comment{not fetched yet: papers fetch "
          + escapeComment(String.join(" ", missing)).replace("}", "").replace("{", "") + "}\n");
    }
    out.flush();
  }

  private static void entry(Paper p, String key, PrintWriter out) {
    boolean article = p.doi() != null && p.venue() != null;
    Map<String, String> f = new LinkedHashMap<>();
    f.put("title", "{" + escape(p.title()) + "}");
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
    out.write("@" + (article ? "article" : "misc") + "{" + key + ",\n");
    int i = 0;
    for (Map.Entry<String, String> kv : f.entrySet()) {
      out.write("  " + kv.getKey() + " = {" + kv.getValue() + "}" + (++i < f.size() ? "," : "") + "\n");
    }
    out.write("}\n\n");
  }

  /** One author's name, escaped; a name with " and " in it is braced so it stays one name. */
  static String author(String name) {
    String n = escape(name);
    return n.toLowerCase(Locale.ROOT).contains(" and ") ? "{" + n + "}" : n;
  }

  /**
   * Unique keys for these papers, by paper id: {@link #baseKey}, or, for papers that share one, the
   * base key, a hyphen and {@link #idTag}: each key depends on its own paper only.
   */
  public static Map<String, String> keys(List<Paper> papers) {
    Map<String, List<Paper>> groups = new LinkedHashMap<>();
    for (Paper p : papers) {
      groups.computeIfAbsent(baseKey(p), k -> new ArrayList<>()).add(p);
    }
    Map<String, String> keys = new HashMap<>();
    for (Map.Entry<String, List<Paper>> g : groups.entrySet()) {
      for (Paper p : g.getValue()) {
        keys.put(p.id(), g.getValue().size() == 1 ? g.getKey() : g.getKey() + "-" + idTag(p));
      }
    }
    return keys;
  }

  /**
   * What tells apart papers whose base keys are the same: the arXiv id ({@code 1909.10351},
   * {@code hep-th-9901001}), else eight hex digits of a hash of the canonical id.
   */
  static String idTag(Paper p) {
    if (p.arxivId() != null) {
      return p.arxivId().replace('/', '-');
    }
    CRC32 crc = new CRC32();
    crc.update(p.id().getBytes(StandardCharsets.UTF_8));
    return String.format(Locale.ROOT, "%08x", crc.getValue());
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
    for (char c : Visible.drop(s).toCharArray()) {
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
    return Visible.drop(s).replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D");
  }

  private static String escapeComment(String s) {
    return Visible.drop(s);
  }
}
