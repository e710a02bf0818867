package dev.papers.discover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.papers.testing.RealFixtures;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The link forms of ML newsletters in documents, mixed with what names no paper; and the seeds' titles. */
class NewsletterFormsTest {

  @Test
  void everyNewFormIsFoundAndNothingElse() {
    String doc = """
        ## This week (2020.12.31, v2.3.1, $2,301.99, tel +86 2301.99999 12345)
        - [DPO](https://huggingface.co/papers/2305.18290) · discuss on https://www.alphaxiv.org/abs/2402.17764v2
        - S2: https://www.semanticscholar.org/paper/Attention-is-All-you-Need-Vaswani-Shazeer/204e3073870fae3d05bcbc2f6a8e263d9b72e776
        - ACL:N19-1423, and https://aclanthology.org/2020.findings-emnlp.372.pdf, aclanthology.org/P18-1031/
        - ACM: https://dl.acm.org/doi/10.1145/3383583.3398584 (also http://doi.acm.org/10.1145/1541880.1541882)
        - bioRxiv: https://www.biorxiv.org/content/10.1101/622803v1.full.pdf
        - not papers: https://huggingface.co/bert-base-uncased https://aclanthology.org/volumes/2020.acl-main/
          2301.99999999, ACL 2020, ACL:2020.12.31, https://www.semanticscholar.org/author/x/40348417
        """;
    List<String> keys = new IdExtractor().extract(doc, DocumentFormat.MARKDOWN).stream().map(f -> f.id().key()).toList();
    assertThat(keys).containsExactly("arxiv:2305.18290", "arxiv:2402.17764",
        "s2:204e3073870fae3d05bcbc2f6a8e263d9b72e776", "acl:N19-1423", "acl:2020.findings-emnlp.372",
        "acl:P18-1031", "doi:10.1145/3383583.3398584", "doi:10.1145/1541880.1541882", "doi:10.1101/622803");
  }

  @Test
  void theSeedsTitles() throws Exception {
    Map<String, Stated> s002 = read("002_a513cab50487f207.txt");
    assertThat(s002.get("arxiv:2002.05715").title()).isEqualTo("Self-Distillation Amplifies Regularization in Hilbert Space");
    assertThat(s002.get("arxiv:2002.08155").title())
        .isEqualTo("CodeBERT: A Pre-Trained Model for Programming and Natural Languages");
    assertThat(s002.get("arxiv:2002.05709").title()).isEqualTo("SimCLR");
    // "[1] self-distillation: https://arxiv.org/pdf/1503.02531.pdf": the topic it is cited for, no title.
    assertThat(s002).doesNotContainKey("arxiv:1503.02531").hasSize(9);
    Map<String, Stated> s004 = read("004_424488900405d3ee.txt");
    assertThat(s004.get("arxiv:1911.11423").title()).isEqualTo("单头注意力 RNN:停止用你的头脑思考");
    assertThat(s004.get("arxiv:1905.11946").title()).isEqualTo("EfficientNet:重新思考卷积神经网络的模型缩放");
    assertThat(s004.get("arxiv:1912.02292").title()).isEqualTo("深度双重下降:更大的模型和更多的数据会造成伤害");
    assertThat(s004.get("arxiv:1704.04861").title()).isEqualTo("MobileNet");
    Map<String, Stated> s001 = read("001_7caf8c73364815e7.txt");
    assertThat(s001).hasSize(6).allSatisfy((k, v) -> assertThat(v.title()).isNotBlank());
  }

  static Map<String, Stated> read(String seed) throws Exception {
    String text = Files.readString(RealFixtures.seed(seed));
    StatedTitles t = new StatedTitles();
    t.add(text, DocumentFormat.detect(seed, text));
    return t.result();
  }
}
