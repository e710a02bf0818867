package dev.papers.model;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One identifier of a paper, parsed and normalized. Every accepted form of one paper gives the same
 * {@link #key()}; {@link #parse(String)} is the one parser for all the forms of the contract.
 *
 * @param kind what kind of identifier
 * @param value the normalized value: arXiv id without version (old style without subject class),
 *     lower-case DOI, lower-case S2 paperId, OpenAlex work id with a capital W, ACL Anthology id
 *     ({@code N19-1423}, {@code 2020.findings-emnlp.372}), decimal corpus id, decimal unsigned cluster id
 * @param version the arXiv version, or null
 */
public record PaperId(Kind kind, String value, Integer version) {

  /** Kinds of identifiers, in the order that picks a new entry's canonical key. */
  public enum Kind {
    ARXIV("arxiv"),
    DOI("doi"),
    S2("s2"),
    OPENALEX("openalex"),
    ACL("acl"),
    SCHOLAR("scholar"),
    CORPUS("corpus");

    private final String prefix;

    Kind(String prefix) {
      this.prefix = prefix;
    }

    public String prefix() {
      return prefix;
    }
  }

  /** Longest input considered at all; anything longer is refused without being scanned. */
  public static final int MAX_INPUT = 2048;

  private static final BigInteger MAX_U64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  /** arXiv archives that used old-style identifiers (archive/YYMMNNN). */
  public static final Set<String> OLD_ARCHIVES =
      Set.of(
          "acc-phys", "adap-org", "alg-geom", "ao-sci", "astro-ph", "atom-ph", "bayes-an", "chao-dyn",
          "chem-ph", "cmp-lg", "comp-gas", "cond-mat", "cs", "dg-ga", "funct-an", "gr-qc", "hep-ex",
          "hep-lat", "hep-ph", "hep-th", "math", "math-ph", "mtrl-th", "nlin", "nucl-ex", "nucl-th",
          "patt-sol", "physics", "plasm-ph", "q-alg", "q-bio", "q-fin", "quant-ph", "solv-int", "stat",
          "supr-con");

  private static final Pattern NEW_STYLE = Pattern.compile("(\\d{2})(\\d{2})\\.(\\d{4,5})(?:v(\\d{1,4}))?");
  private static final Pattern OLD_STYLE =
      Pattern.compile("([a-z]+(?:-[a-z]+)?)(?:\\.[A-Za-z]{1,3}(?:-[a-z]{1,3})?)?/(\\d{2})(\\d{2})(\\d{3})(?:v(\\d{1,4}))?");
  private static final Pattern URL =
      Pattern.compile("(?i)https?://([a-z0-9.-]+)(?::\\d{1,5})?(/[^?#]*)(?:[?#].*)?");
  private static final Pattern ARXIV_PATH =
      Pattern.compile("/(?:abs|pdf)/(.+?)(?:\\.pdf)?/?");
  private static final Pattern DOI = Pattern.compile("10\\.\\d{4,9}/\\S+");
  private static final Pattern ARXIV_DOI = Pattern.compile("(?i)10\\.48550/arxiv\\.(.+)");
  private static final Pattern HEX40 = Pattern.compile("[0-9a-fA-F]{40}");
  private static final Pattern DIGITS = Pattern.compile("\\d{1,20}");
  private static final Pattern WORK = Pattern.compile("[Ww](\\d{1,15})");
  /** ACL Anthology ids: old style {@code N19-1423}, new style {@code 2020.findings-emnlp.372}. */
  private static final Pattern ACL_ID =
      Pattern.compile("([A-Za-z]\\d{2}-\\d{4}|(?:19|20)\\d{2}\\.[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*\\.\\d{1,4})(?:v\\d{1,2})?");
  /** An ACL Anthology paper path: {@code /N19-1423/}, {@code /2020.acl-main.463.pdf}, {@code /anthology/N19-1423}. */
  private static final Pattern ACL_PATH =
      Pattern.compile("(?:/anthology)?/([^/]+?)(?:\\.pdf|\\.bib)?/?");
  /** A Semantic Scholar paper page: {@code /paper/<slug>/<40 hex>} or {@code /paper/<40 hex>}. */
  private static final Pattern S2_PATH =
      Pattern.compile("/paper/(?:[^/]*/)?([0-9a-fA-F]{40})(?:/.*)?");
  /** Hugging Face's paper pages: {@code /papers/<arXiv id>}. */
  private static final Pattern HF_PATH = Pattern.compile("/papers/([^/]+?)/?");
  /** alphaXiv's pages besides {@code /abs/}: {@code /overview/<arXiv id>}. */
  private static final Pattern ALPHAXIV_PATH = Pattern.compile("/(?:overview|pdf)/([^/]+?)(?:\\.pdf)?/?");
  /** A DOI inside a URL's path or query, after {@code /} or {@code =}. */
  private static final Pattern DOI_IN_URL = Pattern.compile("(?<=[/=])10\\.\\d{4,9}/[^?#&]+");
  /** bioRxiv and medRxiv add a version and a file to the DOI: {@code 622803v1.full.pdf}. */
  private static final Pattern PREPRINT_SUFFIX =
      Pattern.compile("(?i)v\\d{1,3}(?:\\.(?:full|abstract|article-info|article-metrics|supplementary-material)"
          + "(?:\\.pdf(?:\\+html)?)?)?$|\\.full(?:\\.pdf)?$");

  public PaperId {
    if (kind == null || value == null || value.isEmpty()) {
      throw new IllegalArgumentException("kind and value are required");
    }
    if (version != null && kind != Kind.ARXIV) {
      throw new IllegalArgumentException("only arXiv ids have versions");
    }
  }

  public static PaperId arxiv(String id) {
    PaperId p = parse(id);
    if (p.kind != Kind.ARXIV) {
      throw new InvalidIdException(id, "not an arXiv id");
    }
    return p;
  }

  public static PaperId doi(String doi) {
    return new PaperId(Kind.DOI, doi.toLowerCase(Locale.ROOT), null);
  }

  public static PaperId s2(String paperId) {
    return new PaperId(Kind.S2, paperId.toLowerCase(Locale.ROOT), null);
  }

  public static PaperId corpus(long corpusId) {
    return new PaperId(Kind.CORPUS, Long.toString(corpusId), null);
  }

  /** An ACL Anthology id, without version: {@code N19-1423}, {@code 2020.findings-emnlp.372}. */
  public static PaperId acl(String id) {
    PaperId p = aclOrNull(id);
    if (p == null) {
      throw new InvalidIdException(id, "not an ACL Anthology id");
    }
    return p;
  }

  public static PaperId scholar(String clusterId) {
    return new PaperId(Kind.SCHOLAR, clusterId, null);
  }

  /**
   * An OpenAlex work id: {@code W2741809807} (any case of the W), or null when it is not one. Leading
   * zeros are dropped, so that one work has one key.
   */
  public static PaperId openAlexOrNull(String workId) {
    if (workId == null) {
      return null;
    }
    Matcher m = WORK.matcher(workId.strip());
    if (!m.matches()) {
      return null;
    }
    String digits = m.group(1).replaceFirst("^0+(?=\\d)", "");
    return digits.equals("0") ? null : new PaperId(Kind.OPENALEX, "W" + digits, null);
  }

  /** The cache key of this identifier, without version: {@code arxiv:1909.10351}, {@code doi:10.1/x}. */
  public String key() {
    return kind.prefix + ":" + value;
  }

  /** The same paper without a version. */
  public PaperId withoutVersion() {
    return version == null ? this : new PaperId(kind, value, null);
  }

  /** The form a user would type back: {@code 1909.10351v2}, {@code 10.1145/x}, {@code CorpusId:1}. */
  public String display() {
    return switch (kind) {
      case ARXIV -> version == null ? value : value + "v" + version;
      case DOI -> value;
      case S2 -> value;
      case ACL -> "ACL:" + value;
      case CORPUS -> "CorpusId:" + value;
      case OPENALEX -> value;
      case SCHOLAR -> "scholar:" + value;
    };
  }

  @Override
  public String toString() {
    return display();
  }

  /**
   * Parses any identifier form of the contract.
   *
   * @throws InvalidIdException when the input is none of them
   */
  public static PaperId parse(String input) {
    if (input == null) {
      throw new InvalidIdException("", "empty");
    }
    if (input.length() > MAX_INPUT) {
      throw new InvalidIdException(input, "too long");
    }
    for (int i = 0; i < input.length(); i++) {
      char c = input.charAt(i);
      if (Character.isISOControl(c) && c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        throw new InvalidIdException(input, "control character");
      }
    }
    String s = input.strip();
    if (s.isEmpty()) {
      throw new InvalidIdException(input, "empty");
    }
    for (int i = 0; i < s.length(); i++) {
      if (Character.isWhitespace(s.charAt(i)) || Character.isISOControl(s.charAt(i))) {
        throw new InvalidIdException(input, null);
      }
    }
    PaperId id = parseStripped(s);
    if (id == null) {
      throw new InvalidIdException(input, null);
    }
    return id;
  }

  /** Like {@link #parse} but returns null instead of throwing. */
  public static PaperId tryParse(String input) {
    try {
      return parse(input);
    } catch (InvalidIdException e) {
      return null;
    }
  }

  private static PaperId parseStripped(String s) {
    String lower = s.toLowerCase(Locale.ROOT);
    if (lower.startsWith("arxiv:")) {
      return arxivOrNull(s.substring(6));
    }
    if (lower.startsWith("doi:")) {
      return doiOrNull(s.substring(4));
    }
    if (lower.startsWith("corpusid:") || lower.startsWith("corpus:")) {
      String n = s.substring(s.indexOf(':') + 1);
      return DIGITS.matcher(n).matches() && n.length() <= 18 ? corpus(Long.parseLong(n)) : null;
    }
    if (lower.startsWith("scholar:")) {
      return scholarOrNull(s.substring(8));
    }
    if (lower.startsWith("openalex:")) {
      return openAlexOrNull(s.substring(9));
    }
    if (lower.startsWith("acl:")) {
      return aclOrNull(s.substring(4));
    }
    if (lower.startsWith("s2:")) {
      String h = s.substring(3);
      return HEX40.matcher(h).matches() ? s2(h) : null;
    }
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      return urlOrNull(s);
    }
    if (HEX40.matcher(s).matches()) {
      return s2(s);
    }
    if (WORK.matcher(s).matches()) {
      return openAlexOrNull(s);
    }
    if (s.startsWith("10.")) {
      return doiOrNull(s);
    }
    return arxivOrNull(s);
  }

  private static PaperId urlOrNull(String s) {
    Matcher m = URL.matcher(s);
    if (!m.matches()) {
      return null;
    }
    String host = m.group(1).toLowerCase(Locale.ROOT);
    String path = m.group(2);
    if (host.equals("doi.org") || host.equals("dx.doi.org") || host.endsWith(".doi.org")) {
      String doi = decodePercent(path.substring(1));
      return doi == null ? null : doiOrNull(doi);
    }
    if (host.equals("openalex.org") || host.equals("www.openalex.org") || host.equals("api.openalex.org")) {
      // https://openalex.org/W2741809807, https://api.openalex.org/works/W2741809807
      String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
      if (p.regionMatches(true, 0, "/works/", 0, 7)) {
        p = p.substring(6);
      }
      return p.indexOf('/', 1) < 0 ? openAlexOrNull(p.substring(1)) : null;
    }
    if ((host.startsWith("scholar.") || host.contains("scholar")) && s.contains("cluster=")) {
      Matcher c = Pattern.compile("[?&](?:cluster|cites)=(\\d{1,20})").matcher(s);
      return c.find() ? scholarOrNull(c.group(1)) : null;
    }
    Matcher a = ARXIV_PATH.matcher(path);
    if (a.matches()) {
      PaperId arxiv = arxivOrNull(a.group(1));
      if (arxiv != null) {
        return arxiv;
      }
    }
    if (host.equals("huggingface.co") || host.endsWith(".huggingface.co") || host.equals("hf.co")) {
      Matcher h = HF_PATH.matcher(path);
      return h.matches() ? arxivOrNull(h.group(1)) : null;
    }
    if (host.equals("alphaxiv.org") || host.endsWith(".alphaxiv.org")) {
      Matcher h = ALPHAXIV_PATH.matcher(path);
      return h.matches() ? arxivOrNull(h.group(1)) : null;
    }
    if (host.equals("semanticscholar.org") || host.endsWith(".semanticscholar.org")) {
      Matcher h = S2_PATH.matcher(path);
      if (h.matches()) {
        return s2(h.group(1));
      }
      Matcher c = Pattern.compile("(?i)/corpusid:(\\d{1,18})/?").matcher(path);
      return c.matches() ? corpus(Long.parseLong(c.group(1))) : null;
    }
    if (host.equals("aclanthology.org") || host.endsWith(".aclanthology.org")
        || ((host.equals("aclweb.org") || host.endsWith(".aclweb.org")) && path.startsWith("/anthology/"))) {
      Matcher h = ACL_PATH.matcher(path);
      return h.matches() ? aclOrNull(h.group(1)) : null;
    }
    if (host.equals("doi.acm.org")) {
      String doi = decodePercent(path.substring(1));
      return doi == null ? null : doiOrNull(doi);
    }
    return doiInUrl(s);
  }

  /**
   * The DOI inside a publisher's URL ({@code https://dl.acm.org/doi/10.1145/3383583.3398584},
   * {@code https://www.biorxiv.org/content/10.1101/622803v1.full.pdf}, {@code ?doi=10.1145%2F...}):
   * after a {@code /} or {@code =} in its path or query, without a trailing {@code .pdf}, and for
   * bioRxiv and medRxiv DOIs ({@code 10.1101/}) without the version and file suffix. Null when the
   * URL holds no DOI.
   */
  public static PaperId doiInUrl(String url) {
    String decoded = decodePercent(url);
    if (decoded == null) {
      decoded = url;
    }
    int scheme = decoded.indexOf("//");
    int afterHost = decoded.indexOf('/', scheme < 0 ? 0 : scheme + 2);
    if (afterHost < 0) {
      return null;
    }
    Matcher d = DOI_IN_URL.matcher(decoded);
    if (!d.find(afterHost)) {
      return null;
    }
    String doi = d.group();
    while (!doi.isEmpty() && ".,;:!?'\")]}>*_~".indexOf(doi.charAt(doi.length() - 1)) >= 0) {
      doi = doi.substring(0, doi.length() - 1);
    }
    if (doi.toLowerCase(Locale.ROOT).endsWith(".pdf")) {
      doi = doi.substring(0, doi.length() - 4);
    }
    if (doi.startsWith("10.1101/")) {
      doi = PREPRINT_SUFFIX.matcher(doi).replaceFirst("");
    }
    if (doi.endsWith("/")) {
      doi = doi.substring(0, doi.length() - 1);
    }
    return doiOrNull(doi);
  }

  /** Parses an ACL Anthology id (a version suffix is dropped); null when it is not one. */
  public static PaperId aclOrNull(String s) {
    Matcher m = ACL_ID.matcher(s);
    if (!m.matches()) {
      return null;
    }
    String id = m.group(1);
    if (Character.isLetter(id.charAt(0))) {
      id = Character.toUpperCase(id.charAt(0)) + id.substring(1);
    } else {
      id = id.toLowerCase(Locale.ROOT);
    }
    return new PaperId(Kind.ACL, id, null);
  }

  private static String decodePercent(String s) {
    try {
      return java.net.URLDecoder.decode(s.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static PaperId scholarOrNull(String n) {
    if (!DIGITS.matcher(n).matches()) {
      return null;
    }
    BigInteger v = new BigInteger(n);
    return v.compareTo(MAX_U64) <= 0 ? scholar(v.toString()) : null;
  }

  private static PaperId doiOrNull(String raw) {
    String d = raw.strip();
    Matcher ax = ARXIV_DOI.matcher(d);
    if (ax.matches()) {
      return arxivOrNull(ax.group(1));
    }
    if (!DOI.matcher(d).matches() || d.length() > 400) {
      return null;
    }
    return doi(d);
  }

  /** Parses a bare arXiv id (new or old style, optional version); null when it is not one. */
  public static PaperId arxivOrNull(String s) {
    Matcher m = NEW_STYLE.matcher(s);
    if (m.matches()) {
      int yy = Integer.parseInt(m.group(1));
      int mm = Integer.parseInt(m.group(2));
      int yymm = yy * 100 + mm;
      if (mm < 1 || mm > 12 || yymm < 704) {
        return null;
      }
      int digits = m.group(3).length();
      if ((yymm <= 1412 && digits != 4) || (yymm >= 1501 && digits != 5)) {
        return null;
      }
      if (!validVersion(m.group(4))) {
        return null;
      }
      return new PaperId(Kind.ARXIV, m.group(1) + m.group(2) + "." + m.group(3), version(m.group(4)));
    }
    m = OLD_STYLE.matcher(s);
    if (m.matches()) {
      String archive = m.group(1).toLowerCase(Locale.ROOT);
      if (!OLD_ARCHIVES.contains(archive)) {
        return null;
      }
      int yy = Integer.parseInt(m.group(2));
      int mm = Integer.parseInt(m.group(3));
      if (mm < 1 || mm > 12) {
        return null;
      }
      int year = yy >= 91 ? 1900 + yy : 2000 + yy;
      if (year > 2007 || (year == 2007 && mm > 3) || (year == 1991 && mm < 8)) {
        return null;
      }
      if (!validVersion(m.group(5))) {
        return null;
      }
      return new PaperId(
          Kind.ARXIV, archive + "/" + m.group(2) + m.group(3) + m.group(4), version(m.group(5)));
    }
    return null;
  }

  private static boolean validVersion(String v) {
    return v == null || !v.startsWith("0");
  }

  private static Integer version(String v) {
    return v == null ? null : Integer.valueOf(v);
  }
}
