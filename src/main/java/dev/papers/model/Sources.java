package dev.papers.model;

/** Source names as they appear in JSON and in {@code --sources}. */
public final class Sources {
  public static final String ARXIV = "arxiv";
  public static final String SEMANTIC_SCHOLAR = "semanticScholar";
  public static final String OPEN_ALEX = "openAlex";
  public static final String SCHOLAR = "scholar";
  public static final String REPORTED = "reported";

  private Sources() {}

  /** The flag value ({@code s2}) for a JSON source name, and the other way round. */
  public static String flagName(String jsonName) {
    return SEMANTIC_SCHOLAR.equals(jsonName) ? "s2" : OPEN_ALEX.equals(jsonName) ? "openalex" : jsonName;
  }

  public static String jsonName(String flag) {
    return "s2".equals(flag) ? SEMANTIC_SCHOLAR : "openalex".equals(flag) ? OPEN_ALEX : flag;
  }
}
