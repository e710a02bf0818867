package dev.papers.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.papers.json.Json;
import dev.papers.model.Paper;
import dev.papers.testing.FakeTime;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one place that holds every copy of the {@link Paper} schema to the record: the builder, the
 * cache's serializer, the streaming {@link PaperReader}, the data-binding mapper and the index's
 * {@link IndexCodec}. A field added to {@code Paper} and forgotten by any of them fails here: the
 * fixture is checked to set every component, and each path must give back an equal record.
 */
class PaperSchemaTest {
  @TempDir Path dir;

  /** The JSON name of a record component, where the contract renames it. */
  static String jsonName(String component) {
    return component.equals("abstractText") ? "abstract" : component;
  }

  @Test
  void theFixtureSetsEveryComponentOfTheRecord() throws ReflectiveOperationException {
    Paper p = IndexCodecTest.everyField();
    for (RecordComponent c : Paper.class.getRecordComponents()) {
      Object v = c.getAccessor().invoke(p);
      assertThat(v).as("the fixture sets " + c.getName()).isNotNull();
      if (v instanceof Collection<?> coll) {
        assertThat(coll).as("the fixture fills " + c.getName()).isNotEmpty();
      } else if (v instanceof Map<?, ?> m) {
        assertThat(m).as("the fixture fills " + c.getName()).isNotEmpty();
      }
    }
  }

  @Test
  void everyFieldRoundTripsThroughTheBuilderTheSerializerBothReadersAndTheIndexCodec() throws IOException {
    Paper p = IndexCodecTest.everyField();
    assertThat(p.toBuilder().build()).as("toBuilder().build()").isEqualTo(p);

    byte[] file = new PaperCache(dir, new FakeTime(Instant.parse("2026-01-01T00:00:00Z"))).serialize(p);
    JsonNode tree = Json.mapper().readTree(file);
    List<String> missing = new ArrayList<>();
    for (RecordComponent c : Paper.class.getRecordComponents()) {
      JsonNode v = tree.get(jsonName(c.getName()));
      if (v == null || v.isNull() || (v.isContainerNode() && v.isEmpty())) {
        missing.add(c.getName());
      }
    }
    assertThat(missing).as("fields the serializer left out").isEmpty();

    assertThat(PaperReader.read(file).paper()).as("PaperReader").isEqualTo(p);
    ObjectNode n = (ObjectNode) tree;
    n.remove("schemaVersion");
    assertThat(Json.mapper().treeToValue(n, Paper.class)).as("the mapper").isEqualTo(p);

    IndexCodec.Out out = new IndexCodec.Out();
    IndexCodec.write(p, out);
    IndexCodec.In in = new IndexCodec.In(ByteBuffer.wrap(out.bytes()), 0);
    Paper fromIndex = IndexCodec.read(in);
    String abstractText = IndexCodec.readAbstract(in);
    assertThat(fromIndex.toBuilder().abstractText(abstractText).build()).as("IndexCodec").isEqualTo(p);
  }
}
