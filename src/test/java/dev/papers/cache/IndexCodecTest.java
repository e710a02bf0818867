package dev.papers.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.papers.model.Citation;
import dev.papers.model.Histogram;
import dev.papers.model.Observation;
import dev.papers.model.Paper;
import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class IndexCodecTest {
  static final Instant T = Instant.parse("2024-10-23T17:47:53.123456789Z");

  /** A paper with every field set, none to its default, and text that is not ASCII. */
  static Paper everyField() {
    TreeMap<String, Citation> citations = new TreeMap<>();
    citations.put("semanticScholar", new Citation(111096, 15817, T.plusSeconds(60)));
    citations.put("scholar", new Citation(150000, null, T, "15570691018430890829", null));
    citations.put("reported", new Citation(67, null, T.minusSeconds(86_400), null, "001.txt:12"));
    List<Observation> history = List.of(
        new Observation("reported", 67, T.minusSeconds(86_400), null, null, "001.txt:12"),
        new Observation("semanticScholar", 107745, T, null, 15613, null),
        new Observation("semanticScholar", 0, T.plusSeconds(30), true, null, null),
        new Observation("semanticScholar", 111096, T.plusSeconds(60), false, 15817, null));
    TreeMap<String, Histogram> histograms = new TreeMap<>();
    histograms.put("semanticScholar", new Histogram("semanticScholar", T,
        new TreeMap<>(Map.of(2017, 12, 2018, 1500, 2024, 40000)), 10000, 111096, true));
    return Paper.builder("arxiv:1706.03762").arxivId("1706.03762").arxivVersion(7).doi("10.5555/3295222.3295349")
        .s2Id("204e3073870fae3d05bcbc2f6a8e263d9b72e776").openAlexId("W2963403868").corpusId(13756489L)
        .title("Attention Is All You Need — 注意力").titleSource("arxiv")
        .authors(List.of("Ashish Vaswani", "José Raúl Romero", "Łukasz Kaiser"))
        .abstractText("The dominant sequence transduction… 模型").published(LocalDate.of(2017, 6, 12)).year(2017)
        .venue("NeurIPS").journalRef("Advances in NIPS 30").primaryCategory("cs.CL")
        .categories(List.of("cs.CL", "cs.LG")).citations(citations).history(history).histograms(histograms)
        .topics(List.of("distillation", "efficient-transformers"))
        .aliases(List.of("corpus:13756489", "s2:204e3073870fae3d05bcbc2f6a8e263d9b72e776"))
        .fetched(new TreeMap<>(Map.of("arxiv", T, "semanticScholar", T.plusSeconds(60))))
        .createdAt(T.minusSeconds(5)).updatedAt(T.plusSeconds(90)).build();
  }

  static Paper roundTrip(Paper p, String[] abstractOut) {
    IndexCodec.Out o = new IndexCodec.Out();
    IndexCodec.write(p, o);
    IndexCodec.In in = new IndexCodec.In(ByteBuffer.wrap(o.bytes()), 0);
    Paper back = IndexCodec.read(in);
    abstractOut[0] = IndexCodec.readAbstract(in);
    assertThat(in.position()).as("every byte read").isEqualTo(o.length());
    return back;
  }

  @Test
  void everyFieldButTheAbstractComesBackEqualAndTheAbstractOnDemand() {
    Paper p = everyField();
    for (RecordComponent c : Paper.class.getRecordComponents()) {
      try {
        Object v = c.getAccessor().invoke(p);
        assertThat(v).as("the fixture sets " + c.getName()).isNotNull();
        if (v instanceof java.util.Collection<?> coll) {
          assertThat(coll).as("the fixture fills " + c.getName()).isNotEmpty();
        } else if (v instanceof Map<?, ?> m) {
          assertThat(m).as("the fixture fills " + c.getName()).isNotEmpty();
        }
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
    }
    String[] abs = new String[1];
    Paper back = roundTrip(p, abs);
    assertThat(back.abstractText()).isNull();
    assertThat(abs[0]).isEqualTo(p.abstractText());
    assertThat(back).isEqualTo(p.toBuilder().abstractText(null).build());
  }

  @Test
  void anEmptyEntryComesBackEmpty() {
    Paper p = Paper.create("doi:10.1145/1541880.1541882", null);
    String[] abs = new String[1];
    assertThat(roundTrip(p, abs)).isEqualTo(p);
    assertThat(abs[0]).isNull();
  }
}
