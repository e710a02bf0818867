package dev.papers.discover;

import dev.papers.model.PaperId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.Range;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Finds the papers a document cites: arXiv ids, arXiv URLs on any host, arXiv DOIs and DOIs. Every
 * candidate is validated by {@link PaperId} (its YYMM ranges, digit counts, archives and versions); this
 * class only decides where a candidate starts and ends.
 *
 * <p>What counts, in this order (a span one rule took is not seen again by a later rule):
 *
 * <ol>
 *   <li>URLs {@code http(s)://...}: the URL runs to whitespace, a non-ASCII character (Chinese text or
 *       punctuation right after it), or one of {@code " ' < > [ ] { } ` \ | ^}; trailing {@code . , ; :
 *       ! ? ' " * _ ~ >} and unbalanced {@code )}, {@code ]}, {@code }} are dropped. It counts when
 *       {@link PaperId#parse} accepts it (any host whose path is {@code /abs/<id>}, {@code /pdf/<id>} or
 *       {@code /pdf/<id>.pdf}; {@code doi.org}). Otherwise a DOI in its path or query ({@code
 *       https://dl.acm.org/doi/10.1145/...}, {@code ?doi=10.1145%2F...}) counts, without a trailing
 *       {@code .pdf}. Nothing else inside a URL is looked at: {@code https://github.com/x/1909.10351}
 *       cites nothing.
 *   <li>arXiv URLs without a scheme or with spaces put in by machine translation: {@code
 *       arxiv.org/abs/1909.10351}, {@code https://arxiv . org/abs/ 1909 . 10351}, {@code https: //xxx.itp.ac.cn
 *       /abs/2002.05715}. Without a scheme the host must be {@code arxiv.org} or a subdomain of it.
 *   <li>DOIs {@code 10.NNNN/suffix} (also after {@code doi:}), not preceded by a letter, digit, {@code .},
 *       {@code -}, {@code _} or {@code /} (except {@code doi.org/}); the suffix ends like a URL, and where
 *       {@code ,10.} or {@code ;10.} starts a second DOI. {@code 10.48550/arXiv.<id>} is that arXiv id.
 *   <li>{@code arXiv:<id>}, {@code arXiv <id>}, {@code ARXIV：<id>} (any case, ASCII or full-width
 *       colon, optional spaces), new or old style.
 *   <li>Old-style ids {@code archive[.XX]/YYMMNNN[vN]} on their own (the archive must be one
 *       {@link PaperId} knows, in lower case).
 *   <li>Bare new-style ids {@code YYMM.NNNNN[vN]} standing alone as a token (see below).
 * </ol>
 *
 * <p>Token boundaries, for every id that is not inside a URL: the character after it may not be an
 * ASCII letter or digit, nor one of {@code / \ @ = % & + # ^ | $} or a currency sign, nor {@code .
 * , : -} followed by a letter or digit ({@code 1909.10351.2}, {@code 1909.10351,5}); {@code .pdf}
 * is allowed ({@code 1909.10351.pdf}), and so is a comma between two new-style ids ({@code
 * 1909.10351,2002.05709}). Markdown emphasis ({@code *}, {@code _}) around an id is looked
 * through. A bare id must moreover not follow an ASCII letter or digit, nor one of {@code . , $ +
 * - / \ : # @ = % & ~ ^ |} or a currency sign (a comma only after another id), and its neighbour
 * token on the same line may not be a plain number of two or more digits ({@code +86 1909.10351
 * 1234}). Chinese characters and full-width punctuation are boundaries: {@code （arXiv:2002.05709）}
 * and {@code 论文：2002.05709} count. So these cite nothing: {@code 2019.12345} (no month 19), {@code
 * 3.14159}, {@code 1909.10}, {@code $1,909.10351}, {@code $1909.10351}, {@code 2020.07.31}, {@code
 * v1.2003.12345}, {@code 10.1909.10351.1}, {@code +86 1909.10351 1234}.
 *
 * <p>Results are in document order and deduplicated by {@code id.withoutVersion().key()}: the first
 * occurrence is kept as it is (its version, text and line), later ones, whatever their version, are
 * dropped.
 */
public final class IdExtractor {

  private static final String URL_CHARS = "[\\x21-\\x7e&&[^\"'<>\\[\\]{}`\\\\|^]]";
  private static final Pattern URL = Pattern.compile("(?i)(?<![a-z])https?://" + URL_CHARS + "+");
  private static final String ACL_ID =
      "[A-Z]\\d{2}-\\d{4}|(?:19|20)\\d{2}\\.[a-z][a-z0-9]*(?:-[a-z0-9]+)*\\.\\d{1,4}";
  /** {@code ACL:N19-1423}, and ACL Anthology links written without a scheme. */
  private static final Pattern ACL =
      Pattern.compile(
          "(?<![A-Za-z0-9.\\-/])(?:(?i:acl)\\h*[:：]\\h*|((?i:(?:www\\.)?aclanthology\\.org/|(?:www\\.)?aclweb\\.org"
              + "/anthology/)))(" + ACL_ID + ")(?:v\\d{1,2})?(?![0-9])((?i)\\.pdf)?");

  private static final String NEW_ID = "\\d{4}\\.\\d{4,5}(?:v\\d{1,4})?";
  private static final String OLD_ID =
      "[a-z]+(?:-[a-z]+)?(?:\\.[A-Za-z]{1,3}(?:-[a-z]{1,3})?)?/\\d{7}(?:v\\d{1,4})?";
  private static final String NEW_ID_SPACED = "\\d{4}\\h{0,3}\\.\\h{0,3}\\d{4,5}(?:v\\d{1,4})?";

  private static final Pattern ARXIV_URL =
      Pattern.compile(
          "(?<![A-Za-z0-9.\\-])((?i:https?)\\h*:\\h*/\\h*/\\h*)?"
              + "((?:[A-Za-z0-9-]{1,63}+\\h{0,3}+\\.\\h{0,3}+){1,8}[A-Za-z]{2,63})\\h{0,3}/\\h{0,3}"
              + "(?i:abs|pdf)\\h{0,3}/\\h{0,3}"
              + "("
              + NEW_ID_SPACED
              + "|"
              + OLD_ID
              + ")(?![0-9])((?i)\\h{0,3}\\.\\h{0,3}pdf)?");
  private static final Pattern DOI = Pattern.compile("10\\.\\d{4,9}/" + URL_CHARS + "++");
  private static final Pattern NEXT_DOI = Pattern.compile("[,;]10\\.\\d");
  private static final Pattern PREFIXED =
      Pattern.compile(
          "(?<![A-Za-z0-9])(?i:arxiv)\\h*[:：]?\\h*(" + NEW_ID + "|" + OLD_ID + ")(?![0-9])");
  private static final Pattern OLD_BARE =
      Pattern.compile("(?<![A-Za-z0-9._/\\-])" + OLD_ID + "(?![0-9])");
  private static final Pattern NEW_BARE = Pattern.compile("(?<![0-9])" + NEW_ID + "(?![0-9])");
  private static final Pattern LIST_NEXT = Pattern.compile(NEW_ID + "(?![0-9.])");
  private static final Pattern LIST_PREVIOUS = Pattern.compile("(?<![0-9.])" + NEW_ID + "$");
  private static final Pattern PLAIN_NUMBER = Pattern.compile("\\+?\\d{2,}|\\(\\d{2,}\\)");
  private static final Pattern MD_ESCAPE = Pattern.compile("\\\\([!-/:-@\\[-`{-~])");

  private static final String TRAILING = ".,;:!?'\"*_~>";
  private static final String BAD_LEFT = ".,$+-/\\:#@=%&~^|";
  private static final String BAD_RIGHT = "/\\@=%&+#^|$";

  private static final Set<String> SKIPPED_ELEMENTS = Set.of("script", "style", "template");
  private static final Set<String> URL_ATTRIBUTES =
      Set.of("href", "src", "cite", "data-href", "data-src", "data-url", "action");
  private static final Pattern META_NAMES =
      Pattern.compile(
          "(?i)citation_(?:doi|arxiv_id|pdf_url|abstract_html_url|fulltext_html_url)"
              + "|dc\\.identifier|og:url");

  /** Creates an extractor; it holds no state and is safe to share. */
  public IdExtractor() {}

  /**
   * The papers a document cites, in document order, one per paper (see the class comment).
   *
   * @param text the whole document
   * @param format how to read it; {@link DocumentFormat#detect} picks one from a file name and content
   */
  public List<Found> extract(String text, DocumentFormat format) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    return switch (format) {
      case TEXT -> fromText(text);
      case MARKDOWN -> fromText(unescapeMarkdown(text));
      case HTML -> fromHtml(text);
    };
  }

  // --- plain text and Markdown ---------------------------------------------------------------

  private static List<Found> fromText(String text) {
    int[] lineStarts = lineStarts(text);
    List<Located> located = new ArrayList<>();
    for (Hit h : scan(text)) {
      located.add(new Located(h.start, lineOf(lineStarts, h.start), h));
    }
    return dedup(located);
  }

  private static String unescapeMarkdown(String text) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.indexOf('&') >= 0) {
        line = Parser.unescapeEntities(line, true).replace("\n", " ");
      }
      if (line.indexOf('\\') >= 0) {
        line = MD_ESCAPE.matcher(line).replaceAll("$1");
      }
      lines[i] = line;
    }
    return String.join("\n", lines);
  }

  private static int[] lineStarts(String text) {
    int n = 1;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        n++;
      }
    }
    int[] starts = new int[n];
    int k = 1;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        starts[k++] = i + 1;
      }
    }
    return starts;
  }

  private static int lineOf(int[] lineStarts, int offset) {
    int i = Arrays.binarySearch(lineStarts, offset);
    return i >= 0 ? i + 1 : -i - 1;
  }

  // --- HTML ----------------------------------------------------------------------------------

  private static List<Found> fromHtml(String html) {
    Document doc = Jsoup.parse(html, "", Parser.htmlParser().setTrackPosition(true));
    List<Located> located = new ArrayList<>();
    StringBuilder visible = new StringBuilder();
    IntList lines = new IntList();
    IntList positions = new IntList();
    NodeTraversor.filter(
        new NodeFilter() {
          @Override
          public FilterResult head(Node node, int depth) {
            if (node instanceof Element el) {
              if (SKIPPED_ELEMENTS.contains(el.normalName())) {
                return FilterResult.SKIP_ENTIRELY;
              }
              attributes(el, located);
              if (breaksLine(el)) {
                separate(el);
              }
            } else if (node instanceof TextNode t) {
              String s = t.getWholeText();
              Range r = t.sourceRange();
              int line = r.isTracked() ? r.start().lineNumber() : lastOr(lines, 1);
              int pos = r.isTracked() ? r.startPos() : lastOr(positions, 0);
              for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                visible.append(c);
                lines.add(line);
                positions.add(pos + i);
                if (c == '\n') {
                  line++;
                }
              }
            }
            return FilterResult.CONTINUE;
          }

          @Override
          public FilterResult tail(Node node, int depth) {
            if (node instanceof Element el && breaksLine(el)) {
              separate(el);
            }
            return FilterResult.CONTINUE;
          }

          private void separate(Element el) {
            Range r = el.sourceRange();
            visible.append('\n');
            lines.add(lastOr(lines, r.isTracked() ? r.start().lineNumber() : 1));
            positions.add(lastOr(positions, r.isTracked() ? r.startPos() : 0));
          }
        },
        doc);
    for (Hit h : scan(visible.toString())) {
      located.add(new Located(positions.get(h.start), lines.get(h.start), h));
    }
    return dedup(located);
  }

  private static boolean breaksLine(Element el) {
    return el.isBlock() || el.normalName().equals("br") || el.normalName().equals("td")
        || el.normalName().equals("th");
  }

  private static void attributes(Element el, List<Located> out) {
    boolean meta = el.normalName().equals("meta");
    for (Attribute a : el.attributes()) {
      String key = a.getKey().toLowerCase(Locale.ROOT);
      boolean wanted =
          URL_ATTRIBUTES.contains(key)
              || (meta
                  && key.equals("content")
                  && (META_NAMES.matcher(el.attr("name")).matches()
                      || META_NAMES.matcher(el.attr("property")).matches()));
      if (!wanted || a.getValue().isBlank()) {
        continue;
      }
      String value = a.getValue().strip();
      if (value.startsWith("//")) {
        value = "https:" + value;
      } else if (value.startsWith("/abs/") || value.startsWith("/pdf/")) {
        value = "https://arxiv.org" + value;
      }
      Range.AttributeRange ar = a.sourceRange();
      Range r = ar.isTracked() ? ar.valueRange() : el.sourceRange();
      int line = r.isTracked() ? r.start().lineNumber() : 1;
      int pos = r.isTracked() ? r.startPos() : 0;
      for (Hit h : scan(value)) {
        out.add(new Located(pos, line, h));
      }
    }
  }

  // --- the scanner -----------------------------------------------------------------------------

  /** Where one identifier stands in a string: {@code [start, end)}. */
  record Span(int start, int end, PaperId id) {}

  /** Every identifier in a string (one line, a URL, a field's value), in order, repeats included. */
  static List<Span> spans(String text) {
    if (text == null || text.isEmpty() || !mayHoldId(text)) {
      return List.of();
    }
    List<Span> out = new ArrayList<>();
    for (Hit h : scan(text)) {
      out.add(new Span(h.start, h.start + h.matched.length(), h.id));
    }
    return out;
  }

  /**
   * A quick test that a string may hold an identifier at all: every form has a digit followed by
   * {@code .}, {@code -} or {@code /} and a digit ({@code 1909.10351}, {@code 10.1145/}, {@code N19-1423}),
   * or a {@code /} or {@code :} before a digit ({@code hep-th/9901001}, {@code CorpusId:1}), or is a
   * Semantic Scholar URL. Most lines of prose fail it, and are not scanned.
   */
  static boolean mayHoldId(String s) {
    int n = s.length();
    for (int i = 0; i + 1 < n; i++) {
      char c = s.charAt(i);
      char next = s.charAt(i + 1);
      if ((c == '/' || c == ':') && next >= '0' && next <= '9') {
        return true;
      }
      if (c >= '0' && c <= '9' && (next == '.' || next == '-' || next == '/') && i + 2 < n) {
        char after = s.charAt(i + 2);
        if (after >= '0' && after <= '9') {
          return true;
        }
      }
    }
    return s.contains("semanticscholar");
  }

  /** Markdown's backslash escapes and HTML entities decoded, line by line (line numbers stay exact). */
  static String markdownText(String text) {
    return unescapeMarkdown(text);
  }

  /** One accepted candidate: where it starts in the scanned string, what it is, the text matched. */
  private record Hit(int start, PaperId id, String matched) {}

  /** A hit with its place in the document: an ordering position and a line. */
  private record Located(int position, int line, Hit hit) {}

  private static List<Found> dedup(List<Located> located) {
    List<Located> sorted = new ArrayList<>(located);
    sorted.sort(Comparator.comparingInt(Located::position).thenComparingInt(l -> l.hit.start));
    Map<String, Found> seen = new LinkedHashMap<>();
    for (Located l : sorted) {
      seen.putIfAbsent(
          l.hit.id.withoutVersion().key(), new Found(l.hit.id, l.hit.matched, l.line));
    }
    return List.copyOf(seen.values());
  }

  private static List<Hit> scan(String text) {
    char[] masked = text.toCharArray();
    List<Hit> hits = new ArrayList<>();
    urls(text, masked, hits);
    arxivUrls(text, masked, hits);
    aclIds(new String(masked), masked, hits);
    String rest = new String(masked);
    dois(rest, masked, hits);
    rest = new String(masked);
    prefixed(rest, masked, hits);
    rest = new String(masked);
    oldStyle(rest, masked, hits);
    rest = new String(masked);
    bare(rest, hits);
    hits.sort(Comparator.comparingInt(Hit::start));
    return hits;
  }

  private static void urls(String text, char[] masked, List<Hit> hits) {
    Matcher m = URL.matcher(text);
    while (m.find()) {
      String url = stripTrailing(m.group());
      int start = m.start();
      mask(masked, start, start + url.length());
      PaperId id = PaperId.tryParse(url);
      if (id == null && url.length() > PaperId.MAX_INPUT) {
        id = PaperId.doiInUrl(url);
      }
      if (id != null && id.kind() != PaperId.Kind.SCHOLAR) {
        hits.add(new Hit(start, id, url));
      }
    }
  }

  private static void aclIds(String text, char[] masked, List<Hit> hits) {
    Matcher m = ACL.matcher(text);
    while (m.find()) {
      if (!rightBoundary(text, m.end(), m.group(1) != null)) {
        continue;
      }
      PaperId id = PaperId.aclOrNull(m.group(2));
      if (id != null) {
        mask(masked, m.start(), m.end());
        hits.add(new Hit(m.start(), id, m.group()));
      }
    }
  }

  private static void arxivUrls(String text, char[] masked, List<Hit> hits) {
    Matcher m = ARXIV_URL.matcher(text);
    while (m.find()) {
      String host = removeSpaces(m.group(2)).toLowerCase(Locale.ROOT);
      if (m.group(1) == null && !(host.equals("arxiv.org") || host.endsWith(".arxiv.org"))) {
        continue;
      }
      if (!rightBoundary(text, m.end(), true)) {
        continue;
      }
      PaperId id = PaperId.arxivOrNull(removeSpaces(m.group(3)));
      if (id == null) {
        continue;
      }
      mask(masked, m.start(), m.end());
      hits.add(new Hit(m.start(), id, m.group()));
    }
  }

  private static void dois(String text, char[] masked, List<Hit> hits) {
    Matcher m = DOI.matcher(text);
    int from = 0;
    while (from < text.length() && m.find(from)) {
      int start = m.start();
      String raw = m.group();
      Matcher next = NEXT_DOI.matcher(raw);
      if (next.find()) {
        raw = raw.substring(0, next.start());
      }
      from = start + raw.length();
      if (start > 0) {
        char c = text.charAt(start - 1);
        boolean afterDoiOrg =
            c == '/' && start >= 8 && text.regionMatches(true, start - 8, "doi.org", 0, 7);
        if (isAsciiAlnum(c) || ".-_".indexOf(c) >= 0 || (c == '/' && !afterDoiOrg)) {
          continue;
        }
      }
      String doi = stripTrailing(raw);
      mask(masked, start, start + doi.length());
      PaperId id = PaperId.tryParse(doi);
      if (id != null && (id.kind() == PaperId.Kind.DOI || id.kind() == PaperId.Kind.ARXIV)) {
        hits.add(new Hit(start, id, doi));
      }
    }
  }

  private static void prefixed(String text, char[] masked, List<Hit> hits) {
    Matcher m = PREFIXED.matcher(text);
    while (m.find()) {
      if (!rightBoundary(text, m.end(), false)) {
        continue;
      }
      PaperId id = PaperId.arxivOrNull(m.group(1));
      if (id != null) {
        mask(masked, m.start(), m.end());
        hits.add(new Hit(m.start(), id, m.group()));
      }
    }
  }

  private static void oldStyle(String text, char[] masked, List<Hit> hits) {
    Matcher m = OLD_BARE.matcher(text);
    while (m.find()) {
      if (!rightBoundary(text, m.end(), false)) {
        continue;
      }
      PaperId id = PaperId.arxivOrNull(m.group());
      if (id != null) {
        mask(masked, m.start(), m.end());
        hits.add(new Hit(m.start(), id, m.group()));
      }
    }
  }

  private static void bare(String text, List<Hit> hits) {
    Matcher m = NEW_BARE.matcher(text);
    while (m.find()) {
      if (!leftBoundary(text, m.start())
          || !rightBoundary(text, m.end(), false)
          || numberBefore(text, m.start())
          || numberAfter(text, m.end())) {
        continue;
      }
      PaperId id = PaperId.arxivOrNull(m.group());
      if (id != null) {
        hits.add(new Hit(m.start(), id, m.group()));
      }
    }
  }

  // --- boundaries ------------------------------------------------------------------------------

  private static boolean leftBoundary(String s, int start) {
    int i = start - 1;
    while (i >= 0 && isEmphasis(s.charAt(i))) {
      i--;
    }
    if (i < 0) {
      return true;
    }
    char c = s.charAt(i);
    if (c == ',') {
      return LIST_PREVIOUS.matcher(s).region(Math.max(0, i - 16), i).find();
    }
    return !isAsciiAlnum(c) && BAD_LEFT.indexOf(c) < 0 && !isCurrency(c);
  }

  private static boolean rightBoundary(String s, int end, boolean inUrl) {
    int i = end;
    while (i < s.length() && isEmphasis(s.charAt(i))) {
      i++;
    }
    if (i >= s.length()) {
      return true;
    }
    char c = s.charAt(i);
    if (isAsciiAlnum(c) || isCurrency(c)) {
      return false;
    }
    if (BAD_RIGHT.indexOf(c) >= 0) {
      return inUrl && (c == '/' || c == '#');
    }
    if (inUrl && c == '?') {
      return true;
    }
    if (".,:-".indexOf(c) >= 0 && i + 1 < s.length() && isAsciiAlnum(s.charAt(i + 1))) {
      if (c == ',') {
        return LIST_NEXT.matcher(s).region(i + 1, s.length()).lookingAt();
      }
      return c == '.' && s.regionMatches(true, i + 1, "pdf", 0, 3) && rightBoundary(s, i + 4, inUrl);
    }
    return true;
  }

  /** True when a plain number of two or more digits stands right before, on the same line. */
  private static boolean numberBefore(String s, int start) {
    int i = start - 1;
    if (i < 0 || !isHorizontalSpace(s.charAt(i))) {
      return false;
    }
    while (i >= 0 && isHorizontalSpace(s.charAt(i))) {
      i--;
    }
    int end = i + 1;
    while (i >= 0 && !Character.isWhitespace(s.charAt(i)) && !isHorizontalSpace(s.charAt(i))) {
      i--;
    }
    return PLAIN_NUMBER.matcher(s.substring(i + 1, end)).matches();
  }

  /** True when a plain number of two or more digits stands right after, on the same line. */
  private static boolean numberAfter(String s, int end) {
    int i = end;
    if (i >= s.length() || !isHorizontalSpace(s.charAt(i))) {
      return false;
    }
    while (i < s.length() && isHorizontalSpace(s.charAt(i))) {
      i++;
    }
    int start = i;
    while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && !isHorizontalSpace(s.charAt(i))) {
      i++;
    }
    return PLAIN_NUMBER.matcher(s.substring(start, i)).matches();
  }

  private static String stripTrailing(String s) {
    int[] open = new int[3];
    int[] close = new int[3];
    for (int i = 0; i < s.length(); i++) {
      int k = "([{".indexOf(s.charAt(i));
      if (k >= 0) {
        open[k]++;
      }
      k = ")]}".indexOf(s.charAt(i));
      if (k >= 0) {
        close[k]++;
      }
    }
    int end = s.length();
    while (end > 0) {
      char c = s.charAt(end - 1);
      int k = ")]}".indexOf(c);
      if (TRAILING.indexOf(c) >= 0) {
        end--;
      } else if (k >= 0 && close[k] > open[k]) {
        close[k]--;
        end--;
      } else {
        break;
      }
    }
    return s.substring(0, end);
  }

  private static void mask(char[] masked, int from, int to) {
    for (int i = from; i < to; i++) {
      if (masked[i] != '\n') {
        masked[i] = ' ';
      }
    }
  }

  private static String removeSpaces(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!isHorizontalSpace(c) && !Character.isWhitespace(c)) {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static boolean isEmphasis(char c) {
    return c == '*' || c == '_';
  }

  private static boolean isAsciiAlnum(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isCurrency(char c) {
    return Character.getType(c) == Character.CURRENCY_SYMBOL;
  }

  private static boolean isHorizontalSpace(char c) {
    return c == ' ' || c == '\t' || c == '\u00A0' || c == '\u3000' || Character.isSpaceChar(c);
  }

  private static int lastOr(IntList list, int fallback) {
    return list.size() == 0 ? fallback : list.get(list.size() - 1);
  }

  /** A growable int array, to map the visible text of an HTML page back to its source. */
  private static final class IntList {
    private int[] values = new int[256];
    private int size;

    void add(int v) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }

    int get(int i) {
      return values[i];
    }

    int size() {
      return size;
    }
  }
}
