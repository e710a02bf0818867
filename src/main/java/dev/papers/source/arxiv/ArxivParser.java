package dev.papers.source.arxiv;

import dev.papers.model.PaperId;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads arXiv API Atom feeds: a pure function from bytes to a {@link Feed}, no network.
 *
 * <p>Works on every format arXiv has served: namespaces declared on {@code <feed>} or on each element,
 * any element order, single- or double-quoted XML declarations, {@code <title type="html">}. Elements
 * are matched by namespace and local name. Text is kept exactly as sent (wrapped lines, mojibake).
 *
 * <p>Hardened for network input: DTDs and external entities are off, and a document that carries a
 * DOCTYPE at all is refused (arXiv never sends one), so no entity is ever expanded.
 */
public final class ArxivParser {
  static final String ATOM = "http://www.w3.org/2005/Atom";
  static final String OPENSEARCH = "http://a9.com/-/spec/opensearch/1.1/";
  static final String ARXIV = "http://arxiv.org/schemas/atom";

  private static final Pattern ABS = Pattern.compile("(?i)^https?://[^/\\s]+/abs/(\\S+?)/?$");

  private ArxivParser() {}

  /**
   * Parses one feed.
   *
   * @throws ArxivFormatException when the bytes are not well-formed XML or not an Atom feed
   */
  public static Feed parse(byte[] xml) throws ArxivFormatException {
    int from = start(xml);
    if (xml == null || from >= xml.length) {
      throw new ArxivFormatException("empty answer, not an Atom feed");
    }
    if (!utf8(xml, from)) {
      // Refused here: the JDK's XML reader would print "[Fatal Error]" to the process's stderr.
      throw new ArxivFormatException("not a readable Atom feed: not valid UTF-8");
    }
    XMLStreamReader r = null;
    try {
      r = factory().createXMLStreamReader(new ByteArrayInputStream(xml, from, xml.length - from));
      return readDocument(r);
    } catch (XMLStreamException | RuntimeException e) {
      throw new ArxivFormatException("not a readable Atom feed: " + firstLine(e.getMessage()), e);
    } finally {
      if (r != null) {
        try {
          r.close();
        } catch (XMLStreamException ignored) {
          // nothing was held open beyond the byte array
        }
      }
    }
  }

  /**
   * Where the document starts: after a UTF-8 byte-order mark and any white space before the first
   * markup. XML forbids anything before an {@code <?xml ...?>} declaration, but a feed that reaches us
   * with a stray newline in front (a proxy, a mirror) is still the same feed.
   */
  private static int start(byte[] xml) {
    if (xml == null) {
      return 0;
    }
    int i = 0;
    if (xml.length >= 3 && (xml[0] & 0xFF) == 0xEF && (xml[1] & 0xFF) == 0xBB && (xml[2] & 0xFF) == 0xBF) {
      i = 3;
    }
    while (i < xml.length && (xml[i] == ' ' || xml[i] == '\t' || xml[i] == '\n' || xml[i] == '\r')) {
      i++;
    }
    return i;
  }

