package dev.papers.discover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one document reader: charsets, binary input, pieces. */
class DocumentReaderTest {
  @TempDir Path dir;

  DocumentReader.Document open(String name, byte[] bytes) throws Exception {
    Path p = dir.resolve(name);
    Files.write(p, bytes);
    return DocumentReader.open(p.toString(), () -> InputStream.nullInputStream());
  }

  static String all(DocumentReader.Document d) {
    StringBuilder b = new StringBuilder();
    d.pieces().forEachRemaining(p -> b.append(p.text()));
    return b.toString();
  }

  @Test
  void byteOrderMarksMetaCharsetsAndBrowserLabels() throws Exception {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', 'r', 'X', 'i', 'v'};
    assertThat(all(open("bom.txt", bom))).isEqualTo("arXiv");
    byte[] utf16 = "\uFEFFTinyBERT 1909.10351".getBytes(StandardCharsets.UTF_16LE);
    assertThat(all(open("le.txt", utf16))).isEqualTo("TinyBERT 1909.10351");

    String gbk = "<html><head><meta charset=\"gb2312\"></head><body>论文：蒸馏 𠀀</body></html>";
    DocumentReader.Document d = open("gbk.html", gbk.getBytes(Charset.forName("GB18030")));
    assertThat(d.charset().name()).isEqualTo("GB18030");
    assertThat(all(d)).contains("论文：蒸馏 𠀀");

    String latin = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">"
        + "</head><body>Caf\u00e9 \u201cquoted\u201d</body></html>";
    d = open("latin.html", latin.getBytes(Charset.forName("windows-1252")));
    assertThat(d.charset().name()).isEqualTo("windows-1252");
    assertThat(all(d)).contains("Café “quoted”");

    d = open("notes.txt", "英文题目:TinyBERT\n论文地址:https://arxiv.org/pdf/1909.10351.pdf\n"
        .getBytes(Charset.forName("GB18030")));
    assertThat(d.charset().name()).as("an unlabelled Chinese note saved as GBK").isEqualTo("GB18030");
    assertThat(all(d)).contains("英文题目:TinyBERT");
  }

  @Test
  void binaryInputIsRefusedNamingTheFile() throws Exception {
    byte[] elf = new byte[4096];
    elf[0] = 0x7f;
    elf[1] = 'E';
    elf[2] = 'L';
    elf[3] = 'F';
    assertThatThrownBy(() -> open("ls", elf)).isInstanceOf(DocumentReader.DocumentException.class)
        .hasMessage("cannot import ls: it is binary (NUL bytes); nothing imported from it");

    byte[] controls = new byte[2000];
    for (int i = 0; i < controls.length; i++) {
      controls[i] = (byte) (i % 3 == 0 ? 0x01 : 'a');
    }
    assertThatThrownBy(() -> open("ctl.txt", controls)).hasMessageContaining("control characters");

    byte[] random = new byte[3000];
    new java.util.Random(7).nextBytes(random);
    for (int i = 0; i < random.length; i++) {
      random[i] = random[i] == 0 ? 1 : random[i];
    }
    assertThatThrownBy(() -> open("random.txt", random)).isInstanceOf(DocumentReader.DocumentException.class)
        .hasMessageContaining("random.txt");

    // text first, binary after the head: found while reading, before anything is stored
    byte[] late = new byte[DocumentReader.HEAD_BYTES * 2];
    java.util.Arrays.fill(late, (byte) 'x');
    late[late.length - 10] = 0;
    DocumentReader.Document d = open("late.txt", late);
    assertThatThrownBy(() -> all(d)).isInstanceOf(DocumentReader.DocumentException.class)
        .hasMessageContaining("late.txt").hasMessageContaining("binary");
  }

  @Test
  void filesThatCannotBeRead() {
    assertThatThrownBy(() -> DocumentReader.open(dir.resolve("missing.md").toString(), () -> null))
        .hasMessageEndingWith("missing.md: no such file");
    assertThatThrownBy(() -> DocumentReader.open(dir.toString(), () -> null))
        .hasMessageEndingWith("it is a directory");
  }

