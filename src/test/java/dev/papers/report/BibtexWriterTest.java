package dev.papers.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.papers.model.Paper;
import dev.papers.rank.TestPapers;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.jbibtex.BibTeXComment;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.jbibtex.Key;
import org.jbibtex.LaTeXObject;
import org.jbibtex.LaTeXParser;
import org.jbibtex.LaTeXPrinter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BibtexWriterTest {
  static BibTeXDatabase parse(String bib) throws Exception {
    BibTeXParser parser = new BibTeXParser();
    BibTeXDatabase db = parser.parse(new StringReader(bib));
    assertThat(parser.getExceptions()).isEmpty();
    return db;
  }

  static String field(BibTeXEntry e, String name) {
    var v = e.getField(new Key(name));
    return v == null ? null : v.toUserString();
  }

  /** LaTeX back to text, as a reference manager would show it. */
  static String plain(String latex) throws Exception {
    List<LaTeXObject> objects = new LaTeXParser().parse(latex);
    return new LaTeXPrinter().print(objects);
  }

  @Test
  void everyCachedMemberIsAnEntryWithUniqueKeys() throws Exception {
    String bib = ReportFixtures.write(new BibtexWriter());
    BibTeXDatabase db = parse(bib);
    long cached = ReportFixtures.result().entries().stream().filter(e -> e.cached()).count();
    Map<Key, BibTeXEntry> entries = db.getEntries();
    assertThat(entries).hasSize((int) cached);
    assertThat(entries.keySet()).extracting(Key::getValue)
        .allMatch(k -> k.matches("[a-z0-9]+"))
        .contains("jiao2019tinyberta", "jiao2019tinybertb", "tang2019distilling", "pan2020meta");
    // the not-cached include is a comment, not an entry
    assertThat(db.getObjects()).filteredOn(o -> o instanceof BibTeXComment).hasSize(1);
    assertThat(bib).contains("@comment{not fetched yet: papers fetch 1503.02531}");
  }

  @Test
  void arxivFieldsDoiAndNote() throws Exception {
    Map<Key, BibTeXEntry> entries = parse(ReportFixtures.write(new BibtexWriter())).getEntries();
    BibTeXEntry tiny = entries.get(new Key("jiao2019tinyberta"));
    assertThat(tiny.getType().getValue()).isEqualTo("misc");
    assertThat(field(tiny, "eprint")).isEqualTo("1909.10351");
    assertThat(field(tiny, "archivePrefix")).isEqualTo("arXiv");
    assertThat(field(tiny, "primaryClass")).isEqualTo("cs.CL");
    assertThat(field(tiny, "year")).isEqualTo("2019");
    assertThat(field(tiny, "author")).isEqualTo("Xiaoqi Jiao and Yichun Yin and Lifeng Shang and Xin Jiang");
    assertThat(field(tiny, "url")).isEqualTo("https://arxiv.org/abs/1909.10351");
    assertThat(field(tiny, "note")).contains("1520 citations (Semantic Scholar, 2026-11-22)");
    assertThat(field(tiny, "doi")).isNull();

    BibTeXEntry cjk = entries.get(new Key("anon2021"));
    assertThat(cjk.getType().getValue()).isEqualTo("article");
    assertThat(field(cjk, "doi")).isEqualTo("10.1000/cjk.2021");
    assertThat(field(cjk, "journal")).isEqualTo("Journal of Things");
    assertThat(field(cjk, "eprint")).isNull();
    // UTF-8 kept as it is (jbibtex's LaTeX parser reads ASCII only, so compare the raw value)
    assertThat(field(cjk, "title")).isEqualTo("{" + ReportFixtures.CJK + "}");
    assertThat(field(cjk, "author")).isEqualTo("焦晓琦 and Émile Zoë");

    BibTeXEntry reported = entries.get(new Key("tang2019distilling"));
    assertThat(plain(field(reported, "note"))).contains("reported, seeds/001_7caf8c73364815e7.txt:14");
  }

  @Test
  void specialCharactersRoundTrip() throws Exception {
    Map<Key, BibTeXEntry> entries = parse(ReportFixtures.write(new BibtexWriter())).getEntries();
    String title = field(entries.get(new Key("mobahi2020hyperlink")), "title");
    assertThat(title).contains("50\\% of \\{all\\} \\& more\\_ \\#1").contains("\\$");
    assertThat(plain(title)).contains("50% of {all} & more_ #1").contains("$");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      &     | \\&
      %     | \\%
      $     | \\$
      #     | \\#
      _     | \\_
      {     | \\{
      }     | \\}
      ~     | \\textasciitilde{}
      ^     | \\textasciicircum{}
      \\    | \\textbackslash{}
      Zoë   | Zoë
      """)
  void escapes(String in, String out) {
    assertThat(BibtexWriter.escape(in)).isEqualTo(out);
  }

  @Test
  void keysAreStableWhateverTheOrder() {
    List<Paper> papers = new ArrayList<>(ReportFixtures.papers());
    Map<String, String> first = BibtexWriter.keys(papers);
    Collections.reverse(papers);
    assertThat(BibtexWriter.keys(papers)).isEqualTo(first);
    Collections.shuffle(papers, new java.util.Random(7));
    assertThat(BibtexWriter.keys(papers)).isEqualTo(first);
    assertThat(first.values()).doesNotHaveDuplicates();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      Xiaoqi Jiao        | 2019 | TinyBERT: Distilling BERT           | jiao2019tinybert
      Jiao, Xiaoqi       | 2019 | The TinyBERT                        | jiao2019tinybert
      Émile Zoë Ångström | 2020 | On the Ölfunction of things         | angstrom2020olfunction
      Ada Lovelace       |      | A note                              | lovelacendnote
      焦晓琦              | 2021 | 知识蒸馏                             | anon2021
      """)
  void baseKeys(String author, Integer year, String title, String key) {
    Paper p = TestPapers.doi("10.1000/k", year).title(title, author).build();
    assertThat(BibtexWriter.baseKey(p)).isEqualTo(key);
  }

  @Test
  void collidingKeysSuffixedInIdOrder() {
    Paper a = TestPapers.doi("10.1000/b", 2019).title("Same words", "A Smith").build();
    Paper b = TestPapers.doi("10.1000/a", 2019).title("Same thing", "B Smith").build();
    Paper c = TestPapers.doi("10.1000/c", 2019).title("Other", "C Smith").build();
    Map<String, String> keys = BibtexWriter.keys(List.of(a, b, c));
    assertThat(keys).containsEntry("doi:10.1000/a", "smith2019samea")
        .containsEntry("doi:10.1000/b", "smith2019sameb")
        .containsEntry("doi:10.1000/c", "smith2019other");
  }
}
