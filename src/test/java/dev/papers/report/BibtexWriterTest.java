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
        .allMatch(k -> k.matches("[a-z0-9]+(-[0-9.]+)?"))
        .contains("tang2019distilling", "pan2020meta");
    // the not-cached include is a comment, not an entry
    assertThat(db.getObjects()).filteredOn(o -> o instanceof BibTeXComment).hasSize(1);
    assertThat(bib).contains("@comment{not fetched yet: papers fetch 1503.02531}");
  }

  @Test
  void arxivFieldsDoiAndNote() throws Exception {
    Map<Key, BibTeXEntry> entries = parse(ReportFixtures.write(new BibtexWriter())).getEntries();
    BibTeXEntry tiny = entries.get(new Key("jiao2019tinybert-1909.10351"));
    assertThat(tiny.getType().getValue()).isEqualTo("misc");
    assertThat(field(tiny, "eprint")).isEqualTo("1909.10351");
    assertThat(field(tiny, "archivePrefix")).isEqualTo("arXiv");
    assertThat(field(tiny, "primaryClass")).isEqualTo("cs.CL");
    assertThat(field(tiny, "year")).isEqualTo("2019");
    assertThat(field(tiny, "author")).isEqualTo("Xiaoqi Jiao and Yichun Yin and Lifeng Shang and Xin Jiang");
    assertThat(field(tiny, "url")).isEqualTo("https://arxiv.org/abs/1909.10351");
    assertThat(field(tiny, "note")).isNull();
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
    assertThat(field(reported, "note")).isNull();
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
  void collidingKeysToldApartByTheirOwnIds() {
    Paper a = TestPapers.doi("10.1000/b", 2019).title("Same words", "A Smith").build();
    Paper b = TestPapers.doi("10.1000/a", 2019).title("Same thing", "B Smith").build();
    Paper c = TestPapers.doi("10.1000/c", 2019).title("Other", "C Smith").build();
    Map<String, String> keys = BibtexWriter.keys(List.of(a, b, c));
    assertThat(keys.get("doi:10.1000/a")).startsWith("smith2019same-").isEqualTo("smith2019same-" + BibtexWriter.idTag(b));
    assertThat(keys.get("doi:10.1000/b")).isEqualTo("smith2019same-" + BibtexWriter.idTag(a));
    assertThat(keys.get("doi:10.1000/c")).isEqualTo("smith2019other");
    assertThat(keys.values()).doesNotHaveDuplicates();
    // the same in any order, and a function of the paper: a third Smith changes no one's key
    Paper d = TestPapers.doi("10.1000/d", 2019).title("Same again", "D Smith").build();
    assertThat(BibtexWriter.keys(List.of(d, c, b, a))).containsAllEntriesOf(keys);
  }

  @Test
  void noCountNoFileNameAndNoEmptyEntryAndAddingAPaperKeepsEveryKey() throws Exception {
    List<String> notes = new ArrayList<>();
    String bib = ReportFixtures.write(new BibtexWriter(notes::add));
    assertThat(bib).doesNotContain("citations").doesNotContain("seeds/").doesNotContain(".txt")
        .doesNotContain("1520").doesNotContain("note =");
    Paper untitled = ReportFixtures.withRawTitle(TestPapers.doi("10.1000/untitled", 2025).build(), null);
    List<Paper> more = new ArrayList<>(ReportFixtures.papers());
    more.add(untitled);
    more.add(TestPapers.doi("10.1000/new", 2025).title("A new paper", "Nia New").build());
    java.io.StringWriter w = new java.io.StringWriter();
    new BibtexWriter(notes::add).write(more, List.of(), null, new java.io.PrintWriter(w));
    BibTeXDatabase before = parse(bib);
    BibTeXDatabase after = parse(w.toString());
    assertThat(after.getEntries().keySet()).containsAll(before.getEntries().keySet())
        .hasSize(before.getEntries().size() + 1);
    assertThat(after.getEntries()).containsKey(new Key("new2025new"));
    assertThat(notes).containsExactly("left out of the BibTeX: 10.1000/untitled has no title yet "
        + "(papers fetch 10.1000/untitled)");
    for (BibTeXEntry e : after.getEntries().values()) {
      assertThat(field(e, "title")).isNotBlank();
    }
  }
}