  @Test
  void kindsByNameAndContent() {
    assertThat(DocumentReader.kindOf("refs.bib", "anything")).isEqualTo(DocumentReader.Kind.BIBTEX);
    assertThat(DocumentReader.kindOf("-", "  @article{x,")).isEqualTo(DocumentReader.Kind.BIBTEX);
    assertThat(DocumentReader.kindOf("refs.json", "{}")).isEqualTo(DocumentReader.Kind.CSL_JSON);
    assertThat(DocumentReader.kindOf("-", "[ {\"type\": \"article\"}]")).isEqualTo(DocumentReader.Kind.CSL_JSON);
    assertThat(DocumentReader.kindOf("notes.txt", "[1] Title: https://arxiv.org/abs/1909.10351"))
        .isEqualTo(DocumentReader.Kind.TEXT);
    assertThat(DocumentReader.kindOf("notes.md", "# x")).isEqualTo(DocumentReader.Kind.MARKDOWN);
    assertThat(DocumentReader.kindOf("page.html", "<p>")).isEqualTo(DocumentReader.Kind.HTML);
  }

  @Test
  void piecesAreBoundedCutAtLineBreaksAndAnIdAcrossACutIsFound() throws Exception {
    // many lines: every piece ends at a line break, line numbers run on
    StringBuilder b = new StringBuilder();
    int lines = 0;
    while (b.length() < DocumentReader.PIECE_CHARS * 2.5) {
      b.append("line ").append(++lines).append(" see arXiv:1909.10351 and more words\n");
    }
    DocumentReader.Document d = open("long.txt", b.toString().getBytes(StandardCharsets.UTF_8));
    List<DocumentReader.Piece> pieces = new ArrayList<>();
    d.pieces().forEachRemaining(pieces::add);
    assertThat(pieces).hasSizeGreaterThanOrEqualTo(3);
    int expectedLine = 1;
    for (DocumentReader.Piece p : pieces) {
      assertThat(p.text().length()).isLessThanOrEqualTo(DocumentReader.PIECE_CHARS);
      assertThat(p.firstLine()).isEqualTo(expectedLine);
      assertThat(p.text()).startsWith("line " + expectedLine + " ");
      expectedLine += (int) p.text().chars().filter(c -> c == '\n').count();
    }
    assertThat(expectedLine - 1).isEqualTo(lines);

    // one line longer than a piece, with an id placed across the first cut
    char[] filler = new char[DocumentReader.PIECE_CHARS - 8];
    java.util.Arrays.fill(filler, 'x');
    String one = new String(filler) + " https://arxiv.org/abs/2002.05709 " + "y ".repeat(DocumentReader.PIECE_CHARS);
    d = open("oneline.txt", one.getBytes(StandardCharsets.US_ASCII));
    IdExtractor ex = new IdExtractor();
    List<String> found = new ArrayList<>();
    for (Iterator<DocumentReader.Piece> it = d.pieces(); it.hasNext(); ) {
      DocumentReader.Piece p = it.next();
      assertThat(p.text().length()).isLessThanOrEqualTo(DocumentReader.PIECE_CHARS + DocumentReader.OVERLAP);
      assertThat(p.firstLine()).isEqualTo(1);
      ex.extract(p.text(), DocumentFormat.TEXT).forEach(f -> found.add(f.id().key()));
    }
    assertThat(found).contains("arxiv:2002.05709");
  }

  @Test
  void decodeForHttpBodies() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'o', 'k'};
    assertThat(DocumentReader.decode(bom, "text/html; charset=ISO-8859-1")).isEqualTo("ok");
    assertThat(DocumentReader.decode("\u00e9".getBytes(StandardCharsets.ISO_8859_1), "text/html; charset=latin1"))
        .isEqualTo("é");
    assertThat(DocumentReader.decode("x".getBytes(StandardCharsets.UTF_8), null)).isEqualTo("x");
    assertThat(new ByteArrayInputStream(new byte[0])).isNotNull();
  }
}
