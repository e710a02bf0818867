package dev.papers.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class PaperIdTest {

  static Stream<Arguments> valid() {
    return Stream.of(
        // input, cache key, version (or null)
        Arguments.of("1909.10351", "arxiv:1909.10351", null),
        Arguments.of("1909.10351v2", "arxiv:1909.10351", 2),
        Arguments.of("arXiv:1909.10351", "arxiv:1909.10351", null),
        Arguments.of("ARXIV:1909.10351v12", "arxiv:1909.10351", 12),
        Arguments.of("  1909.10351\n", "arxiv:1909.10351", null),
        Arguments.of("0704.0001", "arxiv:0704.0001", null),
        Arguments.of("1412.9999", "arxiv:1412.9999", null),
        Arguments.of("1501.00001", "arxiv:1501.00001", null),
        Arguments.of("2312.12345v1", "arxiv:2312.12345", 1),
        Arguments.of("hep-th/9901001", "arxiv:hep-th/9901001", null),
        Arguments.of("hep-th/9901001v3", "arxiv:hep-th/9901001", 3),
        Arguments.of("math.GT/0309136", "arxiv:math/0309136", null),
        Arguments.of("arXiv:cond-mat/0603029v1", "arxiv:cond-mat/0603029", 1),
        Arguments.of("hep-ex/0406020v1", "arxiv:hep-ex/0406020", 1),
        Arguments.of("cs.AI/0703001", "arxiv:cs/0703001", null),
        // URLs, seeds first
        Arguments.of("https://arxiv.org/pdf/1909.10351.pdf", "arxiv:1909.10351", null),
        Arguments.of("http://export.arxiv.org/pdf/2012.01266v1.pdf", "arxiv:2012.01266", 1),
        Arguments.of("http://xxx.itp.ac.cn/abs/2002.05715", "arxiv:2002.05715", null),
        Arguments.of("https://export.arxiv.org/pdf/2104.08821.pdf", "arxiv:2104.08821", null),
        Arguments.of("https://arxiv.org/pdf/2004.02984", "arxiv:2004.02984", null),
        Arguments.of("https://arxiv.org/abs/1912.02292", "arxiv:1912.02292", null),
        Arguments.of("https://arxiv.org/abs/1909.10351", "arxiv:1909.10351", null),
        Arguments.of("https://arxiv.org/pdf/1909.10351v1", "arxiv:1909.10351", 1),
        Arguments.of("http://export.arxiv.org/pdf/2104.08821.pdf", "arxiv:2104.08821", null),
        Arguments.of("HTTPS://ARXIV.ORG/abs/1909.10351?context=cs", "arxiv:1909.10351", null),
        Arguments.of("https://arxiv.org/abs/hep-th/9901001v2", "arxiv:hep-th/9901001", 2),
        Arguments.of("https://cn.arxiv.org:8443/abs/1706.03762#x", "arxiv:1706.03762", null),
        // DOIs
        Arguments.of("10.48550/arXiv.1909.10351", "arxiv:1909.10351", null),
        Arguments.of("doi:10.48550/ARXIV.2002.05709", "arxiv:2002.05709", null),
        Arguments.of("10.1145/1541880.1541882", "doi:10.1145/1541880.1541882", null),
        Arguments.of("doi:10.1145/1541880.1541882", "doi:10.1145/1541880.1541882", null),
        Arguments.of("DOI:10.1103/PhysRevB.85.115117", "doi:10.1103/physrevb.85.115117", null),
        Arguments.of("https://doi.org/10.1145/1541880.1541882", "doi:10.1145/1541880.1541882", null),
        Arguments.of("http://dx.doi.org/10.18653/v1/N19-1423", "doi:10.18653/v1/n19-1423", null),
        Arguments.of("10.1002/(SICI)1097-4571(199009)41:6<391::AID-ASI1>3.0.CO;2-9",
            "doi:10.1002/(sici)1097-4571(199009)41:6<391::aid-asi1>3.0.co;2-9", null),
        // Semantic Scholar and Scholar
        Arguments.of("204e3073870fae3d05bcbc2f6a8e263d9b72e776", "s2:204e3073870fae3d05bcbc2f6a8e263d9b72e776", null),
        Arguments.of("204E3073870FAE3D05BCBC2F6A8E263D9B72E776", "s2:204e3073870fae3d05bcbc2f6a8e263d9b72e776", null),
        Arguments.of("CorpusId:13756489", "corpus:13756489", null),
        Arguments.of("corpusid:13756489", "corpus:13756489", null),
        Arguments.of("scholar:15570691018430890829", "scholar:15570691018430890829", null),
        Arguments.of("Scholar:18446744073709551615", "scholar:18446744073709551615", null),
        Arguments.of("https://scholar.google.com/scholar?cluster=15801554877513113826&hl=en",
            "scholar:15801554877513113826", null),
        // OpenAlex work ids
        Arguments.of("W2741809807", "openalex:W2741809807", null),
        Arguments.of("w2741809807", "openalex:W2741809807", null),
        Arguments.of("openalex:W2741809807", "openalex:W2741809807", null),
        Arguments.of("OpenAlex:w7104728135", "openalex:W7104728135", null),
        Arguments.of("https://openalex.org/W2741809807", "openalex:W2741809807", null),
        Arguments.of("http://openalex.org/W2741809807/", "openalex:W2741809807", null),
        Arguments.of("https://api.openalex.org/works/W2741809807", "openalex:W2741809807", null));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("valid")
  void parsesEveryContractForm(String input, String key, Integer version) {
    PaperId id = PaperId.parse(input);
    assertThat(id.key()).isEqualTo(key);
    assertThat(id.version()).isEqualTo(version);
    // every id the tool prints is accepted back, and lands on the same key
    assertThat(PaperId.parse(id.display()).key()).isEqualTo(key);
    assertThat(PaperId.parse(id.key()).key()).isEqualTo(key);
  }

  static Stream<String> invalid() {
    return Stream.of(
        "1909.1035", // four digits after 2019
        "1909.103511", // six digits
        "2019.12345", // month 19
        "1913.12345", // month 13
        "1900.12345", // month 00
        "0703.1234", // before 0704 with new style
        "0612.1234",
        "1412.12345", // five digits before 2015
        "1501.1234", // four digits from 2015
        "1909.10351v0", // versions start at 1
        "1909.10351v", // dangling v
        "hep-th/9913001", // month 13
        "hep-th/0801001", // old style ended in March 2007
        "foo-bar/9901001", // no such archive
        "hep-th/990100", // six digits
        "../../etc/passwd",
        "..%2F..%2Fetc%2Fpasswd",
        "/etc/passwd",
        "arxiv:",
        "doi:",
        "10.1145",
        "10.12/x", // registrant too short
        "10.1145/ spaced",
        "CorpusId:abc",
        "scholar:18446744073709551616", // 2^64
        "scholar:-1",
        "204e3073870fae3d05bcbc2f6a8e263d9b72e77", // 39 hex
        "https://example.com/paper/1909.10351",
        "https://arxiv.org/list/cs.CL/recent",
        "https://arxiv.org/abs/2019.12345",
        "ftp://arxiv.org/abs/1909.10351",
        "",
        "   ",
        "1909.10351\u0000",
        "1909.\u001b[31m10351",
        "tinybert",
        "1909 10351",
        "3.14159",
        "W", // no digits
        "W0",
        "W12a",
        "openalex:A5050444884", // an author, not a work
        "https://openalex.org/A5050444884",
        "https://openalex.org/works/W1/extra",
        "openalex:");
  }

  @ParameterizedTest(name = "refuses {0}")
  @MethodSource("invalid")
  void refusesWhatIsNoIdentifier(String input) {
    assertThatThrownBy(() -> PaperId.parse(input))
        .isInstanceOf(InvalidIdException.class)
        .hasMessageStartingWith("not a paper identifier: \"");
    assertThat(PaperId.tryParse(input)).isNull();
  }

  @Test
  void messageQuotesTheInputPrintablyAndShortly() {
    String big = "x".repeat(10 * 1024);
    assertThatThrownBy(() -> PaperId.parse(big))
        .hasMessageContaining("\"" + "x".repeat(80) + "…\" (10240 characters)")
        .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(200));
    assertThatThrownBy(() -> PaperId.parse("ab\u0007c\nd"))
        .hasMessageContaining("\"ab\\u0007c\\u000ad\"");
    assertThatThrownBy(() -> PaperId.parse(null)).isInstanceOf(InvalidIdException.class);
  }

  @Test
  void versionIsDroppedFromTheKeyButKept() {
    PaperId id = PaperId.parse("https://arxiv.org/abs/1909.10351v3");
    assertThat(id.withoutVersion().display()).isEqualTo("1909.10351");
    assertThat(id.display()).isEqualTo("1909.10351v3");
  }
}
