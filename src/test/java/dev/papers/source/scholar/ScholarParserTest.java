package dev.papers.source.scholar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.papers.testing.RealFixtures;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScholarParserTest {
  private static final String REAL_2020 = "scholar/scholar_2020_search_results_10_of_about30_geomap.html";
  private static final String SEARCH_URL = "https://scholar.google.com/scholar?q=geology&hl=en";

  private static String own(String name) {
    return new String(RealFixtures.resource("scholar/" + name), StandardCharsets.UTF_8);
  }

  @Test
  void realPage2020() {
    ScholarPage page = ScholarParser.parse(RealFixtures.text(REAL_2020), SEARCH_URL);

    assertThat(page.results()).hasSize(10);
    assertThat(page.results()).extracting(ScholarResult::citedBy)
        .containsExactly(4, 6, 80, 7, 30, 92, 67, 18, 41, 3);
    assertThat(page.total()).isEqualTo(30L);
    assertThat(page.citedByPage()).isFalse();
    assertThat(page.citesId()).isNull();
    assertThat(page.nextUrl()).startsWith("https://scholar.google.com/scholar?start=10&q=Geology");

    ScholarResult first = page.results().get(0);
    assertThat(first.kind()).isEqualTo("CITATION");
    assertThat(first.title()).isEqualTo("Geology of the Olympus Range Area, Southern Victoria Land");
    assertThat(first.link()).isNull();
    assertThat(first.citesId()).isEqualTo("15801554877513113826");
    assertThat(first.clusterId()).isEqualTo("15801554877513113826");
    assertThat(ClusterIds.fromDataCid("4qAC3XBmStsJ")).isEqualTo(first.clusterId());
    assertThat(first.versions()).isNull();
    assertThat(first.authors()).containsExactly("MJ Isaac", "TJ Chinn", "SW Edbrooke", "PJ Forsyth");
    assertThat(first.year()).isEqualTo(1996);
    assertThat(first.venue()).isEqualTo("Antarctica. Institute of Geological and …");
    assertThat(first.publisher()).isNull();

    ScholarResult second = page.results().get(1);
    assertThat(second.kind()).isEqualTo("PDF");
    assertThat(second.title()).isEqualTo(
        "Plutonic rocks from the Cape Roberts hinterland: Wilson piedmont glacier, southern Victoria land, Antarctica");
    assertThat(second.pdfLink()).isEqualTo(
        "http://sidst3.dst.unisi.it/english/Publications/TAP/TA_pdfs/Volume_09/TA_09_057_Forsyth.pdf");
    assertThat(second.versions()).isEqualTo(3);
    assertThat(second.authors()).containsExactly("PJ Forsyth", "N Mortimer", "IM Turnbull");
    assertThat(second.venue()).isEqualTo("Terra Antartica");
    assertThat(second.year()).isEqualTo(2002);
    assertThat(second.publisher()).isEqualTo("sidst3.dst.unisi.it");
    assertThat(second.snippet()).startsWith("Previous geological mapping of the inland Dry Valleys area")
        .doesNotContain("\n");

    ScholarResult third = page.results().get(2);
    assertThat(third.kind()).isNull();
    assertThat(third.title()).contains("Cambrian–Ordovician Ross orogeny");
    assertThat(third.link()).isEqualTo("https://pubs.geoscienceworld.org/gsa/gsabulletin/article/114/8/1007/183884");
    assertThat(third.pdfLink()).isNull();

    ScholarResult sixth = page.results().get(5);
    assertThat(sixth.authors()).containsExactly("S Bannister", "J Yu", "B Leitner");

    ScholarResult last = page.results().get(9);
    assertThat(last.authors()).containsExactly("B VandenHeuvel");
    assertThat(last.venue()).isNull();
    assertThat(last.year()).isEqualTo(2002);
    assertThat(last.publisher()).isEqualTo("digitalcommons.library.umaine.edu");

    for (ScholarResult r : page.results()) {
      assertThat(r.clusterId()).as(r.title()).isEqualTo(r.citesId());
    }
    assertThat(ScholarParser.looksLikeScholarPage(RealFixtures.text(REAL_2020))).isTrue();
  }

  @Test
  void citedByPageWithTenResults() {
    ScholarPage page = ScholarParser.parse(own("cited_by_10.html"),
        "https://scholar.google.com/scholar?cites=15801554877513113826&hl=en");

    assertThat(page.citedByPage()).isTrue();
    assertThat(page.citesId()).isEqualTo("15801554877513113826");
    assertThat(page.total()).isEqualTo(1234L);
    assertThat(page.results()).hasSize(10);
    assertThat(page.results()).extracting(ScholarResult::citedBy)
        .containsExactly(25, 112, 3, null, 7, 1234, 9, 410, null, 58);
    assertThat(page.results()).extracting(ScholarResult::kind)
        .containsExactly(null, "PDF", "BOOK", "CITATION", "HTML", null, null, null, null, null);
    assertThat(page.nextUrl()).isEqualTo(
        "https://scholar.google.com/scholar?start=10&hl=en&as_sdt=2005&sciodt=0,5&cites=15801554877513113826&scipsc=");
    for (int i = 0; i < 10; i++) {
      assertThat(page.results().get(i).clusterId()).isEqualTo(new java.math.BigInteger("12000000000000000000").add(java.math.BigInteger.valueOf(i + 1)).toString());
    }
    ScholarResult merged = page.results().get(6);
    assertThat(merged.citesId()).isEqualTo("12000000000000000007,12000000000000000070");
    assertThat(merged.publisher()).isEqualTo("Taylor & Francis");
    ScholarResult pdf = page.results().get(1);
    assertThat(pdf.pdfLink()).isEqualTo("https://example.org/pdfs/dry.pdf");
    assertThat(pdf.authors()).containsExactly("DR Marchant", "GH Denton", "CC Swisher");
    assertThat(pdf.venue()).isEqualTo("Geological Society of …");
    ScholarResult nbsp = page.results().get(9);
    assertThat(nbsp.authors()).containsExactly("GH Denton", "ME Prentice");
    assertThat(nbsp.venue()).isEqualTo("Geomorphology");
    assertThat(nbsp.year()).isEqualTo(1993);
    assertThat(nbsp.publisher()).isEqualTo("Elsevier");
    ScholarResult book = page.results().get(2);
    assertThat(book.title()).isEqualTo("Antarctic Geology");
    assertThat(book.link()).isNull();
    assertThat(book.venue()).isNull();
    assertThat(book.year()).isEqualTo(1991);
  }

  @Test
  void citedByPageRecognizedWithoutItsUrl() {
    ScholarPage page = ScholarParser.parse(own("cited_by_10.html"), null);
    assertThat(page.citedByPage()).isTrue();
    assertThat(page.citesId()).isEqualTo("15801554877513113826");
    // relative links stay relative when the page's address is unknown
    assertThat(page.nextUrl()).startsWith("/scholar?start=10");
  }

  @Test
  void savedFromUrlCommentGivesTheBase() {
    String html = "<!-- saved from url=(0066)https://scholar.google.com/scholar?cites=15801554877513113826&hl=en -->\n"
        + own("best_result.html");
    ScholarPage page = ScholarParser.parse(html, null);
    assertThat(page.citedByPage()).isTrue();
    assertThat(page.citesId()).isEqualTo("15801554877513113826");
    assertThat(page.results().get(0).pdfLink()).startsWith("https://proceedings.neurips.cc/");
  }

  @Test
  void bestResultPageHasNoTotal() {
    ScholarPage page = ScholarParser.parse(own("best_result.html"), SEARCH_URL);
    assertThat(page.total()).isNull();
    assertThat(page.results()).hasSize(1); // the "User profiles for" box is not a result
    ScholarResult r = page.results().get(0);
    assertThat(r.title()).isEqualTo("Attention is all you need");
    assertThat(r.citedBy()).isEqualTo(107745);
    assertThat(r.versions()).isEqualTo(72);
    assertThat(r.clusterId()).isEqualTo("2960712678066186980");
    assertThat(r.authors()).containsExactly("A Vaswani", "N Shazeer", "N Parmar");
    assertThat(r.firstAuthorFamily()).isEqualTo("Vaswani");
    assertThat(r.year()).isEqualTo(2017);
    assertThat(page.nextUrl()).isNull();
    assertThat(page.citedByPage()).isFalse();
  }

  @Test
  void noResultsPageIsZeroNotUnknown() {
    ScholarPage page = ScholarParser.parse(own("no_results.html"), SEARCH_URL);
    assertThat(page.results()).isEmpty();
    assertThat(page.total()).isEqualTo(0L);
    assertThat(ScholarParser.looksLikeScholarPage(own("no_results.html"))).isTrue();
  }

  @Test
  void germanPage() {
    ScholarPage page = ScholarParser.parse(own("german.html"), "https://scholar.google.de/scholar?q=x&hl=de");
    assertThat(page.total()).isEqualTo(1230L);
    assertThat(page.results()).extracting(ScholarResult::citedBy).containsExactly(12, 1234, null);
    assertThat(page.results()).extracting(ScholarResult::kind).containsExactly(null, "BOOK", "CITATION");
    ScholarResult first = page.results().get(0);
    assertThat(first.versions()).isEqualTo(5);
    assertThat(first.authors()).containsExactly("M Müller", "J Schröder");
    assertThat(first.venue()).isEqualTo("Zeitschrift für Physik");
    assertThat(first.year()).isEqualTo(1998);
    assertThat(page.results().get(2).title()).isEqualTo("Über die Wärmeleitung");
    assertThat(page.nextUrl()).isEqualTo("https://scholar.google.de/scholar?start=10&q=quantenmechanik&hl=de&as_sdt=0,5");
  }

  @Test
  void chinesePageAsText() {
    ScholarPage page = ScholarParser.parse(own("chinese_gb2312.html"), SEARCH_URL);
    assertChinese(page);
  }

  @Test
  void chinesePageAsGbkBytesWithTheCharsetOnlyInMeta() {
    byte[] gbk = own("chinese_gb2312.html").getBytes(Charset.forName("GBK"));
    assertThat(new String(gbk, StandardCharsets.UTF_8)).doesNotContain("被引用次数");
    assertChinese(ScholarParser.parse(gbk, null, SEARCH_URL));
    assertChinese(ScholarParser.parse(gbk, "text/html", SEARCH_URL)); // no charset parameter
  }

  private static void assertChinese(ScholarPage page) {
    assertThat(page.total()).isEqualTo(6961L);
    assertThat(page.results()).extracting(ScholarResult::citedBy).containsExactly(1234, 56);
    assertThat(page.results()).extracting(ScholarResult::versions).containsExactly(3, null);
    assertThat(page.results().get(0).title()).isEqualTo("深度学习在图像识别中的应用");
    assertThat(page.results().get(0).authors()).containsExactly("张三", "李四");
    assertThat(page.results().get(0).venue()).isEqualTo("计算机学报");
    assertThat(page.results().get(1).kind()).isEqualTo("BOOK");
  }

  @Test
  void japanesePageAsShiftJisBytesWithTheCharsetInTheHeader() {
    // The page's <meta> also says Shift_JIS; the header must win, so give it a wrong meta.
    String html = own("japanese.html").replace("charset=Shift_JIS", "charset=ISO-8859-1");
    byte[] sjis = html.getBytes(Charset.forName("Shift_JIS"));
    ScholarPage page = ScholarParser.parse(sjis, "text/html; charset=Shift_JIS", SEARCH_URL);
    assertThat(page.total()).isEqualTo(250L);
    ScholarResult r = page.results().get(0);
    assertThat(r.title()).isEqualTo("日本語の論文タイトル");
    assertThat(r.citedBy()).isEqualTo(57);
    assertThat(r.versions()).isEqualTo(4);
    assertThat(r.authors()).containsExactly("山田太郎", "鈴木花子");
  }

  @Test
  void latin1BytesWithTheCharsetOnlyInMeta() throws Exception {
    byte[] bytes = RealFixtures.resource("scholar/latin1_meta_only.html");
    // The test means something only if the bytes are not UTF-8.
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)))
        .isInstanceOf(CharacterCodingException.class);
    ScholarPage page = ScholarParser.parse(bytes, null, SEARCH_URL);
    ScholarResult r = page.results().get(0);
    assertThat(r.title()).isEqualTo("Économie des réseaux: théorie et pratique");
    assertThat(r.authors()).containsExactly("J Müller", "F Lévêque");
    assertThat(r.venue()).isEqualTo("Revue d'économie");
    assertThat(r.snippet()).isEqualTo("Résumé … ± 5 %");
    assertThat(r.citedBy()).isEqualTo(31);
    assertThat(page.total()).isEqualTo(2L);
    // A header charset wins over the page's <meta>.
    ScholarPage wrong = ScholarParser.parse(bytes, "text/html; charset=UTF-8", SEARCH_URL);
    assertThat(wrong.results().get(0).title()).isNotEqualTo(r.title());
  }

  @Test
  void legacyLayout() {
    ScholarPage page = ScholarParser.parse(own("legacy_2012.html"), "http://scholar.google.com/scholar?q=hinton");
    assertThat(page.total()).isEqualTo(6961L);
    assertThat(page.results()).hasSize(4);
    assertThat(page.nextUrl()).isEqualTo("http://scholar.google.com/scholar?start=10&q=hinton&hl=en&as_sdt=0,5");

    ScholarResult a = page.results().get(0);
    assertThat(a.title()).isEqualTo("Training products of experts by minimizing contrastive divergence");
    assertThat(a.citedBy()).isEqualTo(3960);
    assertThat(a.versions()).isEqualTo(25);
    assertThat(a.clusterId()).isEqualTo("12104496104447449137");
    assertThat(a.pdfLink()).isEqualTo("http://www.cs.toronto.edu/~hinton/absps/tr00-004.pdf");
    assertThat(a.authors()).containsExactly("GE Hinton");
    assertThat(a.venue()).isEqualTo("Neural computation");
    assertThat(a.year()).isEqualTo(2002);
    assertThat(a.publisher()).isEqualTo("MIT Press");

    ScholarResult b = page.results().get(1);
    assertThat(b.kind()).isEqualTo("BOOK");
    assertThat(b.title()).isEqualTo("Pattern recognition and machine learning");
    assertThat(b.year()).isEqualTo(2006);
    assertThat(b.clusterId()).isEqualTo("8163128195496355409");

    ScholarResult c = page.results().get(2);
    assertThat(c.kind()).isEqualTo("CITATION");
    assertThat(c.title()).isEqualTo("Learning multiple layers of features from tiny images");
    assertThat(c.authors()).containsExactly("A Krizhevsky", "G Hinton");
    assertThat(c.year()).isEqualTo(2009);
    assertThat(c.clusterId()).isEqualTo("7207640926484431131");

    ScholarResult d = page.results().get(3);
    assertThat(d.kind()).isEqualTo("PDF"); // a plain-text marker
    assertThat(d.title()).isEqualTo("A fast learning algorithm for deep belief nets");
    assertThat(d.pdfLink()).isEqualTo("http://example.edu/old/paper.pdf");
    assertThat(d.citedBy()).isNull();
    assertThat(d.clusterId()).isEqualTo("4344411522917342734"); // from the related: link
  }

  @Test
  void unsignedClusterIdsAbove2To63() {
    ScholarPage page = ScholarParser.parse(own("unsigned_cluster_ids.html"), SEARCH_URL);
    assertThat(page.results().get(0).clusterId()).isEqualTo("18446744073709551615");
    assertThat(page.results().get(0).citesId()).isEqualTo("18446744073709551615");
    assertThat(page.results().get(1).clusterId()).isEqualTo("9223372036854775808");
    assertThat(ClusterIds.fromDataCid("__________8J")).isEqualTo("18446744073709551615");
    assertThat(ClusterIds.toDataCid("18446744073709551615")).isEqualTo("__________8J");
    assertThat(ClusterIds.fromDataCid("AAAAAAAAAIAJ")).isEqualTo("9223372036854775808");
  }

  @ParameterizedTest
  @CsvSource({
    "4qAC3XBmStsJ, 15801554877513113826",
    "cXeT3ShOpHEJ, 8188755959889491825",
    "eDyUGDpGRA4J, 1028023830281731192",
  })
  void dataCidDecodesToTheCitesNumber(String dataCid, String cluster) {
    assertThat(ClusterIds.fromDataCid(dataCid)).isEqualTo(cluster);
    assertThat(ClusterIds.toDataCid(cluster)).isEqualTo(dataCid);
  }

  @Test
  void clusterIdValidation() {
    assertThat(ClusterIds.isValid("18446744073709551615")).isTrue();
    assertThat(ClusterIds.isValid("18446744073709551616")).isFalse();
    assertThat(ClusterIds.isValid("-1")).isFalse();
    assertThat(ClusterIds.normalize("007")).isEqualTo("7");
    assertThat(ClusterIds.fromDataCid("abc")).isNull();
    assertThat(ClusterIds.fromDataCid("!!!!")).isNull();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "Cited by 4|4",
    "Zitiert von: 1.234|1234",
    "被引用次数：1234|1234",
    "Cité 12 fois|12",
    "Citado por 1,234|1234",
    "Cited by 12 345|12345",
  })
  void countsInAnyLanguage(String label, int n) {
    assertThat(ScholarParser.number(label)).isEqualTo(n);
  }

  @Test
  void notAScholarPage() {
    assertThat(ScholarParser.looksLikeScholarPage("<html><body><p>References: [1] Hinton 2002</p></body></html>")).isFalse();
    assertThat(ScholarParser.looksLikeScholarPage(own("cited_by_10.html"))).isTrue();
    assertThat(ScholarParser.parse("<html><body>hello</body></html>", null).total()).isNull();
  }

  @Test
  void charsetLabelsAsBrowsersReadThem() {
    assertThat(dev.papers.discover.DocumentReader.charset("ISO-8859-1").name()).isEqualTo("windows-1252");
    assertThat(dev.papers.discover.DocumentReader.charset("gb2312").name()).isEqualTo("GB18030");
    assertThat(dev.papers.discover.DocumentReader.charset("no-such-charset")).isNull();
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'o', 'k'};
    assertThat(ScholarParser.decode(bom, "text/html; charset=ISO-8859-1")).isEqualTo("ok");
    assertThat(List.of(ScholarParser.decode("<meta charset=\"latin1\">\u00e9".getBytes(StandardCharsets.ISO_8859_1), null)))
        .containsExactly("<meta charset=\"latin1\">é");
  }
}
