package dev.papers.discover;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each rule of {@link StatedTitles}, on hand-made documents that mix it with what is no title. */
class StatedTitlesTest {

  static Map<String, Stated> read(String doc, DocumentFormat format) {
    StatedTitles t = new StatedTitles();
    t.add(doc, format);
    return t.result();
  }

  static String title(Map<String, Stated> m, String key) {
    Stated s = m.get(key);
    return s == null ? null : s.title();
  }

  @Test
  void markdownInlineAndReferenceLinks() {
    Map<String, Stated> m = read("""
        # Reading list, updated 2020.12.31 (v1.2.3, $19.99, call +86 1909.10351 1234)
        - [**TinyBERT: Distilling BERT for Natural Language Understanding**](https://arxiv.org/abs/1909.10351v2)
        - [here](https://arxiv.org/abs/2104.08821) and [PDF](https://arxiv.org/pdf/2002.05709.pdf)
        - [“SimCLR: A Simple Framework”][simclr]
        - [BERT][] on the ACL Anthology
        - ![Attention figure](https://arxiv.org/abs/1706.03762)
        - [https://arxiv.org/abs/1503.02531](https://arxiv.org/abs/1503.02531)
        - [2301.99999999](https://arxiv.org/abs/2301.99999)

        [simclr]: https://arxiv.org/abs/2002.05709 "optional title"
        [bert]: https://aclanthology.org/N19-1423/
        """, DocumentFormat.MARKDOWN);
    assertThat(title(m, "arxiv:1909.10351")).isEqualTo("TinyBERT: Distilling BERT for Natural Language Understanding");
    assertThat(title(m, "arxiv:2104.08821")).as("'here' is no title").isNull();
    assertThat(title(m, "arxiv:2002.05709")).isEqualTo("SimCLR: A Simple Framework");
    assertThat(title(m, "acl:N19-1423")).isEqualTo("BERT");
    assertThat(title(m, "arxiv:1706.03762")).as("an image's alt text").isNull();
    assertThat(title(m, "arxiv:1503.02531")).as("a bare URL").isNull();
    assertThat(title(m, "arxiv:2301.99999")).as("an id").isNull();
  }

  @Test
  void htmlLinksHeadingsAndReferenceItems() {
    Map<String, Stated> m = read("""
        <html><body>
        <h2>Deep Residual Learning for Image Recognition</h2>
        <p>arXiv: <a href="https://arxiv.org/abs/1512.03385">https://arxiv.org/abs/1512.03385</a></p>
        <ul>
          <li><a href="https://huggingface.co/papers/2305.18290">Direct Preference Optimization</a></li>
          <li>Attention Is All You Need: <a href="https://arxiv.org/abs/1706.03762">arxiv.org/abs/1706.03762</a></li>
          <li><a href="https://www.semanticscholar.org/paper/204e3073870fae3d05bcbc2f6a8e263d9b72e776">链接</a></li>
          <li><a href="https://dl.acm.org/doi/10.1145/3383583.3398584">code</a></li>
        </ul>
        <script>var x = "https://arxiv.org/abs/1909.10351";</script>
        </body></html>
        """, DocumentFormat.HTML);
    assertThat(title(m, "arxiv:1512.03385")).isEqualTo("Deep Residual Learning for Image Recognition");
    assertThat(title(m, "arxiv:2305.18290")).isEqualTo("Direct Preference Optimization");
    assertThat(title(m, "arxiv:1706.03762")).isEqualTo("Attention Is All You Need");
    assertThat(title(m, "s2:204e3073870fae3d05bcbc2f6a8e263d9b72e776")).isNull();
    assertThat(title(m, "doi:10.1145/3383583.3398584")).isNull();
    assertThat(m).doesNotContainKey("arxiv:1909.10351");
  }

  @Test
  void referenceListLinesWithAndWithoutNumbersQuotesAndBookTitleMarks() {
    Map<String, Stated> m = read("""
        参考资料
        [1] Self-Distillation Amplifies Regularization in Hilbert Space: http://xxx.itp.ac.cn/abs/2002.05715
        [5] 《CodeBERT: A Pre-Trained Model for Programming and Natural Languages》: https://arxiv.org/abs/2002.08155
        Deep Learning for Symbolic Mathematics: https://arxiv.org/abs/1912.01412
        [9] 论文地址: https://arxiv.org/abs/2001.08055
        [10] “GANILLA”: https://arxiv.org/abs/2002.05638.
        Price: $1,909.10 and see 2020.07.31: nothing
        """, DocumentFormat.TEXT);
    assertThat(title(m, "arxiv:2002.05715")).isEqualTo("Self-Distillation Amplifies Regularization in Hilbert Space");
    assertThat(title(m, "arxiv:2002.08155"))
        .isEqualTo("CodeBERT: A Pre-Trained Model for Programming and Natural Languages");
    assertThat(title(m, "arxiv:1912.01412")).isEqualTo("Deep Learning for Symbolic Mathematics");
    assertThat(title(m, "arxiv:2001.08055")).as("a field label, not a title").isNull();
    assertThat(title(m, "arxiv:2002.05638")).isEqualTo("GANILLA");
    assertThat(m).hasSize(4);
  }

