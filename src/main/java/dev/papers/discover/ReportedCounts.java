package dev.papers.discover;

import dev.papers.model.PaperId;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.parser.Parser;

/**
 * Finds the citation counts a reading note states for the papers it discusses, and the day the note's
 * author read each paper: a pure function of a document's text and name.
 *
 * <p>Reading notes such as
 *
 * <pre>
 * 论文阅读_模型蒸馏_TinyBERT
 * 英文题目:TINYBERT: DISTILLING BERT FOR NATURAL LANGUAGE UNDERSTANDING
 * 论文地址:https://arxiv.org/pdf/1909.10351.pdf
 * 被引量:67
 * 阅读时间:22.09.16
 * </pre>
 *
 * are read in <em>blocks</em>, one per paper. A block starts at a header line ({@code 论文阅读_…},
 * {@code 英文题目:}, {@code 英文标题:}, {@code 论文题目:}, {@code 题目:}, {@code Title:}),
 * a Markdown heading or rule, or an HTML heading or {@code <hr>}, and runs to the next one.
 *
 * <ul>
 *   <li>A <em>count line</em> starts (after list markers, emphasis, quotes or table bars) with a label
 *       ({@code 被引量}, {@code 被引用次数}, {@code 被引次数}, {@code 引用量}, {@code 引用次数}, {@code 引用数},
 *       {@code Cited by}, {@code Citations}, {@code Citation count}, {@code Times cited}, {@code Zitiert
 *       von}) followed by a colon or spaces and a whole number ({@code 11797}, {@code 11,797}). A number
 *       written short or vaguely ({@code 1.2k}, {@code 3万}, {@code 67+}) is no count: no number is
 *       invented. A source named next to it ({@code (谷歌学术)}, {@code (Google Scholar)}, {@code (Semantic
 *       Scholar)}) is kept as {@link Reported#namedSource()}.
 *   <li>The count belongs to the nearest identifier ({@link IdExtractor}: an arXiv id, URL or DOI) on its
 *       own line or above it in the same block, never above another count line.
 *   <li>Its date is the block's reading-date line ({@code 阅读时间}, {@code 阅读日期}, {@code 读于}, {@code
 *       Read on}, {@code Reading date}, {@code Date read}) nearest to the count, written {@code 22.09.16},
 *       {@code 2022.09.11}, {@code 2022-09-17}, {@code 2022/09/17} or {@code 2022年9月17日}; a two-digit
 *       year is 20YY. A block without one gives its counts no date: no date is invented.
 * </ul>
 */
public final class ReportedCounts {

  /**
   * One count a document states.
   *
   * @param id the paper it belongs to, or null when the block names no paper by an identifier
   * @param count the number, as written
   * @param readOn the day the note's author read the paper, or null when the block does not say
   * @param namedSource the source the document names for the count ("Google Scholar"), or null
   * @param line the 1-based line of the count
   */
  public record Reported(PaperId id, int count, LocalDate readOn, String namedSource, int line) {

    /** Whether the count can be stored: it has both a paper and a date. */
    public boolean storable() {
      return id != null && readOn != null;
    }
  }

