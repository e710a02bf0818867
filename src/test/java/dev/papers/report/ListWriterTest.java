package dev.papers.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.papers.topic.Membership;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListWriterTest {
  @Test
  void sameMembersAsRankFitsAndListsNotFetched() {
    Membership.Members m = Membership.of(ReportFixtures.topic(), ReportFixtures.papers(), null);
    StringWriter s = new StringWriter();
    new ListWriter(new ReportOptions(false, 60, false)).write(m, new PrintWriter(s));
    List<String> lines = s.toString().lines().toList();
    assertThat(lines.get(0)).startsWith("id").contains("year").contains("citations").contains("title");
    assertThat(lines).allSatisfy(l -> assertThat(DisplayWidth.of(l)).isLessThanOrEqualTo(60));
    assertThat(s.toString()).doesNotContain("\u001b");
    long ranked = ReportFixtures.result().entries().stream().filter(e -> e.cached()).count();
    assertThat(lines.subList(1, 1 + (int) ranked)).allMatch(l -> !l.isBlank());
    assertThat(s.toString()).contains("reported 400").contains("scholar 400").contains("s2 1520");
    assertThat(lines).contains("  papers fetch 1503.02531");
  }
}
