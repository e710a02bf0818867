package dev.papers.discover;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.papers.model.PaperId;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.jbibtex.BibTeXString;
import org.jbibtex.Key;
import org.jbibtex.ParseException;
import org.jbibtex.Value;

/**
 * Reference libraries: BibTeX (JabRef, Zotero, dblp, Google Scholar, Semantic Scholar exports) and
 * CSL-JSON (Zotero, Pandoc, Quarto). Each entry becomes one {@link Cited}: every identifier it gives
 * (one paper with all of them), and its title, year, venue and authors.
 *
 * <p>Identifiers come from {@code doi}/{@code DOI}, {@code eprint} (with {@code archivePrefix} or
 * {@code eprinttype} arXiv, or none), {@code url}/{@code URL}, {@code ee}, {@code howpublished},
 * {@code note}, {@code journal = {arXiv preprint arXiv:ID}}, dblp's {@code journal = {CoRR}} with
 * {@code volume = {abs/ID}}, CSL's {@code number: "arXiv:ID"} and {@code container-title}, and DOIs
 * inside publisher URLs; each value is read by {@link IdExtractor}, so every form {@link PaperId}
 * knows counts. An entry without any still counts when it has a title (it is looked up by title).
 *
 * <p>BibTeX is read entry group by entry group (a new group starts at a line that starts with
 * {@code @}), so memory follows the largest group, not the file; {@code @string} macros carry over.
 * An entry the parser refuses is skipped and named in {@link Result#problems()}.
 */
public final class Library {
  /** BibTeX text read per parse, at most (entries are never split). */
  static final int GROUP_CHARS = 256 * 1024;

  private static final Pattern ENTRY_START = Pattern.compile("^\\h*@\\h*([A-Za-z]+)\\h*[{(]");
  private static final Pattern ARXIV_JOURNAL = Pattern.compile("(?i)^\\s*(?:arxiv|corr)\\b");
  private static final Pattern DBLP_VOLUME = Pattern.compile("(?i)^\\s*abs/(\\S+?)\\s*$");
  private static final Pattern YEAR = Pattern.compile("(?<!\\d)(1[5-9]\\d\\d|20\\d\\d)(?!\\d)");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Library() {}

  /**
   * What a library held.
   *
   * @param problems entries that could not be read, one line each ({@code "line 12: ..."})
   * @param recognized whether the file was the kind it was read as (any entry at all, or an empty
   *     library that is well-formed)
   */
  public record Result(List<String> problems, boolean recognized) {}

  /** Thrown when a file is not the kind of library it was read as. */
  public static final class NotALibrary extends Exception {
    public NotALibrary(String message) {
      super(message);
    }
  }

  // --- BibTeX -------------------------------------------------------------------------------------

  /** Reads a BibTeX library, entry group by entry group, handing each entry to {@code sink}. */
  public static Result bibtex(Reader in, Consumer<Cited> sink) throws IOException {
    BufferedReader r = in instanceof BufferedReader b ? b : new BufferedReader(in, 65536);
    List<String> problems = new ArrayList<>();
    Map<Key, BibTeXString> strings = new LinkedHashMap<>();
    StringBuilder group = new StringBuilder();
    int groupLine = 1;
    int line = 0;
    int[] seen = new int[2]; // entries, @-objects
    String l;
    while ((l = r.readLine()) != null) {
      line++;
      if (ENTRY_START.matcher(l).find()) {
        seen[1]++;
        if (group.length() >= GROUP_CHARS) {
          parseGroup(group.toString(), groupLine, strings, sink, problems, seen);
          group.setLength(0);
          groupLine = line;
        }
      }
      if (group.length() == 0) {
        groupLine = line;
      }
      group.append(l).append('\n');
    }
    if (group.length() > 0) {
      parseGroup(group.toString(), groupLine, strings, sink, problems, seen);
    }
    return new Result(problems, seen[0] > 0 || seen[1] > 0);
  }

