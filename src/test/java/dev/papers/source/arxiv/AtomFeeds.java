package dev.papers.source.arxiv;

import java.util.List;

/** Builds small current-format arXiv feeds for stand-in servers. */
final class AtomFeeds {
  private AtomFeeds() {}

  /** A feed with one entry per versioned id ({@code 1909.10351v2}, {@code math/0309136v1}), in order. */
  static String feed(List<String> versionedIds) {
    StringBuilder b = new StringBuilder("<?xml version='1.0' encoding='UTF-8'?>\n"
        + "<feed xmlns:opensearch=\"http://a9.com/-/spec/opensearch/1.1/\" "
        + "xmlns:arxiv=\"http://arxiv.org/schemas/atom\" xmlns=\"http://www.w3.org/2005/Atom\">\n"
        + "  <id>https://arxiv.org/api/stand-in</id>\n  <title>arXiv Query</title>\n"
        + "  <opensearch:itemsPerPage>100</opensearch:itemsPerPage>\n"
        + "  <opensearch:totalResults>" + versionedIds.size() + "</opensearch:totalResults>\n"
        + "  <opensearch:startIndex>0</opensearch:startIndex>\n");
    for (String id : versionedIds) {
      b.append("  <entry>\n    <id>http://arxiv.org/abs/").append(id).append("</id>\n")
          .append("    <title>Paper ").append(id).append("</title>\n")
          .append("    <updated>2021-02-03T04:05:06Z</updated>\n")
          .append("    <summary>About ").append(id).append(".</summary>\n")
          .append("    <category term=\"cs.LG\" scheme=\"http://arxiv.org/schemas/atom\"/>\n")
          .append("    <published>2020-01-02T03:04:05Z</published>\n")
          .append("    <arxiv:primary_category term=\"cs.LG\"/>\n")
          .append("    <author>\n      <name>Author of ").append(id).append("</name>\n    </author>\n")
          .append("  </entry>\n");
    }
    return b.append("</feed>\n").toString();
  }

  static String feed(String... versionedIds) {
    return feed(List.of(versionedIds));
  }

  /** arXiv's error feed for an id it refuses. */
  static String error(String badId) {
    String anchor = "incorrect_id_format_for_" + badId;
    return "<?xml version='1.0' encoding='UTF-8'?>\n"
        + "<feed xmlns:opensearch=\"http://a9.com/-/spec/opensearch/1.1/\" "
        + "xmlns:arxiv=\"http://arxiv.org/schemas/atom\" xmlns=\"http://www.w3.org/2005/Atom\">\n"
        + "  <id>https://arxiv.org/</id>\n  <title>arXiv Search Results</title>\n"
        + "  <opensearch:itemsPerPage>1</opensearch:itemsPerPage>\n"
        + "  <opensearch:totalResults>1</opensearch:totalResults>\n"
        + "  <opensearch:startIndex>0</opensearch:startIndex>\n"
        + "  <entry>\n    <id>https://arxiv.org/api/errors#" + anchor + "</id>\n    <title>Error</title>\n"
        + "    <summary>incorrect id format for " + badId + "</summary>\n"
        + "    <author>\n      <name>arXiv api core</name>\n    </author>\n  </entry>\n</feed>\n";
  }
}