  /** Whether the bytes from {@code from} are valid UTF-8 (arXiv's API answers in nothing else). */
  private static boolean utf8(byte[] xml, int from) {
    try {
      java.nio.charset.StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
          .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(xml, from, xml.length - from));
      return true;
    } catch (java.nio.charset.CharacterCodingException e) {
      return false;
    }
  }

  /** The arXiv id in an entry's {@code <id>} URL ({@code http://arxiv.org/abs/1909.10351v2}), or null. */
  static PaperId idFromUrl(String idText) {
    if (idText == null) {
      return null;
    }
    Matcher m = ABS.matcher(idText.strip());
    return m.matches() ? PaperId.arxivOrNull(m.group(1)) : null;
  }

  private static XMLInputFactory factory() {
    // The JDK's own implementation, whatever else is on the class path.
    XMLInputFactory f = XMLInputFactory.newDefaultFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    try {
      f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    } catch (IllegalArgumentException ignored) {
      // not supported by this implementation; SUPPORT_DTD=false already keeps DTDs out
    }
    return f;
  }

  private static Feed readDocument(XMLStreamReader r) throws XMLStreamException, ArxivFormatException {
    boolean inFeed = false;
    Integer total = null;
    Integer start = null;
    Integer perPage = null;
    List<Entry> entries = new ArrayList<>();
    List<ErrorEntry> errors = new ArrayList<>();
    while (r.hasNext()) {
      int event = r.next();
      if (event == XMLStreamConstants.DTD) {
        throw new ArxivFormatException("a DOCTYPE is not allowed in an arXiv feed");
      }
      if (event != XMLStreamConstants.START_ELEMENT) {
        continue;
      }
      if (!inFeed) {
        if (!is(r, ATOM, "feed")) {
          throw new ArxivFormatException(
              "the root element is <" + r.getLocalName() + ">, not an Atom <feed>");
        }
        inFeed = true;
        continue;
      }
      // Every child of <feed> is read to its end here, so this loop only sees the feed's children.
      if (is(r, OPENSEARCH, "totalResults")) {
        total = integer(text(r));
      } else if (is(r, OPENSEARCH, "startIndex")) {
        start = integer(text(r));
      } else if (is(r, OPENSEARCH, "itemsPerPage")) {
        perPage = integer(text(r));
      } else if (is(r, ATOM, "entry")) {
        readEntry(r, entries, errors);
      } else {
        skip(r);
      }
    }
    if (!inFeed) {
      throw new ArxivFormatException("no Atom <feed> element");
    }
    return new Feed(total, start, perPage, entries, errors);
  }

  private static void readEntry(XMLStreamReader r, List<Entry> entries, List<ErrorEntry> errors)
      throws XMLStreamException {
    String idText = null;
    String title = null;
    String summary = null;
    String published = null;
    String updated = null;
    String primary = null;
    String doi = null;
    String journalRef = null;
    String comment = null;
    List<String> authors = new ArrayList<>();
    List<String> categories = new ArrayList<>();
    while (true) {
      int event = r.next();
      if (event == XMLStreamConstants.END_ELEMENT) {
        break;
      }
      if (event != XMLStreamConstants.START_ELEMENT) {
        continue;
      }
      if (is(r, ATOM, "id")) {
        idText = text(r);
      } else if (is(r, ATOM, "title")) {
        title = text(r);
      } else if (is(r, ATOM, "summary")) {
        summary = text(r);
      } else if (is(r, ATOM, "published")) {
        published = text(r);
      } else if (is(r, ATOM, "updated")) {
        updated = text(r);
      } else if (is(r, ATOM, "author")) {
        String name = authorName(r);
        if (name != null) {
          authors.add(name);
        }
      } else if (is(r, ATOM, "category")) {
        String term = r.getAttributeValue(null, "term");
        if (term != null && !term.isBlank()) {
          categories.add(term.strip());
        }
        skip(r);
      } else if (is(r, ARXIV, "primary_category")) {
        String term = r.getAttributeValue(null, "term");
        primary = term == null || term.isBlank() ? null : term.strip();
        skip(r);
      } else if (is(r, ARXIV, "doi")) {
        doi = text(r);
      } else if (is(r, ARXIV, "journal_ref")) {
        journalRef = text(r);
      } else if (is(r, ARXIV, "comment")) {
        comment = text(r);
      } else {
        skip(r);
      }
    }
    PaperId id = idFromUrl(idText);
    boolean errorId = idText != null && idText.contains("/api/errors");
    boolean errorTitle = title != null && title.strip().equals("Error");
    if (errorId || (id == null && errorTitle)) {
      errors.add(new ErrorEntry(strip(idText), strip(summary)));
    } else if (id != null) {
      entries.add(new Entry(id, title, authors, summary, instant(published), instant(updated), primary,
          categories, doi, journalRef, comment));
    }
    // An entry whose id names no arXiv paper can be matched to nothing; it is left out.
  }

  private static String authorName(XMLStreamReader r) throws XMLStreamException {
    String name = null;
    while (true) {
      int event = r.next();
      if (event == XMLStreamConstants.END_ELEMENT) {
        return name;
      }
      if (event == XMLStreamConstants.START_ELEMENT) {
        if (is(r, ATOM, "name")) {
          name = text(r);
        } else {
          skip(r);
        }
      }
    }
  }

  private static boolean is(XMLStreamReader r, String ns, String local) {
    return local.equals(r.getLocalName()) && ns.equals(r.getNamespaceURI());
  }

  /** All text inside the current element (nested elements' text included); leaves the reader on its end. */
  private static String text(XMLStreamReader r) throws XMLStreamException {
    StringBuilder b = new StringBuilder();
    int depth = 1;
    while (depth > 0) {
      switch (r.next()) {
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
            b.append(r.getText());
        case XMLStreamConstants.START_ELEMENT -> depth++;
        case XMLStreamConstants.END_ELEMENT -> depth--;
        default -> {
          // comments and processing instructions carry no text
        }
      }
    }
    return b.toString();
  }

  private static void skip(XMLStreamReader r) throws XMLStreamException {
    int depth = 1;
    while (depth > 0) {
      int event = r.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
  }

  private static Integer integer(String s) {
    try {
      return Integer.valueOf(s.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Instant instant(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(s.strip()).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String strip(String s) {
    return s == null ? null : s.strip();
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "malformed XML";
    }
    String one = s.strip().replaceAll("\\s+", " ");
    return one.length() > 200 ? one.substring(0, 200) + "…" : one;
  }
}
