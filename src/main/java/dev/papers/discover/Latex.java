package dev.papers.discover;

import java.text.Normalizer;
import java.util.Map;
import java.util.Set;

/**
 * LaTeX as BibTeX libraries write it, to plain Unicode text: accents ({@code {\"u}}, {@code \'{e}},
 * {@code \c{c}}, {@code \v s}) become the accented letter, escapes ({@code \&}, {@code \%}, {@code \_})
 * their character, special letters ({@code \ss}, {@code \o}, {@code \l}) theirs, protecting braces
 * ({@code {BERT}}) and math dollars disappear, formatting commands ({@code \emph{x}}, {@code
 * \textbf{x}}) keep only their text, {@code ~} is a space, {@code --} and {@code ---} are dashes.
 * Whitespace is collapsed. jbibtex's own LaTeX printer drops cedillas, circumflexes and dotless i's and
 * refuses {@code ~}, {@code $} and {@code %}: this one does not.
 */
public final class Latex {
  private static final Map<Character, Character> ACCENTS = Map.ofEntries(
      Map.entry('"', '\u0308'), Map.entry('\'', '\u0301'), Map.entry('`', '\u0300'), Map.entry('^', '\u0302'),
      Map.entry('~', '\u0303'), Map.entry('=', '\u0304'), Map.entry('.', '\u0307'), Map.entry('u', '\u0306'),
      Map.entry('v', '\u030C'), Map.entry('H', '\u030B'), Map.entry('c', '\u0327'), Map.entry('k', '\u0328'),
      Map.entry('r', '\u030A'), Map.entry('d', '\u0323'), Map.entry('b', '\u0331'), Map.entry('t', '\u0361'));
  private static final Map<String, String> LETTERS = Map.ofEntries(
      Map.entry("ss", "ß"), Map.entry("o", "ø"), Map.entry("O", "Ø"), Map.entry("ae", "æ"), Map.entry("AE", "Æ"),
      Map.entry("oe", "œ"), Map.entry("OE", "Œ"), Map.entry("aa", "å"), Map.entry("AA", "Å"), Map.entry("l", "ł"),
      Map.entry("L", "Ł"), Map.entry("i", "ı"), Map.entry("j", "ȷ"), Map.entry("dh", "ð"), Map.entry("DH", "Ð"),
      Map.entry("th", "þ"), Map.entry("TH", "Þ"), Map.entry("ng", "ŋ"), Map.entry("NG", "Ŋ"),
      Map.entry("textendash", "–"), Map.entry("textemdash", "—"), Map.entry("ldots", "…"), Map.entry("dots", "…"),
      Map.entry("textquoteleft", "‘"), Map.entry("textquoteright", "’"), Map.entry("textquotedblleft", "“"),
      Map.entry("textquotedblright", "”"), Map.entry("LaTeX", "LaTeX"), Map.entry("TeX", "TeX"),
      Map.entry("textregistered", "®"), Map.entry("texttrademark", "™"), Map.entry("copyright", "©"),
      Map.entry("S", "§"), Map.entry("P", "¶"), Map.entry("pounds", "£"), Map.entry("euro", "€"),
      Map.entry("alpha", "α"), Map.entry("beta", "β"), Map.entry("gamma", "γ"), Map.entry("delta", "δ"),
      Map.entry("epsilon", "ε"), Map.entry("lambda", "λ"), Map.entry("mu", "μ"), Map.entry("pi", "π"),
      Map.entry("sigma", "σ"), Map.entry("theta", "θ"), Map.entry("tau", "τ"), Map.entry("phi", "φ"),
      Map.entry("omega", "ω"), Map.entry("times", "×"), Map.entry("infty", "∞"), Map.entry("leq", "≤"),
      Map.entry("geq", "≥"), Map.entry("rightarrow", "→"), Map.entry("to", "→"), Map.entry("ell", "ℓ"));
  /** Commands that end a line or a paragraph: a space. */
  private static final Set<String> SPACES = Set.of("newblock", "newline", "par", "quad", "qquad", "enspace", "space");

  private Latex() {}