  private static void parseGroup(String text, int firstLine, Map<Key, BibTeXString> strings, Consumer<Cited> sink,
      List<String> problems, int[] seen) {
    BibTeXDatabase db = parse(text, strings);
    if (db != null) {
      db.getStrings().forEach(strings::put);
      for (BibTeXEntry e : db.getEntries().values()) {
        seen[0]++;
        Cited c = entry(e, firstLine + lineOf(text, e.getKey().getValue()));
        if (c != null) {
          sink.accept(c);
        }
      }
      return;
    }
    // One entry in the group is malformed: read the entries one by one, skipping the bad ones.
    List<int[]> starts = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    int offset = 0;
    for (int i = 0; i < lines.length; i++) {
      if (ENTRY_START.matcher(lines[i]).find()) {
        starts.add(new int[] {offset, i});
      }
      offset += lines[i].length() + 1;
    }
    if (starts.isEmpty() || starts.get(0)[0] > 0) {
      starts.add(0, new int[] {0, 0});
    }
    for (int k = 0; k < starts.size(); k++) {
      int from = starts.get(k)[0];
      int to = k + 1 < starts.size() ? starts.get(k + 1)[0] : text.length();
      String one = text.substring(from, to);
      if (one.isBlank()) {
        continue;
      }
      BibTeXDatabase single = parse(one, strings);
      int at = firstLine + starts.get(k)[1];
      if (single == null) {
        if (ENTRY_START.matcher(one).find()) {
          String head = one.strip().split("\n", 2)[0];
          problems.add("line " + at + ": not a BibTeX entry the parser can read: "
              + (head.length() > 60 ? head.substring(0, 60) + "…" : head));
        }
        continue;
      }
      single.getStrings().forEach(strings::put);
      for (BibTeXEntry e : single.getEntries().values()) {
        seen[0]++;
        Cited c = entry(e, at);
        if (c != null) {
          sink.accept(c);
        }
      }
    }
  }

  private static BibTeXDatabase parse(String text, Map<Key, BibTeXString> strings) {
    try {
      BibTeXParser p = new BibTeXParser() {
        @Override
        public void checkStringResolution(Key key, BibTeXString string) {
          // an undefined @string stays its name; it is no reason to drop the entry
        }

        @Override
        public void checkCrossReferenceResolution(Key key, BibTeXEntry entry) {
          // crossref targets may live in another file
        }
      };
      for (BibTeXString s : strings.values()) {
        p.addMacro(s);
      }
      return p.parse(new StringReader(text));
    } catch (ParseException | RuntimeException e) {
      return null;
    }
  }

  private static int lineOf(String text, String key) {
    int i = text.indexOf(key);
    if (i < 0) {
      return 0;
    }
    int n = 0;
    for (int k = 0; k < i; k++) {
      if (text.charAt(k) == '\n') {
        n++;
      }
    }
    return n;
  }

  private static Cited entry(BibTeXEntry e, int line) {
    Map<String, String> f = new LinkedHashMap<>();
    for (Map.Entry<Key, Value> field : e.getFields().entrySet()) {
      String v;
      try {
        v = field.getValue().toUserString();
      } catch (RuntimeException ex) {
        continue;
      }
      f.put(field.getKey().getValue().toLowerCase(Locale.ROOT), v);
    }
    List<PaperId> ids = new ArrayList<>();
    String prefix = f.getOrDefault("archiveprefix", f.getOrDefault("eprinttype", "")).strip();
    String eprint = f.get("eprint");
    if (eprint != null && (prefix.isEmpty() || prefix.equalsIgnoreCase("arxiv"))) {
      PaperId a = PaperId.arxivOrNull(eprint.strip().replaceFirst("(?i)^arxiv:", ""));
      if (a != null) {
        ids.add(a);
      }
    }
    String journal = f.get("journal");
    Matcher dblp = DBLP_VOLUME.matcher(f.getOrDefault("volume", ""));
    if (journal != null && ARXIV_JOURNAL.matcher(journal).find() && dblp.matches()) {
      PaperId a = PaperId.arxivOrNull(dblp.group(1));
      if (a != null) {
        ids.add(a);
      }
    }
    for (String field : List.of("doi", "url", "ee", "eprint", "journal", "howpublished", "note", "pdf", "arxiv",
        "arxivid", "biburl", "bdsk-url-1", "bdsk-url-2", "link")) {
      if (field.equals("biburl") || (field.equals("eprint") && !prefix.isEmpty() && !prefix.equalsIgnoreCase("arxiv"))) {
        continue; // dblp's biburl names the record, not the paper; a PubMed eprint is no arXiv id
      }
      addIds(ids, field.equals("doi") ? doiValue(f.get(field)) : Latex.toUnicode(f.get(field)));
    }
    String title = StatedTitles.clean(Latex.toUnicode(f.get("title")));
    Integer year = year(f.get("year"), f.get("date"));
    String venue = venue(f.get("journal"), f.get("booktitle"));
    List<String> authors = bibtexAuthors(f.get("author"));
    if (ids.isEmpty() && title == null) {
      return null;
    }
    return new Cited(dedup(ids), new Stated(title, year, venue, authors), line);
  }

