package dev.papers.discover;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place where documents become text: files and standard input for {@code import}, and HTTP
 * bodies ({@link #decode}) for the Scholar source.
 *
 * <p>Decoding: a byte-order mark decides (UTF-8, UTF-16); else an HTML page's {@code <meta charset>}
 * (or an HTTP {@code Content-Type}), read as browsers read labels (WHATWG Encoding: ISO-8859-1 and
 * ASCII are windows-1252, GB2312 and GBK are GB18030, Shift_JIS is windows-31j, which Java's own
 * {@code Charset.forName} does not do); else UTF-8. A file with no label that is not UTF-8 is read as
 * GB18030 when that decodes it cleanly (Chinese notes saved by older editors), and is refused
 * otherwise.
 *
 * <p>Reading: a document is read as a stream of {@link Piece}s of at most about {@link #PIECE_CHARS}
 * characters, cut at a line break (before a heading, a note's header or a blank line where one is
 * near), so memory follows the piece, not the file. A line longer than a piece is cut at a space, and
 * the next piece repeats the last {@link #OVERLAP} characters, so an identifier across the cut is still
 * found whole.
 *
 * <p>Refused, before anything is taken from it ({@link DocumentException}): a file that does not
 * exist or cannot be read, a directory, binary input (NUL bytes, control characters, invalid UTF-8 with
 * no known charset), and a file that is not what its name says ({@code .bib} that is not BibTeX,
 * {@code .json} that is not CSL-JSON; {@link Library} says so).
 */
public final class DocumentReader {
  /** Characters per piece, about. */
  public static final int PIECE_CHARS = 1 << 20;
  /** Characters a piece cut inside a line repeats from the one before. */
  static final int OVERLAP = 4096;
  /** Bytes looked at to tell a document's kind and charset. */
  static final int HEAD_BYTES = 64 * 1024;

  private static final Pattern META_CHARSET =
      Pattern.compile("<meta[^>]*?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_.:\\-]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern BREAK_BEFORE =
      Pattern.compile("^(?:\\h*$|\\h{0,3}#{1,6}\\h|\\h*论文阅读|\\h*(?:英文题目|英文标题|title)\\h*[:：]|\\h*<h[1-6]|\\h*@)",
          Pattern.CASE_INSENSITIVE);

  private DocumentReader() {}

  /** What kind of document a file is. */
  public enum Kind {
    TEXT,
    MARKDOWN,
    HTML,
    BIBTEX,
    CSL_JSON;

    /** The format its identifiers are scanned in (libraries: text). */
    public DocumentFormat format() {
      return switch (this) {
        case MARKDOWN -> DocumentFormat.MARKDOWN;
        case HTML -> DocumentFormat.HTML;
        default -> DocumentFormat.TEXT;
      };
    }
  }

  /** One piece of a document: whole lines (but for a line longer than a piece), and where it starts. */
  public record Piece(String text, int firstLine) {}

  /** Thrown when a document cannot be read, or is not text, or not what its name says: bad input. */
  public static final class DocumentException extends RuntimeException {
    public DocumentException(String message) {
      super(message);
    }
  }

  /**
   * Opens a document.
   *
   * @param arg a file name, or {@code -} for standard input
   * @param stdin standard input, asked for only when {@code arg} is {@code -}
   * @throws DocumentException when it cannot be read or is not text
   */
  public static Document open(String arg, Supplier<InputStream> stdin) {
    if (arg.equals("-")) {
      return new Document("stdin", "-", stdin.get());
    }
    Path p;
    try {
      p = Path.of(arg);
    } catch (InvalidPathException e) {
      throw new DocumentException("cannot read " + quote(arg) + ": not a file name");
    }
    if (Files.isDirectory(p)) {
      throw new DocumentException("cannot read " + arg + ": it is a directory");
    }
    try {
      InputStream in = Files.newInputStream(p);
      Path name = p.getFileName();
      return new Document(name == null ? arg : name.toString(), arg, in);
    } catch (NoSuchFileException e) {
      throw new DocumentException("cannot read " + arg + ": no such file");
    } catch (AccessDeniedException e) {
      throw new DocumentException("cannot read " + arg + ": permission denied");
    } catch (IOException e) {
      throw new DocumentException("cannot read " + arg + ": " + e.getMessage());
    }
  }

  private static String quote(String s) {
    return "\"" + s.replaceAll("\\p{Cntrl}", "?") + "\"";
  }

  /** An open document: its kind and charset are known, its text is read on demand. */
  public static final class Document implements Closeable {
    private final String name;
    private final String formatHint;
    private final BufferedInputStream in;
    private final Charset charset;
    private final boolean lenient;
    private final Kind kind;
    private final String head;
    private Reader reader;

    Document(String name, String formatHint, InputStream raw) {
      this.name = name;
      this.formatHint = formatHint;
      this.in = new BufferedInputStream(raw, HEAD_BYTES + 16);
      byte[] headBytes;
      try {
        in.mark(HEAD_BYTES + 8);
        headBytes = in.readNBytes(HEAD_BYTES);
        in.reset();
      } catch (IOException e) {
        throw new DocumentException("cannot read " + name + ": " + e.getMessage());
      }
      int bom = bomLength(headBytes);
      Charset cs = bomCharset(headBytes);
      String latin = new String(headBytes, StandardCharsets.ISO_8859_1);
      boolean lenientCs = false;
      if (cs == null) {
        if (latin.indexOf('\0') >= 0) {
          throw notText("it is binary (NUL bytes)");
        }
        if (DocumentFormat.detect(formatHint, latin) == DocumentFormat.HTML) {
          Matcher m = META_CHARSET.matcher(latin);
          if (m.find()) {
            cs = DocumentReader.charset(m.group(1));
            lenientCs = cs != null; // as a browser: a declared charset is read, bad bytes replaced
          }
        }
      }
      if (cs == null) {
        if (validUtf8(headBytes, headBytes.length == HEAD_BYTES)) {
          cs = StandardCharsets.UTF_8;
        } else if (decodes(headBytes, Charset.forName("GB18030"), headBytes.length == HEAD_BYTES)) {
          cs = Charset.forName("GB18030");
        } else {
          throw notText("it is not UTF-8 text and declares no charset");
        }
      }
      this.charset = cs;
      this.lenient = lenientCs;
      try {
        if (bom > 0) {
          in.skipNBytes(bom);
        }
      } catch (IOException e) {
        throw new DocumentException("cannot read " + name + ": " + e.getMessage());
      }
      String h = new String(headBytes, bom, headBytes.length - bom, cs);
      if (controlShare(h) > 0.02) {
        throw notText("it is binary (control characters)");
      }
      this.head = h;
      this.kind = kindOf(formatHint, h);
    }

    private DocumentException notText(String why) {
      return new DocumentException("cannot import " + name + ": " + why + "; nothing imported from it");
    }

    /** The name shown in messages and provenance: the file's name, or {@code stdin}. */
    public String name() {
      return name;
    }

    /** The name its format is told by: the path given, or {@code -}. */
    public String formatHint() {
      return formatHint;
    }

    public Kind kind() {
      return kind;
    }

    public Charset charset() {
      return charset;
    }

    /** The start of the document (about {@link #HEAD_BYTES} bytes), decoded. */
    public String head() {
      return head;
    }

    /**
     * The whole text as a reader, decoded; invalid bytes in a document with no declared charset end
     * the read with a {@link DocumentException}, as do NUL characters.
     */
    public Reader reader() {
      if (reader == null) {
        CharsetDecoder d = charset.newDecoder();
        CodingErrorAction onError = lenient ? CodingErrorAction.REPLACE : CodingErrorAction.REPORT;
        d.onMalformedInput(onError).onUnmappableCharacter(onError);
        reader = new Checked(new InputStreamReader(in, d), this);
      }
      return reader;
    }

    /** The text, piece by piece (see the class comment). */
    public java.util.Iterator<Piece> pieces() {
      return pieces(reader());
    }

    /** Text already read whole ({@link #whole}), piece by piece as {@link #pieces()} cuts it. */
    public java.util.Iterator<Piece> pieces(String text) {
      return pieces(new java.io.StringReader(text));
    }

    private java.util.Iterator<Piece> pieces(Reader r) {
      return new java.util.Iterator<>() {
        private final char[] buf = new char[PIECE_CHARS + OVERLAP];
        private int len;
        private int line = 1;
        private boolean eof;
        private Piece next;

        @Override
        public boolean hasNext() {
          if (next == null) {
            next = advance();
          }
          return next != null;
        }

        @Override
        public Piece next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          Piece p = next;
          next = null;
          return p;
        }

        private Piece advance() {
          try {
            while (!eof && len < PIECE_CHARS) {
              int n = r.read(buf, len, PIECE_CHARS - len);
              if (n < 0) {
                eof = true;
              } else {
                len += n;
              }
            }
          } catch (IOException e) {
            throw readFailure(e);
          }
          if (len == 0) {
            return null;
          }
          int cut = eof ? len : cut(buf, len, kind == Kind.HTML);
          String text = new String(buf, 0, cut);
          Piece p = new Piece(text, line);
          int lastBreak = text.lastIndexOf('\n');
          for (int i = 0; i <= lastBreak; i++) {
            if (text.charAt(i) == '\n') {
              line++;
            }
          }
          // a cut inside a line: the next piece repeats the line's tail, so an id across the cut is seen whole
          int overlap = eof || lastBreak == text.length() - 1 ? 0
              : Math.min(OVERLAP, text.length() - (lastBreak + 1));
          int rest = len - cut;
          System.arraycopy(buf, cut, buf, overlap, rest);
          text.getChars(text.length() - overlap, text.length(), buf, 0);
          len = overlap + rest;
          if (eof && rest == 0) {
            len = 0;
          }
          return p;
        }
      };
    }

    private DocumentException readFailure(IOException e) {
      return failure(this, e);
    }

    /** The whole text, when it is at most {@code maxChars} long; null when longer. */
    public String whole(int maxChars) {
      StringBuilder b = new StringBuilder();
      char[] buf = new char[65536];
      try {
        int n;
        while ((n = reader().read(buf)) >= 0) {
          b.append(buf, 0, n);
          if (b.length() > maxChars) {
            return null;
          }
        }
      } catch (IOException e) {
        throw readFailure(e);
      }
      return b.toString();
    }

    @Override
    public void close() {
      try {
        in.close();
      } catch (IOException e) {
        // nothing was written
      }
    }
  }

  /** The bad-input error for a read that failed: not text in its charset, binary data, or an I/O error. */
  public static DocumentException failure(Document doc, IOException e) {
    if (e instanceof CharacterCodingException) {
      return doc.notText("it is not " + doc.charset.name() + " text (invalid bytes)");
    }
    if (e.getMessage() != null && e.getMessage().startsWith("cannot import ")) {
      return new DocumentException(e.getMessage());
    }
    return new DocumentException("cannot read " + doc.name + ": " + e.getMessage());
  }

  /** Where to end a piece: after a line break (before a block start where one is near), else at a space. */
  static int cut(char[] buf, int len, boolean html) {
    int half = len / 2;
    int lastBreak = -1;
    for (int i = len - 1; i >= half; i--) {
      if (buf[i] == '\n') {
        if (lastBreak < 0) {
          lastBreak = i + 1;
        }
        if (html ? i + 1 < len && buf[i + 1] == '<' : startsBlock(buf, i + 1, len)) {
          return i + 1;
        }
        if (len - i > 64 * 1024 && lastBreak > 0) {
          break;
        }
      }
    }
    if (lastBreak > 0) {
      return lastBreak;
    }
    for (int i = len - 1; i > 0; i--) {
      if (buf[i] == '\n') {
        return i + 1;
      }
    }
    for (int i = len - 1; i >= half; i--) {
      if (html ? buf[i] == '<' : Character.isWhitespace(buf[i])) {
        return html ? i : i + 1;
      }
    }
    return len;
  }

  private static boolean startsBlock(char[] buf, int from, int len) {
    int to = Math.min(len, from + 32);
    return BREAK_BEFORE.matcher(CharBuffer.wrap(buf, from, to - from)).lookingAt();
  }

  /** A reader that refuses NUL characters (binary data past the head). */
  private static final class Checked extends java.io.FilterReader {
    private final Document doc;

    Checked(Reader in, Document doc) {
      super(in);
      this.doc = doc;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
      int n = super.read(cbuf, off, len);
      for (int i = off; i < off + Math.max(n, 0); i++) {
        if (cbuf[i] == '\0') {
          DocumentException de = doc.notText("it is binary (NUL bytes)");
          throw new IOException(de.getMessage(), de);
        }
      }
      return n;
    }

    @Override
    public int read() throws IOException {
      int c = super.read();
      if (c == 0) {
        DocumentException de = doc.notText("it is binary (NUL bytes)");
          throw new IOException(de.getMessage(), de);
      }
      return c;
    }
  }

  /** Tells a document's kind from its name and start. */
  static Kind kindOf(String formatHint, String head) {
    String name = formatHint == null ? "" : formatHint.toLowerCase(Locale.ROOT);
    String start = head.stripLeading();
    if (name.endsWith(".bib") || name.endsWith(".bibtex") || (!name.endsWith(".json") && start.startsWith("@"))) {
      return Kind.BIBTEX;
    }
    if (name.endsWith(".json") || name.endsWith(".csljson")
        || (start.startsWith("[") && start.substring(1).stripLeading().startsWith("{"))) {
      return Kind.CSL_JSON;
    }
    return switch (DocumentFormat.detect(formatHint, head)) {
      case HTML -> Kind.HTML;
      case MARKDOWN -> Kind.MARKDOWN;
      case TEXT -> Kind.TEXT;
    };
  }

  // --- decoding bytes -----------------------------------------------------------------------------

  /**
   * A body's text, decoded: byte-order mark, then the charset a {@code Content-Type} header names,
   * then an HTML {@code <meta charset>}, else UTF-8 (bad bytes replaced).
   */
  public static String decode(byte[] body, String contentTypeHeaderOrNull) {
    Charset bomCs = bomCharset(body);
    if (bomCs != null) {
      int bom = bomLength(body);
      return new String(body, bom, body.length - bom, bomCs);
    }
    Charset cs = charsetOfContentType(contentTypeHeaderOrNull);
    if (cs == null) {
      String head = new String(body, 0, Math.min(body.length, 16384), StandardCharsets.ISO_8859_1);
      Matcher m = META_CHARSET.matcher(head);
      if (m.find()) {
        cs = charset(m.group(1));
      }
    }
    return new String(body, cs == null ? StandardCharsets.UTF_8 : cs);
  }

  /** The charset a {@code Content-Type} header names, or null. */
  public static Charset charsetOfContentType(String contentType) {
    if (contentType == null) {
      return null;
    }
    for (String part : contentType.split(";")) {
      String p = part.strip();
      if (p.regionMatches(true, 0, "charset=", 0, 8)) {
        return charset(p.substring(8).replace("\"", "").replace("'", "").strip());
      }
    }
    return null;
  }

  /**
   * A charset label as browsers read it (WHATWG Encoding): ISO-8859-1 and ASCII mean windows-1252,
   * GB2312 and GBK mean GB18030, Shift_JIS means windows-31j; UTF-16 in a byte stream means UTF-8.
   * Null for a label Java does not know.
   */
  public static Charset charset(String label) {
    String l = label.strip().toLowerCase(Locale.ROOT);
    String name = switch (l) {
      case "iso-8859-1", "iso8859-1", "latin1", "l1", "us-ascii", "ascii", "iso_8859-1", "cp1252" -> "windows-1252";
      case "gb2312", "gbk", "x-gbk", "gb_2312-80", "chinese", "csgb2312" -> "GB18030";
      case "shift_jis", "shift-jis", "sjis", "ms_kanji", "x-sjis", "csshiftjis" -> "windows-31j";
      case "utf-16", "utf-16le", "utf-16be" -> "UTF-8";
      default -> label.strip();
    };
    try {
      return Charset.forName(name);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static Charset bomCharset(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
      return StandardCharsets.UTF_8;
    }
    if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
      return StandardCharsets.UTF_16BE;
    }
    if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
      return StandardCharsets.UTF_16LE;
    }
    return null;
  }

  private static int bomLength(byte[] b) {
    Charset cs = bomCharset(b);
    return cs == null ? 0 : cs == StandardCharsets.UTF_8 ? 3 : 2;
  }

  /** Whether the bytes are UTF-8 (a sequence cut by the end of a head that goes on is allowed). */
  static boolean validUtf8(byte[] b, boolean truncated) {
    return decodes(b, StandardCharsets.UTF_8, truncated);
  }

  private static boolean decodes(byte[] b, Charset cs, boolean truncated) {
    CharsetDecoder d = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(b);
    CharBuffer out = CharBuffer.allocate(b.length + 16);
    var r = d.decode(in, out, !truncated);
    if (r.isError()) {
      return false;
    }
    return truncated ? b.length - in.position() < 4 : !in.hasRemaining();
  }

  /** The share of control characters other than tab, line breaks, form feed and escape. */
  private static double controlShare(String s) {
    if (s.isEmpty()) {
      return 0;
    }
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b && c != 0x0b) {
        n++;
      }
    }
    return (double) n / s.length();
  }
}
