package dev.papers.source.scholar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.papers.model.SourceRecord;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A "Cited by" number that is no count is not stored (never as 0), and the record says why. */
class ScholarCountTest {
  private static final String URL = "https://scholar.google.com/scholar?q=x&hl=en";

  private static String page(String citedBy) {
    return "<html><body><div id=\"gs_res_ccl_mid\"><div class=\"gs_r gs_or gs_scl\" data-cid=\"4qAC3XBmStsJ\">"
        + "<div class=\"gs_ri\"><h3 class=\"gs_rt\"><a href=\"https://example.org/p\">A paper</a></h3>"
        + "<div class=\"gs_a\">A Author - Venue, 2019 - example.org</div>"
        + "<div class=\"gs_fl\"><a href=\"/scholar?cites=15801554877513113826&amp;hl=en\">Cited by " + citedBy
        + "</a></div></div></div></div></body></html>";
  }

  @Test
  void anOverflowingCitedByIsNotStoredAndNotZero() {
    ScholarResult r = ScholarParser.parse(page("99999999999999"), URL).results().get(0);
    assertThat(r.citedBy()).isNull();
    assertThat(r.citedByProblem()).contains("too large").contains("99999999999999");
    SourceRecord rec = ScholarSource.toRecord(r, Instant.parse("2026-11-22T00:00:00Z"));
    assertThat(rec.count()).isNull();
    assertThat(rec.title()).isEqualTo("A paper");
    assertThat(rec.notes()).singleElement().asString().contains("Cited by").contains("99999999999999");
  }

  @Test
  void anOrdinaryCitedByIsStored() {
    ScholarResult r = ScholarParser.parse(page("1,234"), URL).results().get(0);
    assertThat(r.citedBy()).isEqualTo(1234);
    SourceRecord rec = ScholarSource.toRecord(r, Instant.parse("2026-11-22T00:00:00Z"));
    assertThat(rec.count()).isEqualTo(1234);
    assertThat(rec.notes()).isEmpty();
  }
}