  private static final String DECOR = "[\\h>*_#|•·+\\-]*+(?:\\d{1,2}[.)、]\\h*+)?";
  private static final Pattern COUNT = Pattern.compile(
      "^" + DECOR + "(?<label>被引用?(?:量|次数|数)|引用(?:量|次数|数)|cited\\h+by|citations?(?:\\h+count)?"
          + "|times\\h+cited|number\\h+of\\h+citations|zitiert\\h+von)"
          + "\\h*+(?<pre>[（(][^()（）]{1,40}[)）])?[\\h*_|]*+[:：]?[\\h*_|]*+"
          + "(?<n>\\d{1,3}(?:,\\d{3})++(?!\\d)|\\d++)(?![.,]\\d)(?![A-Za-z万千亿+])(?<rest>.*)$",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern DATE_LINE = Pattern.compile(
      "^" + DECOR + "(?:阅读时间|阅读日期|阅读于|读于|读完时间|精读时间|笔记时间|read\\h+on|reading\\h+date|date\\h+read"
          + "|date\\h+of\\h+reading)[\\h*_|]*+[:：]?[\\h*_|]*+(?<date>.*)$",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern LONG_DATE =
      Pattern.compile("^(\\d{4})\\h*[.\\-/年]\\h*(\\d{1,2})\\h*[.\\-/月]\\h*(\\d{1,2})(?!\\d)");
  private static final Pattern SHORT_DATE =
      Pattern.compile("^(\\d{2})[.\\-/](\\d{1,2})[.\\-/](\\d{1,2})(?!\\d)");
  private static final Pattern BLOCK_START = Pattern.compile(
      "^" + DECOR.replace("#", "") + "(?:论文阅读\\h*[_\\-:：]|(?:英文|论文)?(?:题目|标题)\\h*[:：]|title\\h*[:：]"
          + ")"
          + "|^\\h{0,3}#{1,6}\\h+\\S|^\\h{0,3}(?:-\\h*){3,}$|^\\h{0,3}(?:\\*\\h*){3,}$",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern TAG_NAME = Pattern.compile("</?([A-Za-z][A-Za-z0-9]*)");
  private static final java.util.Set<String> BLOCK_TAGS = java.util.Set.of("p", "div", "li", "ul", "ol", "br",
      "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "section", "article", "blockquote",
      "pre", "dt", "dd", "dl", "header", "footer", "body", "html", "head", "title", "main", "nav", "figure",
      "figcaption");
  private static final Pattern URL_ATTRIBUTE =
      Pattern.compile("(?i)\\b(?:href|src|data-href|data-url)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))");

  private static final String[][] NAMED_SOURCES = {
      {"(?i)谷歌学术|google\\h*学术|google\\h*scholar|谷歌", "Google Scholar"},
      {"(?i)semantic\\h*scholar|语义学者", "Semantic Scholar"},
      {"百度学术", "Baidu Scholar"},
      {"(?i)知网|cnki", "CNKI"},
      {"(?i)web\\h*of\\h*science", "Web of Science"},
      {"(?i)scopus", "Scopus"},
      {"(?i)researchgate", "ResearchGate"},
      {"(?i)readpaper", "ReadPaper"},
  };

  private ReportedCounts() {}

  /**
   * The counts a document states, in document order, with the paper and date each belongs to when the
   * document says (see the class comment). Counts without a paper or a date are listed too, so that a
   * caller can say why it did not store them.
   *
   * @param text the whole document
   * @param fileName its name, to tell its format ({@link DocumentFormat#detect}); {@code -} or null for stdin
   */
  public static List<Reported> find(String text, String fileName) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    DocumentFormat format = DocumentFormat.detect(fileName, text);
    List<String> lines = new ArrayList<>();
    List<Boolean> starts = new ArrayList<>();
    List<Integer> sourceLines = new ArrayList<>();
    if (format == DocumentFormat.HTML) {
      flattenHtml(text, lines, starts, sourceLines);
    } else {
      for (String l : text.split("\n", -1)) {
        String line = l.endsWith("\r") ? l.substring(0, l.length() - 1) : l;
        if (format == DocumentFormat.MARKDOWN && line.indexOf('&') >= 0) {
          line = Parser.unescapeEntities(line, true).replace("\n", " ");
        }
        lines.add(line);
        starts.add(false);
        sourceLines.add(lines.size());
      }
    }
    DocumentFormat idFormat = format == DocumentFormat.MARKDOWN ? DocumentFormat.MARKDOWN : DocumentFormat.TEXT;
    int n = lines.size();
    boolean[] blockStart = new boolean[n];
    Matcher[] counts = new Matcher[n];
    LocalDate[] dates = new LocalDate[n];
    for (int i = 0; i < n; i++) {
      String line = lines.get(i).replace('\u00a0', ' ').replace('\u3000', ' ');
      blockStart[i] = starts.get(i) || BLOCK_START.matcher(line).find();
      Matcher c = COUNT.matcher(line);
      if (c.find() && acceptableRest(c.group("rest"))) {
        counts[i] = c;
      }
      Matcher d = DATE_LINE.matcher(line);
      if (d.find()) {
        dates[i] = date(d.group("date").strip());
      }
    }
    IdExtractor extractor = new IdExtractor();
    List<Reported> out = new ArrayList<>();
    int blockFrom = 0;
    int segmentFrom = 0;
    for (int i = 0; i < n; i++) {
      if (blockStart[i]) {
        blockFrom = i;
        segmentFrom = i;
      }
      if (counts[i] == null) {
        continue;
      }
      Matcher c = counts[i];
      int count;
      try {
        count = Integer.parseInt(c.group("n").replace(",", ""));
      } catch (NumberFormatException e) {
        segmentFrom = i + 1;
        continue; // too large to be a count
      }
      PaperId id = nearestIdAbove(extractor, lines, segmentFrom, i, idFormat);
      int blockTo = i + 1;
      while (blockTo < n && !blockStart[blockTo]) {
        blockTo++;
      }
      LocalDate readOn = nearestDate(dates, blockFrom, blockTo, i);
      String pre = c.group("pre") == null ? "" : c.group("pre");
      out.add(new Reported(id, count, readOn, namedSource(pre + " " + c.group("rest")), sourceLines.get(i)));
      segmentFrom = i + 1;
    }
    return out;
  }

  /** The words after a number that still leave it a count (not "1. Smith", not "3) ..."). */
  private static boolean acceptableRest(String rest) {
    String r = rest.stripLeading();
    if (r.isEmpty()) {
      return true;
    }
    if (rest.startsWith(")") || rest.startsWith("）") || rest.startsWith("、")) {
      return false;
    }
    return !(rest.startsWith(".") && rest.length() > 1 && !rest.substring(1).isBlank());
  }

  private static PaperId nearestIdAbove(IdExtractor extractor, List<String> lines, int from, int to, DocumentFormat f) {
    String segment = String.join("\n", lines.subList(from, to + 1));
    Found best = null;
    for (Found found : extractor.extract(segment, f)) {
      if (best == null || found.line() > best.line()) {
        best = found;
      }
    }
    return best == null ? null : best.id();
  }

  private static LocalDate nearestDate(LocalDate[] dates, int from, int to, int at) {
    LocalDate best = null;
    int distance = Integer.MAX_VALUE;
    for (int i = from; i < to; i++) {
      if (dates[i] != null && Math.abs(i - at) < distance) {
        best = dates[i];
        distance = Math.abs(i - at);
      }
    }
    return best;
  }

  /** A date as reading notes write it, or null when it is none (or no real day). */
  static LocalDate date(String s) {
    Matcher m = LONG_DATE.matcher(s);
    int y;
    if (m.find()) {
      y = Integer.parseInt(m.group(1));
    } else {
      m = SHORT_DATE.matcher(s);
      if (!m.find()) {
        return null;
      }
      y = 2000 + Integer.parseInt(m.group(1));
    }
    try {
      return LocalDate.of(y, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static String namedSource(String around) {
    for (String[] s : NAMED_SOURCES) {
      if (Pattern.compile(s[0]).matcher(around).find()) {
        return s[1];
      }
    }
    return null;
  }

  /**
   * HTML as lines of text: a line ends where the source has a line break and where a block element
   * ({@code <p>}, {@code <div>}, {@code <li>}, {@code <br>}, a heading …) opens or closes, so a page
   * saved on one line reads like one written by hand; each line keeps the source line it starts on.
   * Tags become spaces, their {@code href} and {@code src} values kept (links still name papers);
   * scripts and styles are dropped; entities are decoded. A line after a heading or {@code <hr>}
   * begins a block.
   */
  private static void flattenHtml(String html, List<String> lines, List<Boolean> starts, List<Integer> sourceLines) {
    HtmlLines out = new HtmlLines(lines, starts, sourceLines);
    int i = 0;
    while (i < html.length()) {
      char ch = html.charAt(i);
      if (ch != '<') {
        if (ch == '\n') {
          out.flush();
          out.line++;
          out.from = out.line;
        } else if (ch != '\r') {
          out.current.append(ch);
        }
        i++;
        continue;
      }
      int end = html.indexOf('>', i);
      if (end < 0) {
        out.current.append(html, i, html.length());
        break;
      }
      String tag = html.substring(i, end + 1);
      Matcher name = TAG_NAME.matcher(tag);
      String tagName = name.lookingAt() ? name.group(1).toLowerCase(Locale.ROOT) : "";
      int close = -1;
      if (!tag.startsWith("</") && (tagName.equals("script") || tagName.equals("style"))) {
        close = indexOfIgnoreCase(html, "</" + tagName, end);
      }
      int to = close < 0 ? end + 1 : close;
      boolean block = BLOCK_TAGS.contains(tagName);
      if (block) {
        out.flush();
      } else {
        out.current.append(' ');
        Matcher u = URL_ATTRIBUTE.matcher(tag);
        while (u.find() && close < 0) {
          String v = u.group(1) != null ? u.group(1) : u.group(2) != null ? u.group(2) : u.group(3);
          out.current.append(v.replace('\n', ' ')).append(' ');
        }
      }
      for (int k = i; k < to; k++) {
        if (html.charAt(k) == '\n') {
          out.line++;
        }
      }
      if (block) {
        out.from = out.line;
        if (!tag.startsWith("</") && (tagName.matches("h[1-6]") || tagName.equals("hr"))) {
          out.startNext = true;
        }
      }
      i = to;
    }
    out.flush();
  }

  /** The lines {@link #flattenHtml} builds. */
  private static final class HtmlLines {
    final List<String> lines;
    final List<Boolean> starts;
    final List<Integer> sourceLines;
    final StringBuilder current = new StringBuilder();
    int line = 1;
    int from = 1;
    boolean startNext;

    HtmlLines(List<String> lines, List<Boolean> starts, List<Integer> sourceLines) {
      this.lines = lines;
      this.starts = starts;
      this.sourceLines = sourceLines;
    }

    void flush() {
      String l = current.toString();
      current.setLength(0);
      if (l.isBlank() && !startNext) {
        return;
      }
      if (l.indexOf('&') >= 0) {
        l = Parser.unescapeEntities(l, false).replace("\n", " ");
      }
      lines.add(l);
      starts.add(startNext);
      sourceLines.add(from);
      startNext = false;
    }
  }

  private static int indexOfIgnoreCase(String s, String what, int from) {
    for (int k = from; k + what.length() <= s.length(); k++) {
      if (s.regionMatches(true, k, what, 0, what.length())) {
        return k;
      }
    }
    return -1;
  }
}
