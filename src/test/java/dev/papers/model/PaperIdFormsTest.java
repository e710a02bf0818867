package dev.papers.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The link forms of ML newsletters: paper pages, ACL Anthology, DOIs inside publisher URLs. */
class PaperIdFormsTest {

  static Stream<Arguments> valid() {
    return Stream.of(
        // Hugging Face and alphaXiv paper pages use arXiv ids
        Arguments.of("https://huggingface.co/papers/1909.10351", "arxiv:1909.10351"),
        Arguments.of("https://huggingface.co/papers/2402.17764#community", "arxiv:2402.17764"),
        Arguments.of("https://hf.co/papers/2305.18290", "arxiv:2305.18290"),
        Arguments.of("https://www.alphaxiv.org/abs/1909.10351", "arxiv:1909.10351"),
        Arguments.of("https://alphaxiv.org/abs/2412.19437v2", "arxiv:2412.19437"),
        Arguments.of("https://www.alphaxiv.org/overview/2501.12948", "arxiv:2501.12948"),
        // Semantic Scholar paper pages
        Arguments.of(
            "https://www.semanticscholar.org/paper/Attention-is-All-you-Need-Vaswani-Shazeer/"
                + "204e3073870fae3d05bcbc2f6a8e263d9b72e776",
            "s2:204e3073870fae3d05bcbc2f6a8e263d9b72e776"),
        Arguments.of("https://www.semanticscholar.org/paper/204E3073870FAE3D05BCBC2F6A8E263D9B72E776",
            "s2:204e3073870fae3d05bcbc2f6a8e263d9b72e776"),
        Arguments.of("https://www.semanticscholar.org/paper/204e3073870fae3d05bcbc2f6a8e263d9b72e776/",
            "s2:204e3073870fae3d05bcbc2f6a8e263d9b72e776"),
        Arguments.of("https://api.semanticscholar.org/CorpusID:13756489", "corpus:13756489"),
        // ACL Anthology
        Arguments.of("ACL:N19-1423", "acl:N19-1423"),
        Arguments.of("acl:n19-1423", "acl:N19-1423"),
        Arguments.of("ACL:2020.findings-emnlp.372", "acl:2020.findings-emnlp.372"),
        Arguments.of("https://aclanthology.org/N19-1423/", "acl:N19-1423"),
        Arguments.of("https://aclanthology.org/N19-1423.pdf", "acl:N19-1423"),
        Arguments.of("https://aclanthology.org/2020.findings-emnlp.372.pdf", "acl:2020.findings-emnlp.372"),
        Arguments.of("https://aclanthology.org/2020.acl-main.463v2.pdf", "acl:2020.acl-main.463"),
        Arguments.of("https://www.aclweb.org/anthology/P18-1031.pdf", "acl:P18-1031"),
        Arguments.of("https://www.aclweb.org/anthology/2020.acl-main.703", "acl:2020.acl-main.703"),
        // DOIs inside publisher URLs
        Arguments.of("https://dl.acm.org/doi/10.1145/3383583.3398584", "doi:10.1145/3383583.3398584"),
        Arguments.of("https://dl.acm.org/doi/abs/10.1145/3383583.3398584?download=true",
            "doi:10.1145/3383583.3398584"),
        Arguments.of("https://dl.acm.org/doi/pdf/10.1145/3383583.3398584", "doi:10.1145/3383583.3398584"),
        Arguments.of("http://doi.acm.org/10.1145/1541880.1541882", "doi:10.1145/1541880.1541882"),
        Arguments.of("https://www.biorxiv.org/content/10.1101/622803v1.full.pdf", "doi:10.1101/622803"),
        Arguments.of("https://www.biorxiv.org/content/10.1101/622803v3", "doi:10.1101/622803"),
        Arguments.of("https://www.biorxiv.org/content/10.1101/2020.03.04.976662v1.full",
            "doi:10.1101/2020.03.04.976662"),
        Arguments.of("https://www.medrxiv.org/content/10.1101/2020.04.14.20062463v2.full.pdf",
            "doi:10.1101/2020.04.14.20062463"),
        Arguments.of("https://link.springer.com/chapter/10.1007/978-3-030-58452-8_13",
            "doi:10.1007/978-3-030-58452-8_13"),
        Arguments.of("https://onlinelibrary.wiley.com/doi/epdf/10.1002/widm.1249", "doi:10.1002/widm.1249"),
        Arguments.of("https://journals.plos.org/plosone/article?id=10.1371/journal.pone.0130140",
            "doi:10.1371/journal.pone.0130140"),
        Arguments.of("https://dl.acm.org/doi/10.48550/arXiv.1909.10351", "arxiv:1909.10351"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("valid")
  void parses(String input, String key) {
    PaperId id = PaperId.parse(input);
    assertThat(id.key()).isEqualTo(key);
    assertThat(PaperId.parse(id.display()).key()).isEqualTo(key);
    assertThat(PaperId.parse(id.key()).key()).isEqualTo(key);
  }

  static Stream<String> invalid() {
    return Stream.of(
        "ACL:2020.12.31", // a date
        "ACL:N19-142", // three digits
        "ACL:N19",
        "ACL:",
        "acl:2020.findings-emnlp", // a volume, not a paper
        "https://aclanthology.org/volumes/2020.acl-main/",
        "https://aclanthology.org/events/acl-2020/",
        "https://aclanthology.org/people/j/jacob-devlin/",
        "https://huggingface.co/papers",
        "https://huggingface.co/bert-base-uncased",
        "https://huggingface.co/papers/2019.12345",
        "https://github.com/huggingface/papers/1909.10351",
        "https://www.semanticscholar.org/author/Ashish-Vaswani/40348417",
        "https://www.semanticscholar.org/paper/Attention-is-All-you-Need/204e3073",
        "https://www.alphaxiv.org/explore",
        "https://dl.acm.org/doi/",
        "https://example.com/v1.2.3/release");
  }

  @ParameterizedTest(name = "refuses {0}")
  @MethodSource("invalid")
  void refuses(String input) {
    assertThat(PaperId.tryParse(input)).isNull();
  }

  @Test
  void aclIdsAreShownTheWaySemanticScholarTakesThem() {
    PaperId id = PaperId.parse("https://aclanthology.org/N19-1423/");
    assertThat(id.kind()).isEqualTo(PaperId.Kind.ACL);
    assertThat(id.display()).isEqualTo("ACL:N19-1423");
    assertThat(id.version()).isNull();
  }

  @Test
  void kindOrderPicksTheCanonicalKey() {
    assertThat(PaperId.Kind.ACL.ordinal()).isGreaterThan(PaperId.Kind.S2.ordinal());
    assertThat(PaperId.Kind.ACL.ordinal()).isLessThan(PaperId.Kind.SCHOLAR.ordinal());
  }
}
