package dev.papers.report;

import dev.papers.model.Paper;
import dev.papers.model.PaperId;
import dev.papers.model.SourceRecord;
import dev.papers.model.Source;
import dev.papers.rank.AsOf;
import dev.papers.rank.RankOptions;
import dev.papers.rank.RankResult;
import dev.papers.rank.Ranker;
import dev.papers.rank.TestPapers;
import dev.papers.topic.Topic;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;

/** A ranking with every kind of member and every kind of awkward text the writers must handle. */
final class ReportFixtures {
  static final String TOPIC = "distillation";
  static final String NASTY = "=HYPERLINK(\"http://x\",\"click\"), 50% of {all} & more_ #1 ~ ^ \\ $";
  static final String CJK = "知识蒸馏：一种用于压缩大型语言模型的方法和系统的综合调查与实验评估以及更多的内容";
  static final String MULTILINE = "Line one\nline two, \"quoted\"";

  private ReportFixtures() {}

  static Paper arxivPaper(String id, String published, String title, List<String> authors, String cat) {
    SourceRecord r = SourceRecord.builder(Source.ARXIV.jsonName()).arxivId(id).title(title).authors(authors)
        .published(LocalDate.parse(published)).primaryCategory(cat).build();
    return Paper.create("arxiv:" + id, TestPapers.T0).merge(r, TestPapers.T0).withTopic(TOPIC, TestPapers.T0);
  }

  /** The same paper with a title no source would give (newlines kept): writers must cope anyway. */
  static Paper withRawTitle(Paper p, String title) {
    return p.toBuilder().title(title).build();
  }

  static List<Paper> papers() {
    Paper tiny = TestPapers.of(arxivPaper("1909.10351", "2019-09-23",
            "TinyBERT: Distilling BERT for Natural Language Understanding",
            List.of("Xiaoqi Jiao", "Yichun Yin", "Lifeng Shang", "Xin Jiang"), "cs.CL"))
        .s2(1100, "2025-11-20").s2(1520, "2026-11-22").build();
    Paper tiny2 = TestPapers.of(arxivPaper("1909.99999", "2019-10-01", "TinyBERT, again: a follow-up",
            List.of("Jiao, Xiaoqi"), "cs.LG"))
        .s2(10, "2026-11-22").build();
    Paper nasty = TestPapers.of(arxivPaper("2002.05715", "2020-02-13", NASTY,
            List.of("Hossein Mobahi", "Mehrdad Farajtabar", "Peter L. Bartlett"), "cs.LG"))
        .scholar(500, "2025-11-22").scholar(400, "2026-11-22").build(); // negative velocity
    Paper cjk = TestPapers.doi("10.1000/cjk.2021", 2021).title(CJK, "焦晓琦", "Émile Zoë")
        .meta(SourceRecord.builder(Source.SEMANTIC_SCHOLAR.jsonName()).venue("Journal of Things").build())
        .s2(300, "2026-06-01").topic(TOPIC).build();
    Paper multi = withRawTitle(TestPapers.of(arxivPaper("2004.02984", "2020-04-06", "x",
            List.of("Zhiqing Sun"), "cs.CL")).s2(900, "2026-11-22").build(), MULTILINE);
    Paper reported = TestPapers.of(arxivPaper("1903.12136", "2019-03-28",
            "-Distilling Task-Specific Knowledge from BERT into Simple Neural Networks",
            List.of("Raphael Tang"), "cs.CL"))
        .reported(400, "2022-09-16", "seeds/001_7caf8c73364815e7.txt:14").build();
    Paper plus = TestPapers.of(arxivPaper("2012.01266", "2020-12-02", "+Meta-KD @home",
        List.of("Haojie Pan"), "cs.CL")).build(); // no count: unranked
    return List.of(tiny, tiny2, nasty, cjk, multi, reported, plus);
  }

  static Topic topic() {
    List<String> include = List.of("1503.02531", "2012.01266");
    return new Topic(TOPIC, "Knowledge distillation", null, null, List.of(),
        include.stream().map(PaperId::parse).toList(), include, List.of(), List.of(), null);
  }

  static RankResult result() {
    return Ranker.rank(topic(), papers(), new RankOptions(null, null, AsOf.parse("2026-11-22")));
  }

  static String write(RankWriter w) {
    StringWriter s = new StringWriter();
    w.write(result(), new PrintWriter(s));
    return s.toString();
  }
}