  /** The text, LaTeX converted (see the class comment); null stays null. */
  public static String toUnicode(String latex) {
    if (latex == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(latex.length());
    convert(latex, 0, latex.length(), out);
    String s = Normalizer.normalize(out, Normalizer.Form.NFC);
    return s.replaceAll("\\s+", " ").strip();
  }

  private static void convert(String s, int from, int to, StringBuilder out) {
    int i = from;
    while (i < to) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> i = command(s, i, to, out);
        case '{', '}', '$' -> i++;
        case '~' -> {
          out.append(' ');
          i++;
        }
        case '-' -> {
          if (s.startsWith("---", i) && i + 3 <= to) {
            out.append('—');
            i += 3;
          } else if (s.startsWith("--", i) && i + 2 <= to) {
            out.append('–');
            i += 2;
          } else {
            out.append('-');
            i++;
          }
        }
        case '`' -> {
          if (i + 1 < to && s.charAt(i + 1) == '`') {
            out.append('“');
            i += 2;
          } else {
            out.append('‘');
            i++;
          }
        }
        case '\'' -> {
          if (i + 1 < to && s.charAt(i + 1) == '\'') {
            out.append('”');
            i += 2;
          } else {
            out.append('\'');
            i++;
          }
        }
        default -> {
          out.append(c);
          i++;
        }
      }
    }
  }

  /** Converts the command at {@code s[i] == '\\'}; returns where the text after it starts. */
  private static int command(String s, int i, int to, StringBuilder out) {
    if (i + 1 >= to) {
      return to;
    }
    char n = s.charAt(i + 1);
    if (!Character.isLetter(n)) {
      if (ACCENTS.containsKey(n) && "\"'`^~=.".indexOf(n) >= 0) {
        return accent(s, i + 2, to, ACCENTS.get(n), out);
      }
      if (n == '\\') {
        out.append(' ');
      } else if (!Character.isWhitespace(n)) {
        out.append(n); // \& \% \$ \# \_ \{ \} and the like
      } else {
        out.append(' ');
      }
      return i + 2;
    }
    int j = i + 1;
    while (j < to && Character.isLetter(s.charAt(j)) && s.charAt(j) < 128) {
      j++;
    }
    String name = s.substring(i + 1, j);
    if (name.length() == 1 && ACCENTS.containsKey(name.charAt(0)) && j < to
        && (s.charAt(j) == '{' || s.charAt(j) == ' ')) {
      int k = j;
      while (k < to && s.charAt(k) == ' ') {
        k++;
      }
      return accent(s, k, to, ACCENTS.get(name.charAt(0)), out);
    }
    while (j < to && s.charAt(j) == ' ') {
      j++; // a control word eats the spaces after it
    }
    String letter = LETTERS.get(name);
    if (letter != null) {
      out.append(letter);
      if (j + 1 < to && s.charAt(j) == '{' && s.charAt(j + 1) == '}') {
        j += 2;
      }
      return j;
    }
    if (SPACES.contains(name)) {
      out.append(' ');
    }
    return j; // formatting commands (emph, textbf, url ...) keep their argument's text
  }

  /** Applies a combining mark to the first letter of the argument at {@code i}. */
  private static int accent(String s, int i, int to, char mark, StringBuilder out) {
    if (i >= to) {
      return to;
    }
    StringBuilder arg = new StringBuilder();
    int end;
    if (s.charAt(i) == '{') {
      int depth = 0;
      end = i;
      while (end < to) {
        char c = s.charAt(end);
        if (c == '{') {
          depth++;
        } else if (c == '}') {
          depth--;
          if (depth == 0) {
            break;
          }
        }
        end++;
      }
      convert(s, i + 1, Math.min(end, to), arg);
      end = Math.min(end + 1, to);
    } else if (s.charAt(i) == '\\') {
      end = command(s, i, to, arg);
    } else {
      arg.append(s.charAt(i));
      end = i + 1;
    }
    if (arg.length() == 0) {
      return end;
    }
    char base = arg.charAt(0);
    if (base == 'ı') {
      base = 'i';
    } else if (base == 'ȷ') {
      base = 'j';
    }
    out.append(base).append(mark).append(arg, 1, arg.length());
    return end;
  }
}
