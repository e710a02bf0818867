package dev.papers.source.scholar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.papers.source.scholar.ScholarMatcher.Outcome;
import dev.papers.source.scholar.ScholarMatcher.Status;
import dev.papers.testing.RealFixtures;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ScholarMatcherTest {
  private final ScholarMatcher matcher = new ScholarMatcher();

  private static ScholarResult r(String title, Integer year, String cluster, String... authors) {
    return new ScholarResult(title, null, List.of(authors), null, year, null, null, 10, cluster, cluster, null,
        null, null);
  }

  static Stream<Arguments> cases() {
    ScholarResult attention = r("Attention is all you need", 2017, "1", "A Vaswani", "N Shazeer");
    ScholarResult notAll = r("Attention is not all you need", 2021, "2", "Y Dong", "JB Cordonnier");
    ScholarResult bert = r("Bert: Pre-training of deep bidirectional transformers for language understanding", 2019,
        "3", "J Devlin", "MW Chang");
    ScholarResult bertCut = r("Bert: Pre-training of deep bidirectional transformers for language …", 2018, "4",
        "J Devlin");
    ScholarResult attentionTwin = r("Attention is all you need", 2017, "5", "A Vaswani");
    ScholarResult accents = r("Économie des réseaux", 2003, "6", "F Lévêque");
    ScholarResult dup2012 = r("Attention is all you need", 2012, "7", "Q Other");
    return Stream.of(
        // title, year, author, results, expected status, expected cluster
        Arguments.of("Attention Is All You Need", 2017, "Vaswani", List.of(notAll, attention), Status.MATCH, "1"),
        Arguments.of("Attention is all you need", null, null, List.of(attention), Status.MATCH, "1"),
        Arguments.of("Attention is all you need.", 2018, "Vaswani", List.of(attention), Status.MATCH, "1"),
        Arguments.of("Attention is not all you need", 2021, "Dong", List.of(attention, notAll), Status.MATCH, "2"),
        Arguments.of("Attention is not all you need", 2017, "Vaswani", List.of(attention), Status.NONE, null),
        Arguments.of("BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding", 2018,
            "Devlin", List.of(bert), Status.MATCH, "3"),
        Arguments.of("BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding", 2018,
            "Devlin", List.of(bertCut), Status.MATCH, "4"),
        Arguments.of("Attention is all you need", 2017, "Vaswani", List.of(attention, attentionTwin),
            Status.AMBIGUOUS, null),
        Arguments.of("Attention is all you need", 2017, "Vaswani", List.of(attention, dup2012), Status.MATCH, "1"),
        Arguments.of("Economie des reseaux", 2003, "Leveque", List.of(accents), Status.MATCH, "6"),
        Arguments.of("Attention is all you need", 2017, "Vaswani", List.of(), Status.NONE, null),
        Arguments.of("Distilling the knowledge in a neural network", 2015, "Hinton", List.of(attention, bert),
            Status.NONE, null),
        Arguments.of("Attention is all you need", 2009, "Smith", List.of(attention), Status.NONE, null));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void table(String title, Integer year, String author, List<ScholarResult> results, Status status, String cluster) {
    Outcome o = matcher.match(title, year, author, results);
    assertThat(o.status()).as(o.reason()).isEqualTo(status);
    assertThat(o.reason()).isNotBlank();
    if (status == Status.MATCH) {
      assertThat(o.match().result().clusterId()).isEqualTo(cluster);
      assertThat(o.match().score()).isGreaterThanOrEqualTo(ScholarMatcher.ACCEPT);
    } else {
      assertThat(o.match()).isNull();
    }
  }

  @Test
  void ambiguousSaysSoAndNamesTheCandidates() {
    ScholarResult a = r("Deep learning", 2015, "10", "Y LeCun", "Y Bengio");
    ScholarResult b = r("Deep learning", 2016, "11", "I Goodfellow", "Y Bengio");
    Outcome o = matcher.match("Deep learning", null, null, List.of(a, b));
    assertThat(o.status()).isEqualTo(Status.AMBIGUOUS);
    assertThat(o.candidates()).hasSize(2);
    assertThat(o.reason()).startsWith("ambiguous").contains("no count is stored").contains("2015").contains("2016");
    // the year and the first author settle it
    Outcome settled = matcher.match("Deep learning", 2015, "LeCun", List.of(a, b));
    assertThat(settled.status()).isEqualTo(Status.MATCH);
    assertThat(settled.match().result().clusterId()).isEqualTo("10");
    assertThat(settled.reason()).contains("first author LeCun matches");
  }

  @Test
  void sameClusterTwiceIsNotAmbiguous() {
    ScholarResult a = r("Deep learning", 2015, "10", "Y LeCun");
    Outcome o = matcher.match("Deep learning", 2015, "LeCun", List.of(a, a));
    assertThat(o.status()).isEqualTo(Status.MATCH);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "[PDF] Attention Is All You Need!|attention is all you need",
    "  Économie   des  Réseaux  |economie des reseaux",
    "Pre-training: BERT’s (new) way|pre training bert s new way",
  })
  void normalization(String in, String out) {
    assertThat(ScholarMatcher.normalizeTitle(in)).isEqualTo(out);
  }

  @Test
  void authorWithParticleAndFullNames() {
    ScholarResult tsne = r("Visualizing data using t-SNE", 2008, "20", "L Van der Maaten", "G Hinton");
    assertThat(matcher.match("Visualizing Data using t-SNE", 2008, "van der Maaten", List.of(tsne)).reason())
        .contains("first author van der Maaten matches");
    assertThat(matcher.match("Visualizing Data using t-SNE", 2008, "Geoffrey Hinton", List.of(tsne)).reason())
        .contains("is author 2");
  }

  @Test
  void matchesOnTheRealPage() {
    ScholarPage page = ScholarParser.parse(
        RealFixtures.text("scholar/scholar_2020_search_results_10_of_about30_geomap.html"), null);
    Outcome o = matcher.match("Geology of the Olympus Range area, southern Victoria Land", 1996, "Isaac",
        page.results());
    assertThat(o.status()).isEqualTo(Status.MATCH);
    assertThat(o.match().result().clusterId()).isEqualTo("15801554877513113826");
    assertThat(o.match().result().citedBy()).isEqualTo(4);
  }
}
