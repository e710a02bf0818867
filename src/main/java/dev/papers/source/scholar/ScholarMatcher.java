package dev.papers.source.scholar;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Picks the result of a Scholar page that is the paper asked for: the normalized titles must be
 * nearly the same (the better of token Jaccard and normalized Levenshtein similarity, with a title
 * Scholar cut short with "…" compared on what it shows), and the year (within one) and the first
 * author's family name, when both sides know them, raise or lower the score. Two candidates whose
 * scores are within {@link #margin()} of each other are ambiguous: better no count than a wrong one.
 */
public final class ScholarMatcher {
  /** Default score a result needs. */
  public static final double ACCEPT = 0.9;
  /** Default: two accepted results closer than this are ambiguous. */
  public static final double MARGIN = 0.05;
  /** A title less similar than this is never taken, whatever the year and authors say. */
  static final double TITLE_FLOOR = 0.88;

  /** How a match came out. */
  public enum Status { MATCH, AMBIGUOUS, NONE }

  /**
   * A result taken as the paper.
   *
   * @param result the result
   * @param score title similarity adjusted by the year and author checks
   * @param reason what went into the score, for {@code --verbose}
   */
  public record Match(ScholarResult result, double score, String reason) {}

  /**
   * The outcome of matching one paper against one page.
   *
   * @param status match, ambiguous or none
   * @param match the match when status is MATCH, else null
   * @param candidates the close candidates when ambiguous (best first), else the match alone or empty
   * @param reason one line saying why, for {@code --verbose}
   */
  public record Outcome(Status status, Match match, List<Match> candidates, String reason) {
    public Outcome {
      candidates = List.copyOf(candidates);
    }
  }

  private final double accept;
  private final double margin;

  public ScholarMatcher() {
    this(ACCEPT, MARGIN);
  }

  public ScholarMatcher(double accept, double margin) {
    this.accept = accept;
    this.margin = margin;
  }

  public double accept() {
    return accept;
  }

  public double margin() {
    return margin;
  }

  /**
   * Matches a paper to a page's results.
   *
   * @param title the paper's title
   * @param year its year, or null
   * @param firstAuthorFamily its first author's family name (a full name works too), or null
   * @param results the page's results
   */
  public Outcome match(String title, Integer year, String firstAuthorFamily, List<ScholarResult> results) {
    String want = normalizeTitle(title);
    if (want.isEmpty()) {
      return new Outcome(Status.NONE, null, List.of(), "no title to match");
    }
    if (results.isEmpty()) {
      return new Outcome(Status.NONE, null, List.of(), "Scholar listed no results for \"" + title + "\"");
    }
    List<Match> scored = new ArrayList<>();
    for (ScholarResult r : results) {
      scored.add(score(want, year, firstAuthorFamily, r));
    }
    scored.sort(Comparator.comparingDouble(Match::score).reversed());
    List<Match> ok = new ArrayList<>();
    for (Match m : scored) {
      if (m.score() >= accept && titleSimilarity(want, m.result().title()) >= TITLE_FLOOR) {
        ok.add(m);
      }
    }
    if (ok.isEmpty()) {
      Match best = scored.get(0);
      return new Outcome(Status.NONE, null, List.of(), String.format(Locale.ROOT,
          "no result close enough: the best, \"%s\", scored %.2f (needs %.2f; %s)",
          best.result().title(), best.score(), accept, best.reason()));
    }
    Match best = ok.get(0);
    List<Match> close = new ArrayList<>();
    for (Match m : ok) {
      if (best.score() - m.score() < margin) {
        close.add(m);
      }
    }
    if (close.size() > 1 && !sameCluster(close)) {
      StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
          "ambiguous: %d results score within %.2f of each other, so no count is stored:", close.size(), margin));
      for (Match m : close) {
        b.append(String.format(Locale.ROOT, " \"%s\" (%s, %.2f)", m.result().title(),
            m.result().year() == null ? "year unknown" : m.result().year(), m.score()));
      }
      return new Outcome(Status.AMBIGUOUS, null, close, b.toString());
    }
    return new Outcome(Status.MATCH, best, List.of(best), best.reason());
  }

  private static boolean sameCluster(List<Match> ms) {
    String c = ms.get(0).result().clusterId();
    return c != null && ms.stream().allMatch(m -> c.equals(m.result().clusterId()));
  }

  private Match score(String want, Integer year, String author, ScholarResult r) {
    double t = titleSimilarity(want, r.title());
    double s = t;
    List<String> why = new ArrayList<>();
    why.add(String.format(Locale.ROOT, "title %.2f", t));
    if (year != null && r.year() != null) {
      int d = Math.abs(year - r.year());
      if (d == 0) {
        s += 0.02;
        why.add("year " + r.year() + " matches");
      } else if (d == 1) {
        why.add("year " + r.year() + " is one off " + year);
      } else {
        s -= 0.15;
        why.add("year " + r.year() + " is not " + year);
      }
    } else if (year != null) {
      why.add("no year shown");
    }
    String fam = familyKey(author);
    if (fam != null && !r.authors().isEmpty()) {
      int at = authorIndex(fam, r.authors());
      if (at == 0) {
        s += 0.02;
        why.add("first author " + author + " matches");
      } else if (at > 0) {
        s += 0.01;
        why.add(author + " is author " + (at + 1));
      } else {
        s -= 0.1;
        why.add(author + " not among " + String.join(", ", r.authors()));
      }
    }
    return new Match(r, s, String.join(", ", why) + String.format(Locale.ROOT, ": score %.2f", s));
  }

  private static int authorIndex(String fam, List<String> authors) {
    for (int i = 0; i < authors.size(); i++) {
      String a = fold(authors.get(i));
      String[] tokens = a.split(" ");
      String collapsed = a.replace(" ", "");
      String famCollapsed = fam.replace(" ", "");
      String famLast = fam.substring(fam.lastIndexOf(' ') + 1);
      if (tokens[tokens.length - 1].equals(famLast) || collapsed.endsWith(famCollapsed) && famCollapsed.length() >= 3) {
        return i;
      }
    }
    return -1;
  }

  /** The family name, folded; a full name "Geoffrey Hinton" gives "hinton". */
  private static String familyKey(String author) {
    if (author == null) {
      return null;
    }
    String a = author.strip();
    int comma = a.indexOf(',');
    if (comma > 0) {
      a = a.substring(0, comma); // "Hinton, Geoffrey"
    }
    String f = fold(a);
    return f.isEmpty() ? null : f;
  }

  /** Lower case, accents and punctuation gone, spaces collapsed. */
  private static String fold(String s) {
    String d = Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
    d = d.replace('ß', 's').replace('ø', 'o').replace('Ø', 'o').replace('ł', 'l').replace('Ł', 'l')
        .replace('đ', 'd').replace('æ', 'a').replace('œ', 'o');
    d = d.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ");
    return d.strip().replaceAll(" +", " ");
  }

  /**
   * A title for comparing: lower-case, accents, punctuation and kind markers ({@code [PDF]}) gone,
   * spaces collapsed. Words joined by a hyphen become two words.
   */
  public static String normalizeTitle(String title) {
    if (title == null) {
      return "";
    }
    String t = title.replaceAll("^\\s*(\\[[^\\]]{1,24}\\]\\s*)+", "");
    return fold(t);
  }

  /**
   * Similarity of a wanted title (already normalized) and a result title, 0 to 1. A result title
   * with "…" is compared on its visible fragments, which must all appear in order.
   */
  static double titleSimilarity(String wantNormalized, String resultTitle) {
    if (resultTitle == null) {
      return 0;
    }
    String got = normalizeTitle(resultTitle);
    double plain = similarity(wantNormalized, got);
    if (!(resultTitle.contains("…") || resultTitle.contains("..."))) {
      return plain;
    }
    int from = 0;
    int shown = 0;
    for (String frag : resultTitle.split("…|\\.\\.\\.")) {
      String f = normalizeTitle(frag);
      if (f.isEmpty()) {
        continue;
      }
      int at = wantNormalized.indexOf(f, from);
      if (at < 0) {
        return plain;
      }
      from = at + f.length();
      shown += f.length();
    }
    double coverage = (double) shown / wantNormalized.length();
    // A cut title that shows most of the wanted one, word for word, is as good as whole.
    return Math.max(plain, coverage >= 0.6 ? 0.9 + 0.1 * coverage : coverage);
  }

  /** The better of token Jaccard and normalized Levenshtein similarity of two normalized titles. */
  public static double similarity(String a, String b) {
    if (a.isEmpty() || b.isEmpty()) {
      return a.equals(b) ? 1 : 0;
    }
    Set<String> ta = new HashSet<>(List.of(a.split(" ")));
    Set<String> tb = new HashSet<>(List.of(b.split(" ")));
    Set<String> inter = new HashSet<>(ta);
    inter.retainAll(tb);
    Set<String> union = new HashSet<>(ta);
    union.addAll(tb);
    double jaccard = (double) inter.size() / union.size();
    double lev = 1.0 - (double) levenshtein(a, b) / Math.max(a.length(), b.length());
    return Math.max(jaccard, lev);
  }

  static int levenshtein(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
