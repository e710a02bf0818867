package dev.papers.discover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.papers.model.PaperId;
import dev.papers.testing.RealFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IdExtractorTest {

  private final IdExtractor extractor = new IdExtractor();

  private List<String> ids(String text, DocumentFormat format) {
    return extractor.extract(text, format).stream().map(f -> f.id().display()).toList();
  }

  private static String resource(String name) {
    return new String(RealFixtures.resource("import/" + name), StandardCharsets.UTF_8);
  }

  // --- the seed documents ----------------------------------------------------------------------

  /**
   * What each seed in {@code ../shared/seeds/} cites, in document order. Established by reading every
   * seed and by
   *
   * <pre>
   *   grep -noE '[0-9]{4}\.[0-9]{4,5}(v[0-9]+)?' SEED        (every new-style-looking number)
   *   grep -noiE 'arxiv|arvix|arixv|itp\.ac|10\.[0-9]{4,9}/|[a-z-]+/[0-9]{7}' SEED
   * </pre>
   *
   * <p>The first grep finds exactly these numbers and no others; each is in an arXiv URL (arxiv.org,
   * export.arxiv.org, the mirror xxx.itp.ac.cn; abs, pdf and pdf-with-.pdf paths; one with v1). The
   * second finds no DOI and no old-style id; its other hits are the word "arxiv" in prose (003: "在arxiv上刷到",
   * "arixv"), the typo "arvix" used as a label in 004, and arxiv.org/search author links in 004, none of
   * which is an id. 000 and 003 cite no paper by id (003's dates 2020-07-31 and 001's "2022.09.18",
   * "22.10.06", "2021.04" are not ids). 6 + 10 + 5 = the 21 ids the issue counts; 001's
   * https://arxiv.org/pdf/2012.06908.pdf is one of them.
   */
  static Stream<Arguments> seeds() {
    return Stream.of(
        Arguments.of("000_643db767900e06e2.txt", List.of()),
        Arguments.of(
            "001_7caf8c73364815e7.txt",
            List.of("2012.06908", "2104.08821", "1909.10351", "1903.12136", "2012.01266v1", "2004.02984")),
        Arguments.of(
            "002_a513cab50487f207.txt",
            List.of(
                "1503.02531", "2002.05715", "1912.01412", "2002.08155", "2001.08055", "2002.05638",
                "2002.05709", "2002.06885", "2002.08512", "1909.06576")),
        Arguments.of("003_2074566bdd68eeb8.txt", List.of()),
        Arguments.of(
            "004_424488900405d3ee.txt",
            List.of("1911.11423", "1905.11946", "1704.04861", "1512.03385", "1912.02292")));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void seedCitesExactlyWhatItCites(String seed, List<String> expected) throws IOException {
    String text = Files.readString(RealFixtures.seed(seed), StandardCharsets.UTF_8);
    assertThat(ids(text, DocumentFormat.detect(seed, text))).containsExactlyElementsOf(expected);
    assertThat(ids(text, DocumentFormat.TEXT)).containsExactlyElementsOf(expected);
    assertThat(ids(text, DocumentFormat.MARKDOWN)).containsExactlyElementsOf(expected);
  }

  @Test
  void seedLinesAndMatchedText() throws IOException {
    String text = Files.readString(RealFixtures.seed("002_a513cab50487f207.txt"));
    List<Found> found = extractor.extract(text, DocumentFormat.TEXT);
    assertThat(found.get(1))
        .isEqualTo(new Found(PaperId.arxiv("2002.05715"), "http://xxx.itp.ac.cn/abs/2002.05715", 87));
    String t004 = Files.readString(RealFixtures.seed("004_424488900405d3ee.txt"));
    // 1911.11423 is cited three times (lines 53, 69, 81): the first counts
    assertThat(extractor.extract(t004, DocumentFormat.MARKDOWN).get(0))
        .isEqualTo(new Found(PaperId.arxiv("1911.11423"), "https://arxiv.org/pdf/1911.11423.pdf", 53));
  }

  // --- one-line documents ----------------------------------------------------------------------

  static Stream<Arguments> rows() {
    DocumentFormat t = DocumentFormat.TEXT;
    DocumentFormat md = DocumentFormat.MARKDOWN;
    DocumentFormat h = DocumentFormat.HTML;
    return Stream.of(
        // prefixed ids
        row("arXiv: prefix", t, "see arXiv:1909.10351 for details", "1909.10351"),
        row("upper-case ARXIV: with version", t, "ARXIV:1909.10351v2", "1909.10351v2"),
        row("arxiv then space", t, "arxiv 1909.10351", "1909.10351"),
        row("full-width parentheses", t, "SimCLR（arXiv:2002.05709）提出", "2002.05709"),
        row("full-width colon", t, "论文地址：2002.05709，见附录", "2002.05709"),
        row("ARXIV full-width colon", t, "MoCo（ARXIV：1911.05722）", "1911.05722"),
        row("arXiv preprint citation", t, "arXiv preprint arXiv:1909.10351, 2019.", "1909.10351"),
        // bare ids standing alone
        row("bare id at line end with period", t, "as in 1909.10351.\nnext", "1909.10351"),
        row("bare id in parentheses", t, "TinyBERT (1909.10351) and", "1909.10351"),
        row("bare ids separated by spaces", t, "1909.10351 2002.05709", "1909.10351", "2002.05709"),
        row("ids separated by ; and , without spaces", t, "2002.05709;2002.05715,1909.10351",
            "2002.05709", "2002.05715", "1909.10351"),
        row("ids separated by Chinese punctuation", t, "2002.05709、2002.05715。",
            "2002.05709", "2002.05715"),
        row("numbered list", t, "1. 1909.10351\n2. 2002.05709", "1909.10351", "2002.05709"),
        row("emphasis around ids", md, "**1909.10351** and _2002.05709_", "1909.10351", "2002.05709"),
        row("bare id with .pdf", t, "download 1909.10351.pdf now", "1909.10351"),
        row("4 and 5 digit eras", t, "0704.0001, 1412.9999; 1501.00001", "0704.0001", "1412.9999", "1501.00001"),
        row("bibtex eprint", t, "eprint = {1909.10351},", "1909.10351"),
        row("inline code", md, "run `papers fetch 1909.10351`", "1909.10351"),
        // old style
        row("old style", t, "see hep-th/9901001.", "hep-th/9901001"),
        row("old style, subject class dropped", t, "arXiv:math.GT/0309136v2", "math/0309136v2"),
        // URLs
        row("abs URL with version, trailing dot", t, "https://arxiv.org/abs/1909.10351v1.", "1909.10351v1"),
        row("pdf URL with .pdf", t, "论文地址:https://arxiv.org/pdf/1909.10351.pdf", "1909.10351"),
        row("export mirror pdf v1", t, "http://export.arxiv.org/pdf/2012.01266v1.pdf", "2012.01266v1"),
        row("itp.ac.cn mirror", t, "[2] x: http://xxx.itp.ac.cn/abs/2002.05715", "2002.05715"),
        row("cn.arxiv.org mirror", t, "http://cn.arxiv.org/pdf/2002.05715v2，", "2002.05715v2"),
        row("URL without scheme", t, "at arxiv.org/abs/2002.05709.", "2002.05709"),
        row("old-style URL", t, "https://arxiv.org/abs/hep-th/9901001", "hep-th/9901001"),
        row("URL inside an archive URL", t,
            "https://web.archive.org/web/2020/https://arxiv.org/abs/1909.10351", "1909.10351"),
        row("URL with query and fragment", t, "https://arxiv.org/abs/1909.10351?context=cs#x", "1909.10351"),
        row("space after abs/", t, "https://arxiv.org/abs/ 1909.10351", "1909.10351"),
        row("machine-translated URL", t, "来源:[https://arxiv . org / pdf / 1909 . 10351 . pdf]", "1909.10351"),
        row("machine-translated scheme", t, "https: //xxx.itp.ac.cn/abs/2002.05715", "2002.05715"),
        // Markdown
        row("markdown link", md, "[TinyBERT](https://arxiv.org/abs/1909.10351)", "1909.10351"),
        row("markdown autolink", md, "原文：<https://arxiv.org/abs/1909.10351>", "1909.10351"),
        row("markdown link with title", md, "[x](https://arxiv.org/abs/1909.10351 \"TinyBERT\")", "1909.10351"),
        row("emphasised URL in link text", md,
            "([*https://arxiv.org/abs/1912.02292*](https://arxiv.org/abs/1912.02292)*)*", "1912.02292"),
        row("full-width brackets in link text", md,
            "([【https://arxiv.org/abs/1912.02292】T21](https://arxiv.org/abs/1912.02292)", "1912.02292"),
        row("markdown entity", md, "arXiv&#58;1909.10351", "1909.10351"),
        row("markdown escape", md, "arXiv\\:1909.10351", "1909.10351"),
        // DOIs
        row("arXiv DOI", t, "doi: 10.48550/arXiv.1909.10351.", "1909.10351"),
        row("arXiv DOI URL", t, "https://doi.org/10.48550/arXiv.2002.05709", "2002.05709"),
        row("doi: prefix, trailing period", t, "doi:10.1145/1541880.1541882.", "10.1145/1541880.1541882"),
        row("doi.org URL in parentheses", t,
            "(https://doi.org/10.1145/1541880.1541882)", "10.1145/1541880.1541882"),
        row("DOI in angle brackets and quotes", t,
            "<10.1145/1541880.1541882> \"10.1000/xyz123\",", "10.1145/1541880.1541882", "10.1000/xyz123"),
        row("DOI with balanced parentheses", t,
            "(see 10.1016/0010-4825(94)90006-X)", "10.1016/0010-4825(94)90006-x"),
        row("DOI upper case is lowered", t, "DOI: 10.1109/CVPR.2016.90]", "10.1109/cvpr.2016.90"),
        row("two DOIs with a comma", t, "10.1000/1,10.1000/2", "10.1000/1", "10.1000/2"),
        row("DOI in a publisher URL", t,
            "https://dl.acm.org/doi/10.1145/3394486.3403172", "10.1145/3394486.3403172"),
        row("DOI in a pdf URL", t,
            "https://link.springer.com/content/pdf/10.1007/978-3-030-58452-8_13.pdf",
            "10.1007/978-3-030-58452-8_13"),
        row("DOI with Chinese punctuation", t, "（doi:10.1145/1541880.1541882）。", "10.1145/1541880.1541882"),
        // duplicates
        row("duplicates: the first one counts", t,
            "1909.10351 then arXiv:1909.10351v2 then https://arxiv.org/abs/1909.10351", "1909.10351"),
        row("arXiv DOI and arXiv id are one paper", t,
            "10.48550/arXiv.2002.05709 = arXiv:2002.05709v3", "2002.05709"),
        // HTML
        row("href only", h, "<a href=\"https://arxiv.org/abs/1909.10351\">TinyBERT</a>", "1909.10351"),
        row("HTML entities in text", h, "<p>arXiv&#58;1909.10351&#12290;</p>", "1909.10351"),
        row("HTML entity in href", h,
            "<a href=\"https://doi.org/10.1145/1541880.1541882?a=1&amp;b=2\">x</a>", "10.1145/1541880.1541882"),
        row("HTML nbsp", h, "<p>arXiv&nbsp;1909.10351</p>", "1909.10351"),
        row("HTML table cells", h, "<table><tr><td>1909.10351</td><td>2002.05709</td></tr></table>",
            "1909.10351", "2002.05709"),
        row("HTML inline markup", h, "<p>arXiv:<b>1909.10351</b></p>", "1909.10351"),
        row("HTML relative abs link", h, "<a href=\"/abs/2005.14165v4\">GPT-3</a>", "2005.14165v4"),
        row("HTML script and style", h,
            "<script>var v = \"1909.10351\";</script><style>.a{}</style><p>none</p>"),
        row("HTML comment", h, "<!-- 1909.10351 --><p>none</p>"));
  }

  /** The false positives the brief lists, and more of their kind: each cites nothing. */
  static Stream<Arguments> nothing() {
    return Stream.of(
            "2019.12345", "3.14159", "1909.10", "$1,909.10351", "$1909.10351", "￥1909.10351",
            "1909.10351€", "2020.07.31", "v1.2003.12345", "+86 1909.1035 1234", "+86 1909.10351 1234",
            "010 1909.10351", "10.1909.10351.1", "1909.10351.2", "1909.10351,5", "1909.103512",
            "1909.10351v2a", "x1909.10351", "ver-1909.10351", "foo==2103.00020", "12:1909.10351",
            "1909.10351%", "1909.10351ms", "12,1909.10351", "0612.1234", "0703.12345", "1501.1234", "1412.12345",
            "1413.12345", "hep-xx/9901001", "hep-th/0704001", "math/9913001", "arXiv:2019.12345",
            "arxiv.org/abs/2019.12345", "example.com/abs/1909.10351",
            "https://example.com/1909.10351", "https://github.com/x/tree/1909.10351/y",
            "https://github.com/huggingface/transformers/releases/tag/v2.5.0",
            "https://www . cv-foundation . org/open access/content _ cvpr _ 2016/papers/He _ Deep _ "
                + "Residual _ Learning _ CVPR _ 2016 _ paper . pdf",
            "https://www.sciencedirect.com/science/article/abs/pii/S0031320319302",
            "10.1234", "10.12/abc", "x10.1145/1541880", "a/10.1145/1541880", "被引量:11797(谷歌学术)",
            "阅读时间:22.10.06", "2022.09.18", "1.313bpc", "(+1.4%)", "$1909.10351$")
        .map(Arguments::of);
  }

  private static Arguments row(String name, DocumentFormat format, String text, String... expected) {
    return Arguments.of(name, format, text, List.of(expected));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void findsWhatIsCited(String name, DocumentFormat format, String text, List<String> expected) {
    assertThat(ids(text, format)).as(text).containsExactlyElementsOf(expected);
  }

  @ParameterizedTest(name = "not a citation: {0}")
  @MethodSource("nothing")
  void findsNothingIn(String text) {
    for (DocumentFormat f : DocumentFormat.values()) {
      assertThat(ids(text, f)).as(f + ": " + text).isEmpty();
      assertThat(ids("前文 " + text + " 后文\n", f)).as(f + " in prose: " + text).isEmpty();
    }
  }

  // --- own documents under src/test/resources/import/ ------------------------------------------

  @Test
  void markdownNotes() {
    String text = resource("notes-zh.md");
    assertThat(DocumentFormat.detect("notes-zh.md", text)).isEqualTo(DocumentFormat.MARKDOWN);
    List<Found> found = extractor.extract(text, DocumentFormat.MARKDOWN);
    assertThat(found.stream().map(f -> f.id().display() + "@" + f.line()))
        .containsExactly(
            "1909.10351@7",
            "1503.02531v1@8",
            "2104.08821@9",
            "2012.01266v1@10",
            "2002.05709@11",
            "1911.05722@11",
            "2012.06908v2@12",
            "2002.02925v4@18",
            "10.1145/1541880.1541882@19",
            "1910.01108@20",
            "hep-th/9901001v3@21",
            "math/0309136@21",
            "2004.02984@22",
            "2002.08155@24",
            "1905.11946@28");
    assertThat(found.get(found.size() - 1).matched()).isEqualTo("https://arxiv . org/abs/ 1905 . 11946");
    assertThat(found.get(1).matched()).isEqualTo("http://xxx.itp.ac.cn/abs/1503.02531v1");
    assertThat(found.get(9).id().kind()).isEqualTo(PaperId.Kind.ARXIV);
  }

  @Test
  void htmlReadingList() {
    String html = resource("reading-list.html");
    assertThat(DocumentFormat.detect("reading-list.html", html)).isEqualTo(DocumentFormat.HTML);
    assertThat(DocumentFormat.detect("-", html)).isEqualTo(DocumentFormat.HTML);
    List<Found> found = extractor.extract(html, DocumentFormat.HTML);
    assertThat(found.stream().map(f -> f.id().display() + "@" + f.line()))
        .containsExactly(
            "1706.03762@5",
            "2002.05715@13",
            "2005.14165@14",
            "2104.08821v3@14",
            "1810.04805@15",
            "1907.11692@15",
            "1909.11942@15",
            "10.1109/cvpr.2016.90@17",
            "10.1145/1541880.1541882@18",
            "1512.03385@19",
            "10.1145/3394486.3403172@20",
            "1912.02292@22",
            "1905.11946@22");
  }

  @Test
  void notCitationsFileYieldsNothing() {
    String text = resource("not-citations.txt");
    for (DocumentFormat f : DocumentFormat.values()) {
      assertThat(extractor.extract(text, f)).as(f.toString()).isEmpty();
    }
  }

  @Test
  void linesAndMatchedTextInPlainText() {
    String text = "title\n\nsee arXiv:1909.10351,\nand (https://arxiv.org/pdf/2002.05709v2.pdf).\n"
        + "again 1909.10351v3\r\nlast 10.1145/1541880.1541882.";
    assertThat(extractor.extract(text, DocumentFormat.TEXT))
        .containsExactly(
            new Found(PaperId.arxiv("1909.10351"), "arXiv:1909.10351", 3),
            new Found(PaperId.arxiv("2002.05709v2"), "https://arxiv.org/pdf/2002.05709v2.pdf", 4),
            new Found(PaperId.doi("10.1145/1541880.1541882"), "10.1145/1541880.1541882", 6));
  }

  @Test
  void emptyDocuments() {
    for (DocumentFormat f : DocumentFormat.values()) {
      assertThat(extractor.extract("", f)).isEmpty();
      assertThat(extractor.extract(null, f)).isEmpty();
    }
  }

  @Test
  void detectsFormats() {
    assertThat(DocumentFormat.detect("a.HTM", "")).isEqualTo(DocumentFormat.HTML);
    assertThat(DocumentFormat.detect("dir.v2/notes.markdown", "<html>")).isEqualTo(DocumentFormat.MARKDOWN);
    assertThat(DocumentFormat.detect("a.txt", "plain 1909.10351")).isEqualTo(DocumentFormat.TEXT);
    assertThat(DocumentFormat.detect("a.txt", "\uFEFF  <!DOCTYPE html><p>x")).isEqualTo(DocumentFormat.HTML);
    assertThat(DocumentFormat.detect(null, "<!-- saved -->\n<html><body>x</body></html>")).isEqualTo(DocumentFormat.HTML);
    assertThat(DocumentFormat.detect("-", "# Title\n\ntext")).isEqualTo(DocumentFormat.MARKDOWN);
    assertThat(DocumentFormat.detect("notes", "see [x](https://arxiv.org/abs/1909.10351)")).isEqualTo(DocumentFormat.MARKDOWN);
    assertThat(DocumentFormat.detect("notes", "a <b>bold</b> claim")).isEqualTo(DocumentFormat.TEXT);
    assertThat(DocumentFormat.detect("a.md", null)).isEqualTo(DocumentFormat.MARKDOWN);
    assertThat(DocumentFormat.detect(null, null)).isEqualTo(DocumentFormat.TEXT);
  }
}