  private static String doiValue(String v) {
    if (v == null) {
      return null;
    }
    String d = Latex.toUnicode(v.replace("\\_", "_")).strip();
    return d.regionMatches(true, 0, "doi:", 0, 4) || d.startsWith("10.") || d.contains("://") ? d : null;
  }

  private static void addIds(List<PaperId> ids, String value) {
    if (value == null || value.isBlank()) {
      return;
    }
    for (IdExtractor.Span s : IdExtractor.spans(value)) {
      ids.add(s.id());
    }
  }

  private static List<PaperId> dedup(List<PaperId> ids) {
    Map<String, PaperId> byKey = new LinkedHashMap<>();
    for (PaperId id : ids) {
      byKey.putIfAbsent(id.withoutVersion().key(), id.withoutVersion());
    }
    List<PaperId> out = new ArrayList<>(byKey.values());
    out.sort((a, b) -> Integer.compare(a.kind().ordinal(), b.kind().ordinal()));
    return out;
  }

  private static Integer year(String... values) {
    for (String v : values) {
      if (v != null) {
        Matcher m = YEAR.matcher(v);
        if (m.find()) {
          return Integer.valueOf(m.group(1));
        }
      }
    }
    return null;
  }

  private static String venue(String... values) {
    for (String v : values) {
      String s = Latex.toUnicode(v);
      if (s != null && !s.isBlank() && !ARXIV_JOURNAL.matcher(s).find()) {
        return s.length() > 300 ? null : s;
      }
    }
    return null;
  }

  /** BibTeX's {@code author}: names joined by {@code and}; "Last, First" (and "Last, Jr, First") become "First Last". */
  static List<String> bibtexAuthors(String value) {
    if (value == null || value.isBlank()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String raw : splitTopLevel(value, " and ")) {
      String name = raw.strip();
      if (name.isEmpty() || name.equalsIgnoreCase("others")) {
        continue;
      }
      List<String> parts = splitTopLevel(name, ",");
      String full;
      if (parts.size() == 2) {
        full = parts.get(1).strip() + " " + parts.get(0).strip();
      } else if (parts.size() >= 3) {
        full = parts.get(2).strip() + " " + parts.get(0).strip() + " " + parts.get(1).strip();
      } else {
        full = name;
      }
      String n = Latex.toUnicode(full);
      if (n != null && !n.isBlank()) {
        out.add(n);
      }
    }
    return out;
  }

