package dev.papers.digest;

import dev.papers.model.Text;
import java.util.Locale;
import java.util.Set;

/** The first sentence of an abstract, for a digest's one-line summary. */
public final class FirstSentence {
  /** Longest summary, in characters; a longer first sentence is cut at a word, with "…". */
  public static final int MAX = 300;

  private static final Set<String> ABBREVIATIONS = Set.of("e.g", "i.e", "al", "fig", "figs", "eq", "eqs",
      "vs", "cf", "etc", "approx", "resp", "ref", "refs", "sec", "no", "dr", "mr", "ms", "prof", "st", "jr",
      "inc", "ltd", "co", "u.s", "viz", "ca");

  private FirstSentence() {}

  /** The abstract's first sentence (whitespace collapsed), or null when there is no abstract. */
  public static String of(String abstractText) {
    String s = Text.oneLine(abstractText);
    if (s == null) {
      return null;
    }
    int end = end(s);
    String first = end < 0 ? s : s.substring(0, end + 1);
    if (first.length() > MAX) {
      int cut = first.lastIndexOf(' ', MAX - 1);
      first = first.substring(0, cut > MAX / 2 ? cut : MAX - 1).strip() + "…";
    }
    return first;
  }

  /** The index of the character that ends the first sentence, or -1. */
  private static int end(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '。' || c == '！' || c == '？') {
        return i;
      }
      if (c != '.' && c != '!' && c != '?') {
        continue;
      }
      boolean atEnd = i + 1 >= s.length();
      if (atEnd) {
        return i;
      }
      if (s.charAt(i + 1) != ' ' || i + 2 >= s.length()) {
        continue; // 3.5, U.S.A, a closing quote: not an end
      }
      char next = s.charAt(i + 2);
      if (Character.isLowerCase(next)) {
        continue; // "e.g. the": the next word does not start a sentence
      }
      if (c == '.' && abbreviation(s, i)) {
        continue;
      }
      return i;
    }
    return -1;
  }

  /** Whether the word before the period at {@code dot} is an abbreviation or an initial. */
  private static boolean abbreviation(String s, int dot) {
    int start = dot;
    while (start > 0 && s.charAt(start - 1) != ' ' && s.charAt(start - 1) != '(') {
      start--;
    }
    String word = s.substring(start, dot).toLowerCase(Locale.ROOT);
    if (word.length() == 1 && Character.isLetter(word.charAt(0))) {
      return true; // an initial: "J. Smith"
    }
    return ABBREVIATIONS.contains(word);
  }
}
