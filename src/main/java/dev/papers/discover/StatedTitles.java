package dev.papers.discover;

import dev.papers.model.PaperId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * The titles a document states for the papers it cites, and what a reading note states besides (year,
 * venue, authors). Fed a document piece by piece ({@link #add}), in order; {@link #result} gives, per
 * paper ({@code id.withoutVersion().key()}), what the document states.
 *
 * <p>Where a title is stated, strongest first (the first of equal strength wins):
 *
 * <ol>
 *   <li>a reading note's title field, {@code 英文题目:} / {@code 英文标题:} / {@code Title:}, which may run
 *       over several lines until the next field or a blank line; the note's {@code 发表时间:} / {@code
 *       Year:}, {@code 出处:} / {@code Venue:} and {@code 作者:} / {@code Authors:} fields too. They belong to
 *       the first paper the note cites before the next note or heading;
 *   <li>a reference-list line {@code [2] Title: URL} or {@code Title: URL} (the URL ends the line);
 *   <li>a heading directly above the line with the link (blank lines between are allowed);
 *   <li>a link's text: Markdown inline {@code [Title](URL)} and reference-style {@code [Title][ref]}
 *       with {@code [ref]: URL}, HTML {@code <a href="URL">Title</a>}.
 * </ol>
 *
 * <p>Never a title: generic link words ("here", "PDF", "arXiv", "link", "code", "paper", "链接",
 * "论文" and their kind, see {@link #GENERIC}), a URL or an identifier, text without a letter, a single
 * lower-case word outside Chinese, Japanese and Korean script (a label such as "self-distillation"; a
 * name such as "BERT" is kept). Quotes and
 * book-title marks around a title ({@code 《…》}, {@code “…”}) are not part of it; Markdown emphasis
 * neither.
 */
public final class StatedTitles {
  private static final int LINK = 1;
  private static final int HEADING = 2;
  private static final int REFERENCE = 3;
  private static final int NOTE = 4;
  /** A note's title field is taken for a paper cited at most this many lines below it. */
  private static final int NOTE_REACH = 40;

  /** Link words that never are a title (compared in lower case, without punctuation around). */
  static final Set<String> GENERIC = Set.of(
      "here", "click here", "this", "this paper", "the paper", "paper", "papers", "pdf", "arxiv", "arvix", "abs",
      "abstract", "link", "links", "code", "source", "source code", "github", "repo", "repository", "project",
      "project page", "homepage", "website", "web", "page", "blog", "blog post", "post", "video", "slides",
      "poster", "talk", "demo", "dataset", "data", "download", "html", "doi", "url", "preprint", "full text",
      "openreview", "official", "official code", "implementation", "paper link", "arxiv link", "pdf link",
      "code link", "read", "read more", "more", "details", "reference", "references", "citation", "bibtex",
      "semantic scholar", "google scholar", "hugging face", "huggingface", "alphaxiv", "acl anthology", "acm",
      "ieee", "springer", "biorxiv", "medrxiv", "pubmed", "papers with code", "paperswithcode", "link to paper",
      "链接", "论文", "论文链接", "论文地址", "论文下载", "原文", "原文链接", "原文地址", "地址", "网址", "代码", "代码地址", "项目",
      "项目地址", "项目主页", "主页", "全文", "下载", "来源", "出处", "这里", "此处", "点击", "点击这里", "博客", "视频", "数据集",
      "文章", "文章链接", "论文原文", "官方代码", "开源代码", "github地址", "arxiv地址", "pdf地址", "参考", "参考文献", "引用");

  private static final Pattern MD_LINK = Pattern.compile(
      "(!?)\\[((?:[^\\[\\]]|\\[[^\\[\\]]*\\])*)\\]\\(\\h*<?([^()\\s<>]*(?:\\([^()\\s]*\\)[^()\\s<>]*)*)>?"
          + "(?:\\h+(?:\"[^\"]*\"|'[^']*'))?\\h*\\)");
  private static final Pattern MD_REF_USE =
      Pattern.compile("(?<![\\]!])\\[((?:[^\\[\\]]|\\[[^\\[\\]]*\\])+)\\]\\h?\\[([^\\[\\]]*)\\]");
  private static final Pattern MD_REF_DEF =
      Pattern.compile("^\\h{0,3}\\[([^\\[\\]]+)\\]:\\h*<?(\\S+?)>?(?:\\h+.*)?$");
  private static final Pattern HTML_LINK =
      Pattern.compile("(?is)<a\\s[^>]*?href\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))[^>]*>(.*?)</a\\s*>");
  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Pattern QUOTED = Pattern.compile("“([^“”]{8,300})”|\"([^\"]{8,300})\"");
  private static final Pattern BOLD = Pattern.compile("\\*\\*([^*]{8,300})\\*\\*");
  /** A link text's byline after the title: ", Vaswani et al., 2017", " (2019)". */
  private static final Pattern BYLINE =
      Pattern.compile("(?:,\\h*[\\p{L}.\\-' ]{1,40}\\bet\\h+al\\.?)?(?:,?\\h*\\(?(?:19|20)\\d{2}\\)?)$");
  private static final Pattern HEADING_LINE = Pattern.compile("^\\h{0,3}(#{1,6})\\h+(.+?)(?:\\h+#+)?\\h*$");
  private static final Pattern FIELD = Pattern.compile(
      "^[\\h>*_|•·+\\-]*(?:\\d{1,2}[.)、]\\h*)?\\**([\\p{L}][\\p{L}\\h]{0,15}?)\\**\\h*[:：]\\h*(.*)$");
  private static final Pattern NOTE_HEADER = Pattern.compile("^\\h*论文阅读\\h*[_\\-:：]");
  private static final Pattern NUMBERING =
      Pattern.compile("^[\\h>*•·+\\-]*(?:\\[\\d{1,4}\\]|\\(\\d{1,4}\\)|\\d{1,4}[.)、])?\\h*");
  private static final Pattern YEAR = Pattern.compile("(?<!\\d)(19[5-9]\\d|20\\d\\d)(?!\\d)");
  private static final Set<String> TITLE_LABELS =
      Set.of("英文题目", "英文标题", "英文名称", "英文名", "论文英文题目", "论文英文标题", "title", "paper title", "english title");
  private static final Set<String> YEAR_LABELS =
      Set.of("发表时间", "发表年份", "发表日期", "发布时间", "年份", "year", "published", "publication year");
  private static final Set<String> VENUE_LABELS =
      Set.of("出处", "发表于", "会议", "期刊", "发表期刊", "发表会议", "venue", "published in", "conference", "journal");
  private static final Set<String> AUTHOR_LABELS = Set.of("作者", "author", "authors");
  private static final Set<String> OTHER_LABELS = Set.of(
      "中文题目", "中文标题", "中文名", "论文地址", "论文链接", "地址", "链接", "领域", "代码", "代码和数据", "阅读时间", "阅读日期",
      "被引量", "引用量", "url", "link", "code", "pdf", "paper", "abstract", "摘要", "keywords", "关键词", "tags", "doi",
      "arxiv", "机构", "单位", "affiliation", "read on", "cited by", "citations", "读后感", "笔记");

  private final Map<String, Candidate> best = new LinkedHashMap<>();
  private final Map<String, String> refDefinitions = new HashMap<>();
  private final Map<String, String> refTexts = new LinkedHashMap<>();
  private int tableTitleColumn = -1;
  private String lastNonBlank;
  private int lastNonBlankLine;
  private Note note;
  private boolean noteTitleOpen;
  private int line;

  private record Candidate(Stated stated, int strength) {}

  /** A reading note being read: its fields, and the first paper cited below its title field. */
  private static final class Note {
    final StringBuilder title = new StringBuilder();
    final int line;
    Integer year;
    String venue;
    List<String> authors = List.of();
    PaperId id;

    Note(String title, int line) {
      this.title.append(title);
      this.line = line;
    }
  }

  /** Reads the next piece of a document (whole lines; HTML: a whole or partial page). */
  public void add(String piece, DocumentFormat format) {
    if (piece == null || piece.isEmpty()) {
      return;
    }
    if (format == DocumentFormat.HTML) {
      html(piece);
      return;
    }
    String text = format == DocumentFormat.MARKDOWN ? IdExtractor.markdownText(piece) : piece;
    int from = 0;
    while (from <= text.length()) {
      int nl = text.indexOf('\n', from);
      int to = nl < 0 ? text.length() : nl;
      String l = text.substring(from, to);
      if (l.endsWith("\r")) {
        l = l.substring(0, l.length() - 1);
      }
      if (nl >= 0 || !l.isEmpty()) {
        line(l);
      }
      if (nl < 0) {
        break;
      }
      from = nl + 1;
    }
  }

  /** What the document states, per paper key ({@code arxiv:1909.10351}), in the order first stated. */
  public Map<String, Stated> result() {
    endNote();
    for (Map.Entry<String, String> use : refTexts.entrySet()) {
      String url = refDefinitions.get(use.getKey());
      if (url != null) {
        link(url, use.getValue());
      }
    }
    Map<String, Stated> out = new LinkedHashMap<>();
    best.forEach((k, c) -> out.put(k, c.stated));
    return out;
  }

  // --- text and Markdown ------------------------------------------------------------------------

  private void line(String raw) {
    line++;
    String l = raw.replace('\u00a0', ' ').replace('\u3000', ' ');
    if (l.isBlank()) {
      noteTitleOpen = false;
      return;
    }
    Matcher heading = HEADING_LINE.matcher(l);
    if (heading.matches() || NOTE_HEADER.matcher(l).find()) {
      endNote();
    }
    List<IdExtractor.Span> spans = IdExtractor.spans(l);
    noteFields(l, spans);

    Set<String> titled = new LinkedHashSet<>();
    Matcher def = MD_REF_DEF.matcher(l);
    if (def.matches()) {
      refDefinitions.putIfAbsent(label(def.group(1)), def.group(2));
      titled.add("*");
    } else {
      Matcher m = MD_LINK.matcher(l);
      while (m.find()) {
        if (m.group(1).isEmpty()) {
          titled.addAll(link(m.group(3), m.group(2)));
        }
      }
      Matcher r = MD_REF_USE.matcher(l);
      while (r.find()) {
        String label = r.group(2).isBlank() ? r.group(1) : r.group(2);
        refTexts.putIfAbsent(label(label), r.group(1));
      }
      Matcher h = HTML_LINK.matcher(l);
      while (h.find()) {
        String href = h.group(1) != null ? h.group(1) : h.group(2) != null ? h.group(2) : h.group(3);
        titled.addAll(link(href, TAG.matcher(h.group(4)).replaceAll(" ")));
      }
      titled.addAll(referenceLine(l, spans));
      titled.addAll(tableRow(l, spans));
      titled.addAll(sameLine(l, spans, titled));
    }
    if (!titled.contains("*") && !spans.isEmpty() && lastNonBlank != null) {
      Matcher above = HEADING_LINE.matcher(lastNonBlank);
      if (above.matches() && !HEADING_LINE.matcher(l).matches()) {
        String t = clean(above.group(2));
        if (t != null) {
          for (IdExtractor.Span s : spans) {
            if (!titled.contains(key(s.id()))) {
              offer(s.id(), Stated.title(t), HEADING);
            }
          }
        }
      }
    }
    lastNonBlank = l;
    lastNonBlankLine = line;
  }

  /**
   * A Markdown table's row: the cell under a column headed "Title", "Paper", "Name", "论文" or "标题" is
   * the title of the one paper the row cites.
   */
  private Set<String> tableRow(String l, List<IdExtractor.Span> spans) {
    String t = l.strip();
    if (!t.startsWith("|") && !t.contains(" | ")) {
      tableTitleColumn = -1;
      return Set.of();
    }
    List<String> cells = cells(t);
    if (cells.stream().allMatch(c -> c.strip().matches(":?-{2,}:?"))) {
      return Set.of(); // the separator row
    }
    if (spans.isEmpty()) {
      tableTitleColumn = -1;
      for (int i = 0; i < cells.size(); i++) {
        if (cells.get(i).strip().toLowerCase(Locale.ROOT).matches("\\**(?:title|paper|paper title|name|论文|标题|题目|论文标题)\\**")) {
          tableTitleColumn = i;
        }
      }
      return Set.of();
    }
    Set<PaperId> ids = distinct(spans);
    if (tableTitleColumn < 0 || tableTitleColumn >= cells.size() || ids.size() != 1) {
      return Set.of();
    }
    String cell = cells.get(tableTitleColumn);
    Matcher link = MD_LINK.matcher(cell);
    String title = clean(link.find() ? link.group(2) : cell);
    if (title == null) {
      return Set.of();
    }
    PaperId id = ids.iterator().next();
    offer(id, Stated.title(title), REFERENCE);
    return Set.of(key(id));
  }

  private static List<String> cells(String row) {
    String r = row.strip();
    if (r.startsWith("|")) {
      r = r.substring(1);
    }
    if (r.endsWith("|")) {
      r = r.substring(0, r.length() - 1);
    }
    return List.of(r.split("(?<!\\\\)\\|", -1));
  }

  private static Set<PaperId> distinct(List<IdExtractor.Span> spans) {
    Set<PaperId> ids = new LinkedHashSet<>();
    for (IdExtractor.Span s : spans) {
      ids.add(s.id().withoutVersion());
    }
    return ids;
  }

  /**
   * An awesome-list line that cites one paper through a generic link ({@code [[PDF](…)]}): its title is
   * the line's quoted title, its bold text, or the text of its first other link that reads as a title.
   */
  private Set<String> sameLine(String l, List<IdExtractor.Span> spans, Set<String> titled) {
    Set<PaperId> ids = distinct(spans);
    if (ids.size() != 1 || !titled.isEmpty()) {
      return Set.of();
    }
    PaperId id = ids.iterator().next();
    List<String> candidates = new ArrayList<>();
    Matcher q = QUOTED.matcher(l);
    while (q.find()) {
      candidates.add(q.group(1) != null ? q.group(1) : q.group(2));
    }
    Matcher b = BOLD.matcher(l);
    while (b.find()) {
      candidates.add(b.group(1));
    }
    Matcher m = MD_LINK.matcher(l);
    while (m.find()) {
      if (m.group(1).isEmpty() && IdExtractor.spans(m.group(3)).isEmpty()) {
        candidates.add(m.group(2));
      }
    }
    for (String c : candidates) {
      String t = clean(c);
      if (t != null && t.contains(" ")) {
        offer(id, Stated.title(t), LINK);
        return Set.of(key(id));
      }
    }
    return Set.of();
  }

  /** {@code [2] Title: URL}: the identifier ends the line, and the text before it ends with a colon. */
  private Set<String> referenceLine(String l, List<IdExtractor.Span> spans) {
    if (spans.isEmpty()) {
      return Set.of();
    }
    IdExtractor.Span first = spans.get(0);
    IdExtractor.Span last = spans.get(spans.size() - 1);
    if (!first.id().withoutVersion().equals(last.id().withoutVersion())) {
      return Set.of();
    }
    String after = l.substring(last.end()).strip();
    if (!after.matches("[.。,;*_>)\\]】』」）]*")) {
      return Set.of();
    }
    String before = l.substring(0, first.start()).stripTrailing();
    if (!(before.endsWith(":") || before.endsWith("："))) {
      return Set.of();
    }
    String label = NUMBERING.matcher(before.substring(0, before.length() - 1)).replaceFirst("");
    Matcher f = FIELD.matcher(before);
    if (f.matches() && isKnownLabel(f.group(1))) {
      return Set.of();
    }
    String t = clean(label);
    if (t == null) {
      return Set.of();
    }
    offer(first.id(), Stated.title(t), REFERENCE);
    return Set.of(key(first.id()));
  }

  /** A link's text, as the title of the one paper its URL names. Returns the keys it titled. */
  private Set<String> link(String url, String text) {
    if (url == null || url.isBlank()) {
      return Set.of();
    }
    String u = url.strip();
    if (u.startsWith("//")) {
      u = "https:" + u;
    } else if (u.startsWith("/abs/") || u.startsWith("/pdf/")) {
      u = "https://arxiv.org" + u;
    }
    Set<PaperId> ids = new LinkedHashSet<>();
    for (IdExtractor.Span s : IdExtractor.spans(u)) {
      ids.add(s.id().withoutVersion());
    }
    if (ids.size() != 1) {
      return Set.of();
    }
    PaperId id = ids.iterator().next();
    String t = clean(text);
    if (t == null) {
      return Set.of();
    }
    offer(id, Stated.title(t), LINK);
    return Set.of(key(id));
  }

  private static String label(String s) {
    return s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  // --- reading notes -----------------------------------------------------------------------------

  private void noteFields(String l, List<IdExtractor.Span> spans) {
    Matcher f = FIELD.matcher(l);
    String label = f.matches() ? f.group(1).strip().toLowerCase(Locale.ROOT) : null;
    if (label != null && TITLE_LABELS.contains(label)) {
      endNote();
      String value = f.group(2).strip();
      note = new Note(value, line);
      noteTitleOpen = spans.isEmpty();
      return;
    }
    if (note == null) {
      return;
    }
    if (label != null && isKnownLabel(label)) {
      noteTitleOpen = false;
      String value = f.group(2).strip();
      if (YEAR_LABELS.contains(label) && note.year == null) {
        Matcher y = YEAR.matcher(value);
        if (y.find()) {
          note.year = Integer.valueOf(y.group(1));
        }
      } else if (VENUE_LABELS.contains(label) && note.venue == null) {
        note.venue = cleanValue(value);
      } else if (AUTHOR_LABELS.contains(label) && note.authors.isEmpty()) {
        note.authors = authors(value);
      }
    } else if (noteTitleOpen && spans.isEmpty() && !HEADING_LINE.matcher(l).matches()) {
      note.title.append(' ').append(l.strip());
      return;
    }
    if (note.id == null && !spans.isEmpty()) {
      note.id = spans.get(0).id();
    }
    if (line - note.line > NOTE_REACH && note.id == null) {
      note = null;
    }
  }

  private static boolean isKnownLabel(String label) {
    String l = label.strip().toLowerCase(Locale.ROOT);
    if (TITLE_LABELS.contains(l) || YEAR_LABELS.contains(l) || VENUE_LABELS.contains(l) || AUTHOR_LABELS.contains(l)
        || OTHER_LABELS.contains(l)) {
      return true;
    }
    // a short label in Chinese is a field ("领域:", "发表时间:"); a Latin phrase before a colon may be a title's
    return l.length() <= 8 && l.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
  }

  private void endNote() {
    Note n = note;
    note = null;
    noteTitleOpen = false;
    if (n == null || n.id == null) {
      return;
    }
    offer(n.id, new Stated(clean(n.title.toString()), n.year, n.venue, n.authors), NOTE);
  }

  private static String cleanValue(String value) {
    String v = clean(value);
    return v == null || v.length() > 200 ? null : v;
  }

  /** A note's authors: "Tianlong Chen 等,德克萨斯大学" is Tianlong Chen (等 and et al. end the list). */
  static List<String> authors(String value) {
    List<String> out = new ArrayList<>();
    boolean latin = false;
    for (String part : value.split("\\h+and\\h+|[,，、;；]")) {
      String p = part.strip();
      boolean hasLatin = p.codePoints().anyMatch(c -> c < 0x250 && Character.isLetter(c));
      if ((latin && !hasLatin) || AFFILIATION.matcher(p).find()) {
        break; // affiliations follow the names
      }
      latin |= hasLatin;
      int etal = indexOfAny(p, "等", "et al", "Et al", "ET AL");
      boolean last = etal >= 0;
      if (last) {
        p = p.substring(0, etal).strip();
      }
      if (!p.isEmpty() && p.length() <= 60 && p.codePoints().anyMatch(Character::isLetter)) {
        out.add(p.replaceAll("\\s+", " "));
      }
      if (last) {
        break;
      }
    }
    return out;
  }

  private static final Pattern AFFILIATION = Pattern.compile(
      "大学|学院|研究院|研究所|实验室|公司|团队|University|Institute|Lab\\b|Inc\\b|Team\\b|Research\\b");

  private static int indexOfAny(String s, String... what) {
    int best = -1;
    for (String w : what) {
      int i = s.indexOf(w);
      if (i >= 0 && (best < 0 || i < best)) {
        best = i;
      }
    }
    return best;
  }

  // --- HTML --------------------------------------------------------------------------------------

  private void html(String piece) {
    Document doc = Jsoup.parse(piece);
    doc.select("script, style, template").remove();
    for (Element a : doc.select("a[href]")) {
      Set<String> titled = link(a.attr("href"), a.text());
      if (!titled.isEmpty()) {
        continue;
      }
      String href = a.attr("href").strip();
      List<IdExtractor.Span> spans = IdExtractor.spans(href.startsWith("//") ? "https:" + href : href);
      if (spans.isEmpty()) {
        continue;
      }
      PaperId id = spans.get(0).id();
      String before = textBefore(a);
      if (before != null && (before.endsWith(":") || before.endsWith("：")) && blankAfter(a)) {
        String t = clean(NUMBERING.matcher(before.substring(0, before.length() - 1)).replaceFirst(""));
        if (t != null) {
          offer(id, Stated.title(t), REFERENCE);
          continue;
        }
      }
      Element block = a.parent();
      while (block != null && !block.isBlock()) {
        block = block.parent();
      }
      Element prev = block == null ? null : block.previousElementSibling();
      if (prev != null && prev.normalName().matches("h[1-6]")) {
        String t = clean(prev.text());
        if (t != null) {
          offer(id, Stated.title(t), HEADING);
        }
      }
    }
  }

  /** The text before a link within its line (back to a block start or a {@code <br>}), stripped. */
  private static String textBefore(Element a) {
    StringBuilder b = new StringBuilder();
    Node n = a;
    while (n != null) {
      Node prev = n.previousSibling();
      while (prev != null) {
        if (prev instanceof Element e && (e.isBlock() || e.normalName().equals("br"))) {
          return b.toString().strip();
        }
        String t = prev instanceof TextNode tn ? tn.text() : prev instanceof Element e ? e.text() : "";
        b.insert(0, t);
        prev = prev.previousSibling();
      }
      Node parent = n.parent();
      if (!(parent instanceof Element pe) || pe.isBlock()) {
        break;
      }
      n = parent;
    }
    return b.toString().strip();
  }

  private static boolean blankAfter(Element a) {
    Node n = a.nextSibling();
    while (n != null) {
      if (n instanceof Element e && (e.isBlock() || e.normalName().equals("br"))) {
        return true;
      }
      String t = n instanceof TextNode tn ? tn.text() : n instanceof Element e ? e.text() : "";
      if (!t.strip().matches("[.。,;)\\]】）]*")) {
        return false;
      }
      n = n.nextSibling();
    }
    return true;
  }

  // --- cleaning ----------------------------------------------------------------------------------

  private static final String OPEN = "《〈「『“‘\"'«【[(（";
  private static final String CLOSE = "》〉」』”’\"'»】])）";
  private static final Pattern BOOK_TITLE = Pattern.compile("《([^《》]+)》");

  /**
   * A stated title as stored: emphasis, quotes and book-title marks dropped, whitespace collapsed;
   * null when it is no title (generic link words, a URL or an identifier, no letter at all).
   */
  static String clean(String raw) {
    if (raw == null) {
      return null;
    }
    String t = TAG.matcher(raw).replaceAll(" ").replaceAll("[\\s\\u00a0\\u3000]+", " ").strip();
    t = t.replaceAll("(?<![\\p{L}\\p{N}])[*_`]+|[*_`]+(?![\\p{L}\\p{N}])", "").strip();
    Matcher book = BOOK_TITLE.matcher(t);
    if (book.find()) {
      String inner = book.group(1).strip();
      if (!book.find()) {
        t = inner;
      }
    }
    boolean changed = true;
    while (changed && t.length() >= 2) {
      changed = false;
      int o = OPEN.indexOf(t.charAt(0));
      if (o >= 0 && CLOSE.indexOf(t.charAt(t.length() - 1)) == o) {
        t = t.substring(1, t.length() - 1).strip();
        changed = true;
      }
    }
    t = t.replaceAll("^[“”\"《》「」]+|[“”\"《》「」]+$", "").strip();
    t = t.replaceAll("[\\h:：,，;；\\-–—]+$", "").replaceAll("(?<![.])\\.$", "").strip();
    String bare = BYLINE.matcher(t).replaceFirst("").strip();
    if (!bare.isEmpty() && bare.length() < t.length() && bare.contains(" ")) {
      t = bare.replaceAll("[\\h.,:：;]+$", "").strip();
    }
    if (t.isEmpty() || t.length() > 500 || t.codePoints().noneMatch(Character::isLetter)) {
      return null;
    }
    String lower = t.toLowerCase(Locale.ROOT).replaceAll("^[\\p{P}\\h]+|[\\p{P}\\h]+$", "");
    if (GENERIC.contains(lower) || lower.contains("://") || lower.startsWith("www.")
        || lower.matches("(?:[a-z0-9-]+\\.)+(?:com|org|net|io|ai|cn|edu)(?:/\\S*)?")) {
      return null;
    }
    if (!IdExtractor.spans(t).isEmpty() || PaperId.tryParse(t) != null) {
      return null;
    }
    if (!t.contains(" ") && t.equals(t.toLowerCase(Locale.ROOT)) && t.codePoints().noneMatch(StatedTitles::isCjk)) {
      return null; // one lower-case word ("self-distillation"): a topic's label, not a paper's name ("BERT" is kept)
    }
    return t;
  }

  /** Scripts written without spaces between words, where one "word" may be a whole title. */
  private static boolean isCjk(int cp) {
    Character.UnicodeScript s = Character.UnicodeScript.of(cp);
    return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
        || s == Character.UnicodeScript.KATAKANA || s == Character.UnicodeScript.HANGUL;
  }

  // --- choosing ------------------------------------------------------------------------------------

  private static String key(PaperId id) {
    return id.withoutVersion().key();
  }

  private void offer(PaperId id, Stated stated, int strength) {
    if (stated.isEmpty()) {
      return;
    }
    String k = key(id);
    Candidate c = best.get(k);
    if (c == null) {
      best.put(k, new Candidate(stated, strength));
    } else if (strength > c.strength) {
      best.put(k, new Candidate(stated.orElse(c.stated), strength));
    } else {
      best.put(k, new Candidate(c.stated.orElse(stated), c.strength));
    }
  }
}
