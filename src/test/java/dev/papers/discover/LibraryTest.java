package dev.papers.discover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.papers.model.PaperId;
import dev.papers.testing.RealFixtures;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** BibTeX and CSL-JSON libraries: every field that names a paper, LaTeX to Unicode, broken entries. */
class LibraryTest {

  static List<Cited> bib(String text, List<String> problems) throws Exception {
    List<Cited> out = new ArrayList<>();
    Library.Result r = Library.bibtex(new StringReader(text), out::add);
    problems.addAll(r.problems());
    return out;
  }

  static List<String> keys(Cited c) {
    return c.ids().stream().map(PaperId::key).toList();
  }

  static Cited titled(List<Cited> all, String prefix) {
    return all.stream().filter(c -> c.stated().title() != null && c.stated().title().startsWith(prefix)).findFirst()
        .orElseThrow(() -> new AssertionError("no entry titled " + prefix + " in " + all));
  }

  @Test
  void everyBibtexFieldThatNamesAPaper() throws Exception {
    List<String> problems = new ArrayList<>();
    List<Cited> all = bib(new String(RealFixtures.resource("import/library.bib"), StandardCharsets.UTF_8), problems);

    Cited bert = titled(all, "BERT");
    assertThat(keys(bert)).containsExactly("doi:10.18653/v1/n19-1423", "acl:N19-1423");
    assertThat(bert.stated().title())
        .isEqualTo("BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding");
    assertThat(bert.stated().authors())
        .containsExactly("Jacob Devlin", "Ming-Wei Chang", "Kenton Lee", "Kristina Toutanova");
    assertThat(bert.stated().venue())
        .isEqualTo("Proceedings of the 2019 Conference of the North American Chapter of the ACL");
    assertThat(bert.stated().year()).isEqualTo(2019);

    Cited tiny = titled(all, "TinyBERT");
    assertThat(keys(tiny)).containsExactly("arxiv:1909.10351");
    assertThat(tiny.stated().venue()).as("CoRR is no venue").isNull();
    assertThat(keys(titled(all, "Simcse"))).containsExactly("arxiv:2104.08821");
    assertThat(keys(titled(all, "A Simple Framework"))).containsExactly("arxiv:2002.05709");
    assertThat(keys(titled(all, "Anomaly Detection"))).containsExactly("doi:10.1145/1541880.1541882");
    assertThat(keys(titled(all, "Attention is All"))).containsExactly("corpus:13756489");

    Cited roberta = titled(all, "RoBERTa");
    assertThat(roberta.ids()).as("no identifier: looked up by title").isEmpty();
    assertThat(roberta.stated().authors()).containsExactly("Yinhan Liu", "Myle Ott");

    assertThat(all).noneMatch(c -> "Not an entry".equals(c.stated().title()));
    assertThat(problems).singleElement().asString().contains("line").contains("@article{broken");
  }

  @Test
  void latexBecomesUnicode() throws Exception {
    List<Cited> all = bib(new String(RealFixtures.resource("import/library.bib"), StandardCharsets.UTF_8),
        new ArrayList<>());
    Cited m = titled(all, "Müller");
    assertThat(m.stated().title()).isEqualTo("Müller's Über-Model: Naïve Café & Façade at 50% Cost");
    assertThat(m.stated().authors()).containsExactly("Jörg Müller", "Søren Østergaard", "Ana Trés");
    assertThat(m.stated().venue()).isEqualTo("Findings of EMNLP");
    assertThat(Latex.toUnicode("{BERT}~and \\emph{x}--y---z $O(n^2)$ \\v{S}koda \\^{o} \\'{\\i}")).isEqualTo(
        "BERT and x–y—z O(n^2) Škoda ô í");
  }

  @Test
  void cslJsonItems() throws Exception {
    List<Cited> all = new ArrayList<>();
    Library.csl(new StringReader(new String(RealFixtures.resource("import/library.json"), StandardCharsets.UTF_8)),
        all::add);
    assertThat(all).hasSize(4); // the web page with neither title nor paper id is not an entry
    Cited bert = all.get(0);
    assertThat(keys(bert)).containsExactly("arxiv:1810.04805");
    assertThat(bert.stated().year()).isEqualTo(2019);
    assertThat(bert.stated().authors()).containsExactly("Jacob Devlin", "Ming-Wei Chang");
    assertThat(keys(all.get(1))).containsExactly("doi:10.1145/1541880.1541882");
    assertThat(all.get(1).stated().venue()).isEqualTo("ACM Computing Surveys");
    assertThat(all.get(1).stated().authors()).containsExactly("Varun Chandola");
    assertThat(keys(all.get(2))).containsExactly("acl:2022.acl-long.229");
    assertThat(all.get(2).stated().year()).isEqualTo(2022);
    assertThat(all.get(3).ids()).isEmpty();
    assertThat(all.get(3).stated().title()).isEqualTo("Deep Residual Learning for Image Recognition");
  }

  @Test
  void whatIsNotCslJsonIsRefused() {
    for (String notCsl : List.of("{\"items\": []}", "[1, 2, 3]", "[{\"name\": \"x\"}]", "[{\"title\": \"cut",
        "plain text")) {
      assertThatThrownBy(() -> Library.csl(new StringReader(notCsl), c -> { }))
          .as(notCsl).isInstanceOf(Library.NotALibrary.class);
    }
  }

  @Test
  void textWithoutEntriesIsNotBibtex() throws Exception {
    assertThat(Library.bibtex(new StringReader("just some notes\nabout papers\n"), c -> { }).recognized()).isFalse();
    assertThat(Library.bibtex(new StringReader("@misc{x, title={Fine}}\n"), c -> { }).recognized()).isTrue();
  }

  @Test
  void largeLibrariesAreReadInGroupsAndStringsCarryOver() throws Exception {
    StringBuilder b = new StringBuilder("@string{venue = {Conference on Things}}\n");
    int n = 3000;
    for (int i = 0; i < n; i++) {
      b.append("@inproceedings{k").append(i).append(", title = {Paper number ").append(i)
          .append(" with a longish title to fill the group}, booktitle = venue, year = 2020,\n")
          .append("  note = {padding padding padding padding padding padding padding padding padding}}\n");
    }
    assertThat(b.length()).isGreaterThan(Library.GROUP_CHARS);
    List<Cited> all = bib(b.toString(), new ArrayList<>());
    assertThat(all).hasSize(n);
    assertThat(all.get(n - 1).stated().venue()).isEqualTo("Conference on Things");
    assertThat(all.get(n - 1).line()).isEqualTo(2 + 2 * (n - 1));
  }
}