  @Test
  void aLowerCaseWordBeforeALinkIsATopicsLabelNotATitleButANameIs() {
    // seed 002's reference list: the label is the topic the paper is cited for, not its title.
    Map<String, Stated> m = read("""
        [1] self-distillation: https://arxiv.org/pdf/1503.02531.pdf
        [2] DistilBERT: https://arxiv.org/abs/1910.01108
        [3] 知识蒸馏: https://arxiv.org/abs/2002.05715
        """, DocumentFormat.TEXT);
    assertThat(title(m, "arxiv:1503.02531")).isNull();
    assertThat(title(m, "arxiv:1910.01108")).isEqualTo("DistilBERT");
    assertThat(title(m, "arxiv:2002.05715")).as("one word in Chinese may be a whole title").isEqualTo("知识蒸馏");
  }

  @Test
  void aHeadingDirectlyAboveTheLineWithTheLink() {
    Map<String, Stated> m = read("""
        # *EfficientNet: Rethinking Model Scaling for CNNs*

        arXiv: [【https://arxiv.org/abs/1905.11946】](https://arxiv.org/abs/1905.11946)

        ## Results
        Some text.
        See https://arxiv.org/abs/1912.02292 for more.
        """, DocumentFormat.MARKDOWN);
    assertThat(title(m, "arxiv:1905.11946")).isEqualTo("EfficientNet: Rethinking Model Scaling for CNNs");
    assertThat(title(m, "arxiv:1912.02292")).as("the heading is not directly above").isNull();
  }

  @Test
  void readingNoteFieldsOverSeveralLinesWithYearVenueAndAuthors() {
    Map<String, Stated> m = read("""
        论文阅读_模型剪枝_彩票假设
        英文题目:The Lottery Tickets Hypothesis for Supervised and
        Self-supervised Pre-training in Computer Vision Models
        中文题目:用基于彩票假设方法裁剪视觉模型
        论文地址:https://arxiv.org/pdf/2012.06908.pdf
        发表时间:2021
        作者:Tianlong Chen 等,德克萨斯大学
        出处:CVPR
        被引量:26
        论文阅读_没有链接
        Title: A Note Without Any Identifier
        Year: 2019
        Title: Distilling Task-Specific Knowledge from BERT
        Authors: Raphael Tang, Yao Lu and Linqing Liu
        Venue: arXiv
        Link: https://arxiv.org/abs/1903.12136
        """, DocumentFormat.TEXT);
    Stated lottery = m.get("arxiv:2012.06908");
    assertThat(lottery.title())
        .isEqualTo("The Lottery Tickets Hypothesis for Supervised and Self-supervised Pre-training in Computer Vision Models");
    assertThat(lottery.year()).isEqualTo(2021);
    assertThat(lottery.venue()).isEqualTo("CVPR");
    assertThat(lottery.authors()).containsExactly("Tianlong Chen");
    Stated tang = m.get("arxiv:1903.12136");
    assertThat(tang.title()).isEqualTo("Distilling Task-Specific Knowledge from BERT");
    assertThat(tang.authors()).containsExactly("Raphael Tang", "Yao Lu", "Linqing Liu");
    assertThat(m).hasSize(2);
  }

  @Test
  void awesomeListLinesAndTables() {
    Map<String, Stated> m = read("""
        * Hu, Edward J., et al. ["Low-Rank Adaptation of Large Language Models."](summary/lora.md) 2021. [[PDF](https://arxiv.org/pdf/2106.09685.pdf)]
        1. [Attention Is All You Need, Vaswani et al., 2017](https://arxiv.org/pdf/1706.03762.pdf)

        | Number | Title | Link |
        | ------ | ----- | ---- |
        | 1409.0473 | "Neural Machine Translation by Jointly Learning to Align and Translate" | https://arxiv.org/abs/1409.0473 |
        """, DocumentFormat.MARKDOWN);
    assertThat(title(m, "arxiv:2106.09685")).isEqualTo("Low-Rank Adaptation of Large Language Models");
    assertThat(title(m, "arxiv:1706.03762")).isEqualTo("Attention Is All You Need");
    assertThat(title(m, "arxiv:1409.0473"))
        .isEqualTo("Neural Machine Translation by Jointly Learning to Align and Translate");
  }

  @Test
  void genericWordsAreNeverTitles() {
    for (String w : List.of("here", "PDF", "arXiv", "link", "code", "paper", "链接", "论文", "[PDF]", "**Paper**",
        "https://arxiv.org/abs/1909.10351", "arXiv:1909.10351", "2020.12.31", "123")) {
      assertThat(StatedTitles.clean(w)).as(w).isNull();
    }
    assertThat(StatedTitles.clean("《深度双重下降》")).isEqualTo("深度双重下降");
    assertThat(StatedTitles.clean("“Deep Double Descent”")).isEqualTo("Deep Double Descent");
  }
}
