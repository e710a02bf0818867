package dev.papers.source.s2;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.papers.http.Policy;
import dev.papers.http.Reply;
import dev.papers.http.Upstream;
import dev.papers.json.Json;
import dev.papers.model.SourceRecord;
import dev.papers.source.Recommendations;
import dev.papers.source.SourceException;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Semantic Scholar's Recommendations API: {@code POST $PAPERS_S2_RECOMMENDATIONS_URL/papers/?fields=...&limit=N}
 * with {@code {"positivePaperIds": [...], "negativePaperIds": [...]}}, answered by
 * {@code {"recommendedPapers": [...]}}. One request whatever the number of examples.
 *
 * <p>It is asked with Semantic Scholar's policy (same spacing, retries and API key as the Graph API):
 * the key travels only in {@code x-api-key}, never in a URL or message.
 */
public final class S2Recommendations implements Recommendations {
  /** The default base, {@code PAPERS_S2_RECOMMENDATIONS_URL}. */
  public static final String DEFAULT_BASE_URL = "https://api.semanticscholar.org/recommendations/v1";

  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private final HttpUrl base;
  private final Upstream upstream;
  private final Policy policy;
  private final Clock clock;
  private final S2Errors errors;

  /**
   * @param baseUrl the Recommendations API base ({@code PAPERS_S2_RECOMMENDATIONS_URL})
   * @param upstream the program's one way to send requests
   * @param policy Semantic Scholar's policy ({@link S2Source#defaultPolicy})
   * @param clock "now", for {@code observedAt}
   */
  public S2Recommendations(String baseUrl, Upstream upstream, Policy policy, Clock clock) {
    this.base = S2Source.baseUrl(baseUrl, "Semantic Scholar recommendations");
    this.upstream = upstream;
    this.policy = policy;
    this.clock = clock;
    this.errors = new S2Errors(S2Source.apiKey(policy), "Semantic Scholar's recommendations",
        "Semantic Scholar's recommendations");
  }

  @Override
  public List<SourceRecord> recommend(List<String> positivePaperIds, List<String> negativePaperIds, int limit)
      throws SourceException {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", not " + limit);
    }
    Set<String> positives = ids(positivePaperIds);
    Set<String> negatives = ids(negativePaperIds);
    negatives.removeAll(positives);
    if (positives.isEmpty()) {
      return List.of();
    }
    HttpUrl url = base.newBuilder().addPathSegment("papers").addPathSegment("")
        .addQueryParameter("fields", S2Source.FIELDS)
        .addQueryParameter("limit", Integer.toString(limit))
        .build();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("positivePaperIds", List.copyOf(positives));
    body.put("negativePaperIds", List.copyOf(negatives));
    byte[] bytes;
    try {
      bytes = Json.mapper().writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a list of strings as JSON", e);
    }
    Reply r;
    try {
      r = upstream.send(new Request.Builder().url(url).post(RequestBody.create(bytes, JSON)).build(), policy);
    } catch (SourceException e) {
      throw errors.clean(e);
    }
    if (!r.ok()) {
      throw errors.failure(r);
    }
    List<S2Dto.Paper> papers;
    try {
      papers = parse(r.body());
    } catch (IOException e) {
      throw errors.parseFailure(r, e);
    }
    List<SourceRecord> out = new ArrayList<>(papers.size());
    for (S2Dto.Paper p : papers) {
      if (p != null && p.paperId() != null && !p.paperId().isBlank()) {
        out.add(S2Normalizer.record(p, clock.instant()));
      }
    }
    return out;
  }

  /** Distinct paperIds, lower-case, blanks left out. */
  private static Set<String> ids(List<String> raw) {
    Set<String> out = new LinkedHashSet<>();
    if (raw != null) {
      for (String s : raw) {
        if (s != null && !s.isBlank()) {
          out.add(s.strip().toLowerCase(Locale.ROOT));
        }
      }
    }
    return out;
  }

  /** The answer's shape. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Answer(List<S2Dto.Paper> recommendedPapers) {}

  /**
   * The recommended papers of an answer, in its order ({@code null} entries kept as null). A pure
   * function; a body that is not an object with a {@code recommendedPapers} array is an IOException.
   */
  static List<S2Dto.Paper> parse(byte[] body) throws IOException {
    if (body == null || body.length == 0) {
      throw new JsonMappingException(null, "empty body");
    }
    JsonNode n = Json.mapper().readTree(body);
    if (n == null || !n.isObject()) {
      throw new JsonMappingException(null, "expected an object with \"recommendedPapers\", got "
          + (n == null ? "nothing" : n.getNodeType()));
    }
    JsonNode list = n.get("recommendedPapers");
    if (list == null || !list.isArray()) {
      throw new JsonMappingException(null, "expected a \"recommendedPapers\" array, got "
          + (list == null ? "none" : list.getNodeType()));
    }
    Answer a = Json.mapper().treeToValue(n, Answer.class);
    return a.recommendedPapers() == null ? List.of() : java.util.Collections.unmodifiableList(
        new ArrayList<>(a.recommendedPapers()));
  }

  @Override
  public String toString() {
    return "S2Recommendations[" + base + (errors.hasKey() ? ", api key set" : "") + "]";
  }
}