  /** Splits at a separator outside braces, ignoring case for word separators. */
  private static List<String> splitTopLevel(String s, String sep) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    int from = 0;
    String norm = s.replaceAll("\\s+", " ");
    for (int i = 0; i < norm.length(); i++) {
      char c = norm.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth = Math.max(0, depth - 1);
      } else if (depth == 0 && norm.regionMatches(true, i, sep, 0, sep.length())) {
        out.add(norm.substring(from, i));
        from = i + sep.length();
        i = from - 1;
      }
    }
    out.add(norm.substring(from));
    return out;
  }

  // --- CSL-JSON -----------------------------------------------------------------------------------

  /**
   * Reads a CSL-JSON library (a JSON array of CSL items) item by item, handing each entry to {@code
   * sink}.
   *
   * @throws NotALibrary when the text is not a JSON array of CSL items
   */
  public static Result csl(Reader in, Consumer<Cited> sink) throws IOException, NotALibrary {
    List<String> problems = new ArrayList<>();
    try (JsonParser p = new JsonFactory().createParser(in)) {
      p.setCodec(MAPPER);
      if (p.nextToken() != JsonToken.START_ARRAY) {
        throw new NotALibrary("not CSL-JSON (a JSON array of CSL items)");
      }
      int index = 0;
      int items = 0;
      JsonToken t;
      while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
        if (t == null) {
          throw new NotALibrary("not CSL-JSON: the array is cut short");
        }
        index++;
        int at = p.currentLocation().getLineNr();
        if (t != JsonToken.START_OBJECT) {
          throw new NotALibrary("not CSL-JSON: item " + index + " is not an object");
        }
        JsonNode item = p.readValueAsTree();
        if (!isCslItem(item)) {
          throw new NotALibrary("not CSL-JSON: item " + index + " has none of the CSL fields (type, title, id)");
        }
        items++;
        Cited c = cslItem(item, at);
        if (c != null) {
          sink.accept(c);
        }
      }
      return new Result(problems, items > 0 || index == 0);
    } catch (JsonProcessingException e) {
      throw new NotALibrary("not CSL-JSON: " + e.getOriginalMessage());
    }
  }

  private static boolean isCslItem(JsonNode item) {
    return item.has("type") || item.has("title") || item.has("id") || item.has("DOI") || item.has("URL");
  }

  private static Cited cslItem(JsonNode item, int line) {
    List<PaperId> ids = new ArrayList<>();
    String number = text(item, "number");
    if (number != null) {
      PaperId a = PaperId.arxivOrNull(number.strip().replaceFirst("(?i)^arxiv:\\s*", ""));
      if (a != null) {
        ids.add(a);
      }
    }
    String doi = text(item, "DOI");
    if (doi != null && !doi.contains("://") && !doi.regionMatches(true, 0, "doi:", 0, 4)) {
      doi = "doi:" + doi.strip();
    }
    addIds(ids, doi);
    for (String field : List.of("URL", "number", "container-title", "note", "archive_location", "source")) {
      addIds(ids, text(item, field));
    }
    String title = StatedTitles.clean(text(item, "title"));
    if (ids.isEmpty() && title == null) {
      return null;
    }
    Integer year = cslYear(item.get("issued"));
    String container = text(item, "container-title");
    String venue = container != null && !ARXIV_JOURNAL.matcher(container).find() ? container.strip() : null;
    if (venue != null && venue.isEmpty()) {
      venue = null;
    }
    List<String> authors = new ArrayList<>();
    JsonNode as = item.get("author");
    if (as != null && as.isArray()) {
      for (JsonNode a : as) {
        String literal = text(a, "literal");
        String given = text(a, "given");
        String family = text(a, "family");
        String name = literal != null ? literal
            : ((given == null ? "" : given.strip() + " ") + (family == null ? "" : family.strip())).strip();
        if (!name.isEmpty()) {
          authors.add(name);
        }
      }
    }
    return new Cited(dedup(ids), new Stated(title, year, venue, authors), line);
  }

  private static Integer cslYear(JsonNode issued) {
    if (issued == null) {
      return null;
    }
    JsonNode parts = issued.get("date-parts");
    if (parts != null && parts.isArray() && parts.size() > 0 && parts.get(0).isArray() && parts.get(0).size() > 0) {
      JsonNode y = parts.get(0).get(0);
      if (y.canConvertToInt()) {
        return y.asInt();
      }
      return year(y.asText());
    }
    return year(text(issued, "raw"), text(issued, "literal"), issued.isTextual() ? issued.asText() : null);
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    if (v == null || v.isNull() || v.isContainerNode()) {
      return null;
    }
    String s = v.asText();
    return s.isBlank() ? null : s;
  }
}
