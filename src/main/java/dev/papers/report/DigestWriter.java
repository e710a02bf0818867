package dev.papers.report;

import dev.papers.digest.Digest;
import java.io.PrintWriter;

/** Writes a digest in one format. Writers never close the writer they get. */
public interface DigestWriter {
  void write(Digest digest, PrintWriter out);
}
