package dev.papers.cli;

import dev.papers.model.Visible;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * How a command line picocli could not parse is reported: the unknown option or command first (not a
 * missing required option it hid: {@code rank -t x} is about {@code -t}), picocli's "did you mean"
 * suggestions, then where to read more. One line of message, shown safe ({@link Visible}).
 */
public final class UsageErrors {
  private UsageErrors() {}

  /** Prints the error, its suggestions and the pointer to {@code --help}. */
  public static void print(ParameterException ex, PrintWriter err) {
    ParameterException shown = ex;
    CommandLine line = ex.getCommandLine();
    List<String> unmatched = line.getUnmatchedArguments();
    if (!(ex instanceof UnmatchedArgumentException) && !unmatched.isEmpty()) {
      shown = new UnmatchedArgumentException(line, unmatched);
    }
    err.println("papers: " + Visible.line(shown.getMessage()));
    if (shown instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
      List<String> s = suggestions(line.getCommandSpec(), u.getUnmatched().get(0), u.getSuggestions());
      if (!s.isEmpty()) {
        err.println("Did you mean " + Visible.line(String.join(" or ", s)) + "?");
      }
    }
    String name = line.getCommandName();
    err.println("Try 'papers " + (name.equals("papers") ? "" : name + " ") + "--help' for more information.");
    err.flush();
  }

  /**
   * What {@code arg} was probably meant to be: the command's subcommands (for a word) or options (for
   * a word starting with {@code -}) at most two edits away (a swap of two letters is one), the long
   * options that start with a short option's letter ({@code -t}: {@code --topic}), then picocli's own;
   * at most three.
   */
  static List<String> suggestions(CommandSpec spec, String arg, List<String> picocli) {
    String word = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
    List<String> candidates = new ArrayList<>();
    if (word.startsWith("-")) {
      for (OptionSpec o : spec.options()) {
        if (!o.hidden()) {
          candidates.addAll(List.of(o.names()));
        }
      }
    } else {
      candidates.addAll(spec.subcommands().keySet());
    }
    Map<String, Integer> scored = new LinkedHashMap<>();
    for (String c : candidates) {
      int d = distance(word, c);
      if (word.length() > 2 && d <= Math.min(2, Math.max(1, word.length() / 3)) && d > 0) {
        scored.put(c, d);
      }
    }
    if (word.length() == 2 && word.charAt(0) == '-' && Character.isLetter(word.charAt(1))) {
      for (String c : candidates) {
        if (c.startsWith("--" + word.charAt(1))) {
          scored.putIfAbsent(c, 3);
        }
      }
    }
    List<String> out = new ArrayList<>(scored.keySet());
    out.sort(Comparator.comparingInt(scored::get));
    for (String p : picocli) {
      if (!out.contains(p)) {
        out.add(p);
      }
    }
    return out.subList(0, Math.min(3, out.size()));
  }

  /** Edits from a to b: insertions, deletions, substitutions, and swaps of two neighbours. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
