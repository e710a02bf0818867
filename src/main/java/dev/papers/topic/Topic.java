package dev.papers.topic;

import dev.papers.model.PaperId;
import dev.papers.model.Source;
import java.util.List;

/**
 * One topic, as read from {@code queries/NAME.json}.
 *
 * @param name the topic's name (its file name without {@code .json})
 * @param title a human title ("Knowledge distillation")
 * @param arxiv an arXiv {@code search_query}, or null
 * @param semanticScholar a Semantic Scholar search query, or null
 * @param keywords matched offline, case-insensitively, against cached titles and abstracts
 * @param include papers that are always members, parsed
 * @param includeRaw the same ids as written in the file
 * @param exclude papers that are never members, parsed (exclude wins over everything)
 * @param excludeRaw the same ids as written in the file
 * @param since papers older than this year are dropped (except {@code include}), or null
 * @param tagOnly true for a topic that has no file: its members are the papers tagged with its name
 *     (by {@code fetch --topic} or {@code import --topic})
 */
public record Topic(
    String name,
    String title,
    String arxiv,
    String semanticScholar,
    List<String> keywords,
    List<PaperId> include,
    List<String> includeRaw,
    List<PaperId> exclude,
    List<String> excludeRaw,
    Integer since,
    boolean tagOnly) {

  /** A topic read from its file. */
  public Topic(String name, String title, String arxiv, String semanticScholar, List<String> keywords,
      List<PaperId> include, List<String> includeRaw, List<PaperId> exclude, List<String> excludeRaw,
      Integer since) {
    this(name, title, arxiv, semanticScholar, keywords, include, includeRaw, exclude, excludeRaw, since, false);
  }

  /** A topic made by its tag alone: no file, no queries; the members are the tagged papers. */
  public static Topic ofTag(String name) {
    return new Topic(name, name, null, null, List.of(), List.of(), List.of(), List.of(), List.of(), null, true);
  }

  public Topic {
    keywords = keywords == null ? List.of() : List.copyOf(keywords);
    include = include == null ? List.of() : List.copyOf(include);
    includeRaw = includeRaw == null ? List.of() : List.copyOf(includeRaw);
    exclude = exclude == null ? List.of() : List.copyOf(exclude);
    excludeRaw = excludeRaw == null ? List.of() : List.copyOf(excludeRaw);
  }

  /** The topic's search query for a source, or null when it has none (or the source cannot search). */
  public String query(Source source) {
    String q = switch (source) {
      case ARXIV -> arxiv;
      case SEMANTIC_SCHOLAR -> semanticScholar;
      default -> null;
    };
    return q == null || q.isBlank() ? null : q;
  }
}
