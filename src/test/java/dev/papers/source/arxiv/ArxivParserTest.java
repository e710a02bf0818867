package dev.papers.source.arxiv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.papers.model.SourceRecord;
import dev.papers.testing.FakeTime;
import dev.papers.testing.RealFixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArxivParserTest {
  private static final FakeTime TIME = new FakeTime();

  static Feed real(String name) throws ArxivFormatException {
    return ArxivParser.parse(RealFixtures.bytes("arxiv/" + name));
  }

  static Feed own(String name) throws ArxivFormatException {
    return ArxivParser.parse(RealFixtures.resource("arxiv/" + name));
  }

  static Feed parse(String xml) throws ArxivFormatException {
    return ArxivParser.parse(xml.getBytes(StandardCharsets.UTF_8));
  }

  static SourceRecord norm(Entry e) {
    return ArxivNormalizer.normalize(e, TIME);
  }

  static Entry only(Feed f) {
    assertThat(f.entries()).hasSize(1);
    assertThat(f.errors()).isEmpty();
    return f.entries().get(0);
  }

  /** The real recordings in ../shared (each test skips when they are absent). */
  @Nested
  class RealRecordings {
    @Test
    void legacy2016IdListWithWrappedTitleAndPerElementNamespaces() throws Exception {
      Feed f = real("arxiv_legacy2016_idlist_1111.2011v2.xml");
      assertThat(f.totalResults()).isEqualTo(1);
      assertThat(f.startIndex()).isEqualTo(0);
      assertThat(f.itemsPerPage()).isEqualTo(10);
      Entry e = only(f);
      assertThat(e.id().value()).isEqualTo("1111.2011");
      assertThat(e.id().version()).isEqualTo(2);
      assertThat(e.title()).isEqualTo(
          "Quantum Criticality for Extended Nodes on a Bethe Lattice in the Large\n  Connectivity Limit");
      assertThat(e.authors()).containsExactly("James M. Murray", "Adrian Del Maestro", "Zlatko Tesanovic");
      assertThat(e.published()).isEqualTo(Instant.parse("2011-11-08T18:48:36Z"));
      assertThat(e.updated()).isEqualTo(Instant.parse("2012-04-02T12:38:54Z"));
      assertThat(e.primaryCategory()).isEqualTo("cond-mat.str-el");
      assertThat(e.categories()).containsExactly("cond-mat.str-el", "cond-mat.stat-mech");
      assertThat(e.doi()).isEqualTo("10.1103/PhysRevB.85.115117");
      assertThat(e.journalRef()).isEqualTo("Phys. Rev. B 85, 115117 (2012)");
      assertThat(e.comment()).isEqualTo("8 pages, 3 figures. Published version");
      assertThat(e.summary()).startsWith("  Theoretical description of anisotropic systems, such as layered\n");

      SourceRecord r = norm(e);
      assertThat(r.source()).isEqualTo("arxiv");
      assertThat(r.arxivId()).isEqualTo("1111.2011");
      assertThat(r.arxivVersion()).isEqualTo(2);
      assertThat(r.title()).isEqualTo(
          "Quantum Criticality for Extended Nodes on a Bethe Lattice in the Large Connectivity Limit");
      assertThat(r.doi()).isEqualTo("10.1103/physrevb.85.115117");
      assertThat(r.published()).isEqualTo(LocalDate.of(2011, 11, 8));
      assertThat(r.year()).isEqualTo(2011);
      assertThat(r.abstractText()).startsWith("Theoretical description of anisotropic systems, such as layered "
          + "superconductors").doesNotContain("\n").doesNotContain("  ");
      assertThat(r.count()).isNull();
      assertThat(r.observedAt()).isEqualTo(TIME.instant());
    }

    @Test
    void legacy2016Search() throws Exception {
      Feed f = real("arxiv_legacy2016_search_au-del_maestro_AND_ti-checkerboard.xml");
      assertThat(f.totalResults()).isEqualTo(1);
      Entry e = only(f);
      assertThat(e.id().value()).isEqualTo("cond-mat/0603029");
      assertThat(e.id().version()).isEqualTo(1);
      assertThat(e.authors()).hasSize(3).startsWith("Adrian Del Maestro");
      assertThat(e.doi()).isEqualTo("10.1103/PhysRevB.74.024520");
      assertThat(e.primaryCategory()).isEqualTo("cond-mat.str-el");
      assertThat(e.categories()).containsExactly("cond-mat.str-el", "cond-mat.supr-con");
      SourceRecord r = norm(e);
      assertThat(r.arxivId()).isEqualTo("cond-mat/0603029");
      assertThat(r.title()).isEqualTo(
          "From stripe to checkerboard order on the square lattice in the presence of quenched disorder");
      assertThat(r.published()).isEqualTo(LocalDate.of(2006, 3, 2));
      assertThat(r.journalRef()).isEqualTo("Phys. Rev. B 74, 024520 (2006)");
    }

    @Test
    void errorFeedForAbcIsAnErrorNotAnEntry() throws Exception {
      Feed f = real("arxiv_2026_error_http400_idlist_abc.xml");
      assertThat(f.entries()).isEmpty();
      assertThat(f.totalResults()).isEqualTo(1);
      assertThat(f.errors()).containsExactly(new ErrorEntry(
          "https://arxiv.org/api/errors#incorrect_id_format_for_abc", "incorrect id format for abc"));
    }

    @Test
    void emptyFeed() throws Exception {
      Feed f = real("arxiv_2026_empty_idlist_0000.0000.xml");
      assertThat(f.totalResults()).isZero();
      assertThat(f.itemsPerPage()).isEqualTo(100);
      assertThat(f.entries()).isEmpty();
      assertThat(f.errors()).isEmpty();
    }

    @Test
    void titleZeroIsARealTitle() throws Exception {
      Entry e = only(real("arxiv_2026_idlist_2104.12255v1_title_zero.xml"));
      assertThat(e.id().display()).isEqualTo("2104.12255v1");
      assertThat(e.title()).isEqualTo("0");
      assertThat(e.authors()).containsExactly("Quan Thoi Minh Nguyen");
      assertThat(e.primaryCategory()).isEqualTo("cs.CR");
      assertThat(e.doi()).isNull();
      SourceRecord r = norm(e);
      assertThat(r.title()).isEqualTo("0");
      assertThat(r.published()).isEqualTo(LocalDate.of(2021, 4, 20));
    }

    @Test
    void oldStyleIdWithAffiliation() throws Exception {
      Entry e = only(real("arxiv_2026_idlist_hep-ex_0406020v1.xml"));
      assertThat(e.id().value()).isEqualTo("hep-ex/0406020");
      assertThat(e.id().version()).isEqualTo(1);
      assertThat(e.title()).isEqualTo("Sparticle Reconstruction at LHC");
      assertThat(e.authors()).containsExactly("Alessia Tricomi");
      assertThat(e.published()).isEqualTo(Instant.parse("2004-06-07T11:08:22Z"));
      assertThat(e.primaryCategory()).isEqualTo("hep-ex");
      assertThat(e.comment()).startsWith("Presented at XXXIX Rencontres de Moriond");
      assertThat(e.doi()).isNull();
      assertThat(norm(e).arxivId()).isEqualTo("hep-ex/0406020");
    }

    @Test
    void idAskedWithoutVersionAnswersWithOne() throws Exception {
      Entry e = only(real("arxiv_2026_idlist_1605.08386.xml"));
      assertThat(e.id().display()).isEqualTo("1605.08386v1");
      assertThat(e.title()).isEqualTo("Heat-bath random walks with Markov bases");
      assertThat(e.authors()).hasSize(2);
      assertThat(e.primaryCategory()).isEqualTo("math.CO");
      assertThat(e.categories()).containsExactly("math.CO", "math.ST");
      assertThat(norm(e).published()).isEqualTo(LocalDate.of(2016, 5, 26));
    }

    @Test
    void searchPageWithVersionsDoisAndMojibake() throws Exception {
      Feed f = real("arxiv_2026_search_testing_start0_max10.xml");
      assertThat(f.totalResults()).isEqualTo(214881);
      assertThat(f.itemsPerPage()).isEqualTo(10);
      assertThat(f.startIndex()).isZero();
      assertThat(f.errors()).isEmpty();
      assertThat(f.entries()).hasSize(10);
      assertThat(f.entries().get(0).id().display()).isEqualTo("2202.12139v1");
      assertThat(f.entries().get(9).id().display()).isEqualTo("1812.11470v1");
      assertThat(f.entries().stream().filter(e -> e.doi() != null)).hasSize(6);
      Map<String, Integer> above1 = f.entries().stream().filter(e -> e.id().version() > 1)
          .collect(Collectors.toMap(e -> e.id().value(), e -> e.id().version()));
      assertThat(above1).containsExactlyInAnyOrderEntriesOf(Map.of(
          "2005.14124", 2, "2204.08348", 3, "2302.03287", 3, "2503.05378", 2, "2502.07719", 2));
      f.entries().stream().filter(e -> e.id().version() > 1)
          .forEach(e -> assertThat(e.updated()).isAfter(e.published()));
      Entry ramirez = f.entries().get(1);
      assertThat(ramirez.id().value()).isEqualTo("2405.13786");
      assertThat(ramirez.authors()).containsExactly(
          "Aurora Ram\u00c3\u00adrez", "Mario Berrios", "Jos\u00c3\u00a9 Ra\u00c3\u00bal Romero", "Robert Feldt");
      assertThat(norm(ramirez).authors()).containsExactly(
          "Aurora Ram\u00c3\u00adrez", "Mario Berrios", "Jos\u00c3\u00a9 Ra\u00c3\u00bal Romero", "Robert Feldt");
      assertThat(f.entries().get(0).journalRef()).startsWith("Artificial Intelligence in Software Testing");
      assertThat(f.entries().get(4).title()).isEqualTo("ChatGPT and Software Testing Education: Promises & Perils");
    }

    @ParameterizedTest
    @ValueSource(strings = {"arxiv_2026_idlist_1706.03762_max1.xml", "arxiv_2026_idlist_1706.03762_max10.xml",
        "arxiv_legacy2024_idlist_1706.03762.xml"})
    void attentionInEveryFormat(String file) throws Exception {
      Feed f = real(file);
      assertThat(f.totalResults()).isEqualTo(1);
      assertThat(f.itemsPerPage()).isEqualTo(file.contains("max1.") ? 1 : 10);
      Entry e = only(f);
      assertThat(e.id().display()).isEqualTo("1706.03762v7");
      assertThat(e.title()).isEqualTo("Attention Is All You Need");
      assertThat(e.authors()).hasSize(8).startsWith("Ashish Vaswani").endsWith("Illia Polosukhin");
      assertThat(e.published()).isEqualTo(Instant.parse("2017-06-12T17:57:34Z"));
      assertThat(e.updated()).isEqualTo(Instant.parse("2023-08-02T00:41:18Z"));
      assertThat(e.primaryCategory()).isEqualTo("cs.CL");
      assertThat(e.categories()).containsExactly("cs.CL", "cs.LG");
      assertThat(e.comment()).isEqualTo("15 pages, 5 figures");
      assertThat(e.doi()).isNull();
      assertThat(e.journalRef()).isNull();
    }

    @Test
    void legacyAndCurrentFormatsNormalizeToTheSameRecord() throws Exception {
      Entry current = only(real("arxiv_2026_idlist_1706.03762_max1.xml"));
      Entry legacy = only(real("arxiv_legacy2024_idlist_1706.03762.xml"));
      assertThat(legacy.summary()).contains("\n").isNotEqualTo(current.summary());
      assertThat(norm(legacy)).isEqualTo(norm(current));
      assertThat(only(real("arxiv_2026_idlist_1706.03762_max10.xml"))).isEqualTo(current);
    }

    @Test
    void bertKeepsItsParagraphBreakUntilNormalized() throws Exception {
      Entry e = only(real("arxiv_2026_idlist_1810.04805.xml"));
      assertThat(e.id().display()).isEqualTo("1810.04805v2");
      assertThat(e.authors()).containsExactly("Jacob Devlin", "Ming-Wei Chang", "Kenton Lee", "Kristina Toutanova");
      assertThat(e.published()).isEqualTo(Instant.parse("2018-10-11T00:50:01Z"));
      assertThat(e.updated()).isEqualTo(Instant.parse("2019-05-24T20:37:26Z"));
      assertThat(e.categories()).containsExactly("cs.CL");
      assertThat(e.comment()).isNull();
      assertThat(e.doi()).isNull();
      assertThat(e.summary()).contains("modifications.\n  BERT is conceptually");
      assertThat(norm(e).abstractText()).contains("modifications. BERT is conceptually");
    }

    @Test
    void titleSearchInRelevanceOrder() throws Exception {
      Feed f = real("arxiv_2026_search_ti_pre_training_deep_bidirectional_transformers_max3.xml");
      assertThat(f.totalResults()).isEqualTo(3);
      assertThat(f.entries()).extracting(e -> e.id().display())
          .containsExactly("1810.04805v2", "2210.12440v1", "1902.10126v2");
      assertThat(f.entries().get(0)).isEqualTo(only(real("arxiv_2026_idlist_1810.04805.xml")));
      Entry spectrum = f.entries().get(1);
      assertThat(spectrum.primaryCategory()).isEqualTo("cs.LG");
      assertThat(spectrum.authors()).hasSize(5);
      assertThat(spectrum.comment()).isEqualTo("12 pages, 8 figures");
      assertThat(spectrum.summary()).contains("pre-training & fine-tuning");
      Entry butFit = f.entries().get(2);
      assertThat(butFit.categories()).containsExactly("cs.CL", "cs.AI", "cs.LG", "stat.ML");
      assertThat(butFit.journalRef()).startsWith("Proceedings of the 13th International Workshop");
      assertThat(butFit.authors()).contains("Luk\u00e1\u0161 Burget");
    }
  }

  /** The same paths on hand-made fixtures, so that a clone without ../shared tests them too. */
  @Nested
  class OwnFixtures {
    @Test
    void legacyFormatWithWrappedTitleVersionDoiAndJournalRef() throws Exception {
      Feed f = own("legacy_idlist_1501.00123v3.xml");
      assertThat(f.totalResults()).isEqualTo(1);
      assertThat(f.itemsPerPage()).isEqualTo(10);
      Entry e = only(f);
      assertThat(e.id().display()).isEqualTo("1501.00123v3");
      assertThat(e.title()).contains("Far Too\n  Many Words");
      assertThat(e.authors()).containsExactly("Ada Example", "Bob\n        Sample");
      assertThat(e.published()).isEqualTo(Instant.parse("2015-01-02T18:00:00Z"));
      assertThat(e.updated()).isEqualTo(Instant.parse("2015-06-01T10:00:00Z"));
      assertThat(e.primaryCategory()).isEqualTo("hep-th");
      assertThat(e.categories()).containsExactly("hep-th", "gr-qc");
      assertThat(e.doi()).isEqualTo("10.1103/PhysRevD.91.012345");
      assertThat(e.journalRef()).isEqualTo("Phys. Rev. D 91, 012345 (2015)");
      assertThat(e.comment()).isEqualTo("12 pages, 2 figures");

      SourceRecord r = norm(e);
      assertThat(r.arxivId()).isEqualTo("1501.00123");
      assertThat(r.arxivVersion()).isEqualTo(3);
      assertThat(r.title())
          .isEqualTo("A Hand-Made Study of Wrapped Titles in Legacy Feeds, With Far Too Many Words");
      assertThat(r.authors()).containsExactly("Ada Example", "Bob Sample");
      assertThat(r.abstractText()).isEqualTo("We study feeds whose text is hard-wrapped at seventy-eight columns, "
          + "so that every line ends in a newline and the second line starts without indentation.");
      assertThat(r.doi()).isEqualTo("10.1103/physrevd.91.012345");
      assertThat(r.published()).isEqualTo(LocalDate.of(2015, 1, 2));
      assertThat(r.year()).isEqualTo(2015);
      assertThat(r.primaryCategory()).isEqualTo("hep-th");
      assertThat(r.categories()).containsExactly("hep-th", "gr-qc");
      assertThat(r.journalRef()).isEqualTo("Phys. Rev. D 91, 012345 (2015)");
    }

    @Test
    void currentFormatSearchPage() throws Exception {
      Feed f = own("current_search_page.xml");
      assertThat(f.totalResults()).isEqualTo(4242);
      assertThat(f.startIndex()).isEqualTo(20);
      assertThat(f.itemsPerPage()).isEqualTo(3);
      assertThat(f.errors()).isEmpty();
      assertThat(f.entries()).extracting(e -> e.id().display())
          .containsExactly("2301.01234v1", "math/0309136v2", "2104.00001v4");

      Entry widgets = f.entries().get(0);
      assertThat(widgets.title()).isEqualTo("Widgets & Gadgets: A Study");
      assertThat(widgets.authors()).containsExactly("Bj\u00c3\u00b6rn M\u00c3\u00bcller", "Chlo\u00e9 \u00dcnal");
      assertThat(widgets.doi()).isEqualTo("10.5555/WIDGET.2023.001");
      assertThat(widgets.journalRef()).isEqualTo("Proc. Widget Conf. 2023, pp. 1-8");
      assertThat(widgets.primaryCategory()).isEqualTo("cs.SE");
      assertThat(widgets.summary()).isEqualTo("Widgets are studied.\n  Gadgets too.");
      SourceRecord w = norm(widgets);
      assertThat(w.authors()).containsExactly("Bj\u00c3\u00b6rn M\u00c3\u00bcller", "Chlo\u00e9 \u00dcnal");
      assertThat(w.doi()).isEqualTo("10.5555/widget.2023.001");
      assertThat(w.abstractText()).isEqualTo("Widgets are studied. Gadgets too.");

      Entry old = f.entries().get(1);
      assertThat(old.id().value()).isEqualTo("math/0309136");
      assertThat(old.authors()).containsExactly("Dora Topologist");
      assertThat(old.primaryCategory()).isEqualTo("math.GT");
      assertThat(old.categories()).containsExactly("math.GT", "math.AG");
      // 23:30 at UTC-4 is already the next day in UTC.
      assertThat(norm(old).published()).isEqualTo(LocalDate.of(2003, 9, 9));
      assertThat(norm(old).arxivVersion()).isEqualTo(2);

      Entry zero = f.entries().get(2);
      assertThat(zero.title()).isEqualTo("0");
      assertThat(norm(zero).title()).isEqualTo("0");
      assertThat(zero.id().version()).isEqualTo(4);
      assertThat(zero.updated()).isAfter(zero.published());
    }

    @Test
    void currentErrorFeed() throws Exception {
      Feed f = own("error_incorrect_id.xml");
      assertThat(f.entries()).isEmpty();
      assertThat(f.errors()).containsExactly(new ErrorEntry(
          "https://arxiv.org/api/errors#incorrect_id_format_for_xyz", "incorrect id format for xyz"));
    }

    @Test
    void legacyErrorFeed() throws Exception {
      Feed f = own("legacy_error.xml");
      assertThat(f.entries()).isEmpty();
      assertThat(f.errors()).extracting(ErrorEntry::message).containsExactly("incorrect id format for 1501.0001");
    }

    @Test
    void emptyFeed() throws Exception {
      Feed f = own("empty.xml");
      assertThat(f.totalResults()).isZero();
      assertThat(f.entries()).isEmpty();
      assertThat(f.errors()).isEmpty();
    }
  }

  @Nested
  class Edges {
    private static final String HEAD = "<feed xmlns=\"http://www.w3.org/2005/Atom\" "
        + "xmlns:arxiv=\"http://arxiv.org/schemas/atom\">";

    @Test
    void aPaperTitledErrorIsStillAPaper() throws Exception {
      Feed f = parse(HEAD + "<entry><id>http://arxiv.org/abs/1501.00001v1</id><title>Error</title>"
          + "<summary>On errors.</summary></entry></feed>");
      assertThat(f.errors()).isEmpty();
      assertThat(only(f).title()).isEqualTo("Error");
    }

    @Test
    void anEntryWithoutAnArxivIdIsLeftOut() throws Exception {
      Feed f = parse(HEAD + "<entry><id>urn:something:else</id><title>Who?</title></entry>"
          + "<entry><id>http://arxiv.org/abs/1501.00001v2</id><title>Me</title></entry></feed>");
      assertThat(only(f).id().display()).isEqualTo("1501.00001v2");
    }

    @Test
    void elementsInAnotherNamespaceAreNotTakenForArxivOnes() throws Exception {
      Feed f = parse(HEAD + "<entry xmlns:x=\"urn:x\"><id>http://arxiv.org/abs/1501.00001v1</id>"
          + "<x:doi>10.1/not-this</x:doi><x:title>no</x:title><title>yes</title>"
          + "<arxiv:primary_category term=\"cs.LG\"/></entry></feed>");
      Entry e = only(f);
      assertThat(e.doi()).isNull();
      assertThat(e.title()).isEqualTo("yes");
      assertThat(e.primaryCategory()).isEqualTo("cs.LG");
    }

    @Test
    void cdataAndEntitiesAreText() throws Exception {
      Entry e = only(parse(HEAD + "<entry><id>http://arxiv.org/abs/1501.00001v1</id>"
          + "<title>A <![CDATA[<b>bold</b>]]> &amp; &#233;</title></entry></feed>"));
      assertThat(e.title()).isEqualTo("A <b>bold</b> & \u00e9");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Rate exceeded.", "<html><body>Bad gateway</body></html>",
        "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry>", "<?xml version='1.0'?><rss/>"})
    void unreadableAnswersFailCleanly(String body) {
      assertThatThrownBy(() -> parse(body)).isInstanceOf(ArxivFormatException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\n\n", "  \r\n\t", "\uFEFF", "\uFEFF\n  "})
    void strayWhiteSpaceOrAByteOrderMarkBeforeTheDeclarationIsTheSameFeed(String before) throws Exception {
      byte[] real = RealFixtures.bytes("arxiv/arxiv_2026_idlist_1706.03762_max1.xml");
      byte[] lead = before.getBytes(StandardCharsets.UTF_8);
      byte[] xml = new byte[lead.length + real.length];
      System.arraycopy(lead, 0, xml, 0, lead.length);
      System.arraycopy(real, 0, xml, lead.length, real.length);
      Entry e = only(ArxivParser.parse(xml));
      assertThat(e.id().display()).isEqualTo("1706.03762v7");
      assertThat(e.title()).isEqualTo("Attention Is All You Need");
    }

    @ParameterizedTest
    @ValueSource(strings = {" ", "\n\r\t ", "\uFEFF", "\uFEFF \n"})
    void onlyWhiteSpaceIsAnEmptyAnswer(String body) {
      assertThatThrownBy(() -> parse(body)).isInstanceOf(ArxivFormatException.class)
          .hasMessageContaining("empty answer");
    }

    @Test
    void nullIsRefused() {
      assertThatThrownBy(() -> ArxivParser.parse(null)).isInstanceOf(ArxivFormatException.class);
    }
  }

  @Nested
  class Hostile {
    @TempDir
    Path dir;

    private String secretUri() throws Exception {
      Path secret = dir.resolve("passwd");
      Files.writeString(secret, "root:x:0:0:root:/root:/bin/bash\n");
      return secret.toUri().toString();
    }

    private void assertRefusedWithoutLeak(String xml) {
      Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> {
        Feed f = parse(xml);
        // Had it parsed, nothing of the file may show anywhere.
        assertThat(f.toString()).doesNotContain("root:");
      });
      assertThat(t).isInstanceOf(ArxivFormatException.class);
      for (Throwable c = t; c != null; c = c.getCause()) {
        assertThat(String.valueOf(c.getMessage())).doesNotContain("root:");
      }
    }

    @Test
    void externalEntityInTitleIsNotRead() throws Exception {
      assertRefusedWithoutLeak("<?xml version=\"1.0\"?>\n<!DOCTYPE feed [<!ENTITY x SYSTEM \"" + secretUri()
          + "\">]>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry>"
          + "<id>http://arxiv.org/abs/1501.00001v1</id><title>&x;</title></entry></feed>");
    }

    @Test
    void etcPasswdEntityIsNotRead() {
      assertRefusedWithoutLeak("<?xml version=\"1.0\"?>\n"
          + "<!DOCTYPE feed [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
          + "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry>"
          + "<id>http://arxiv.org/abs/1501.00001v1</id><title>&x;</title></entry></feed>");
    }

    @Test
    void externalDtdAndParameterEntitiesAreNotRead() throws Exception {
      String uri = secretUri();
      assertRefusedWithoutLeak("<!DOCTYPE feed SYSTEM \"" + uri + "\">"
          + "<feed xmlns=\"http://www.w3.org/2005/Atom\"/>");
      assertRefusedWithoutLeak("<!DOCTYPE feed [<!ENTITY % p SYSTEM \"" + uri + "\"> %p;]>"
          + "<feed xmlns=\"http://www.w3.org/2005/Atom\"/>");
    }

    @Test
    void billionLaughsDoesNotBlowUp() {
      StringBuilder b = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE feed [\n<!ENTITY lol0 \"lol\">\n");
      for (int i = 1; i <= 9; i++) {
        String prev = "&lol" + (i - 1) + ";";
        b.append("<!ENTITY lol").append(i).append(" \"").append(prev.repeat(10)).append("\">\n");
      }
      b.append("]>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry>")
          .append("<id>http://arxiv.org/abs/1501.00001v1</id><title>&lol9;</title></entry></feed>");
      String xml = b.toString();
      assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
          assertThatThrownBy(() -> parse(xml)).isInstanceOf(ArxivFormatException.class));
    }
  }

  @Test
  void severalDoisKeepTheFirst() {
    assertThat(ArxivNormalizer.firstDoi(" 10.1/a 10.2/b")).isEqualTo("10.1/a");
    assertThat(ArxivNormalizer.firstDoi("none here")).isNull();
    assertThat(ArxivNormalizer.firstDoi(null)).isNull();
  }

  @Test
  void idsFromEntryUrls() {
    assertThat(ArxivParser.idFromUrl("http://arxiv.org/abs/1909.10351v2").display()).isEqualTo("1909.10351v2");
    assertThat(ArxivParser.idFromUrl("https://arxiv.org/abs/hep-ex/0406020v1").display())
        .isEqualTo("hep-ex/0406020v1");
    assertThat(ArxivParser.idFromUrl("https://arxiv.org/api/errors#incorrect_id_format_for_abc")).isNull();
    assertThat(ArxivParser.idFromUrl(null)).isNull();
    assertThat(ArxivParser.idFromUrl(" http://arxiv.org/abs/1909.10351v2\n").display()).isEqualTo("1909.10351v2");
  }
}
