package dev.papers.cache;

import java.io.IOException;
import java.nio.file.FileSystemException;

/** File-system failures in words a user can act on ("No space left on device"), without class names. */
public final class FileErrors {
  private FileErrors() {}

  /** The reason an I/O failure gives: the OS's words where there are some, else the failure's kind. */
  public static String reason(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof FileSystemException f && f.getReason() != null) {
        return f.getReason();
      }
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException && t.getMessage() != null && !t.getMessage().isBlank()) {
        return t.getMessage();
      }
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  /** Whether this failure means the disk (or the user's quota) is full. */
  public static boolean diskFull(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = t.getMessage();
      if (m != null && (m.contains("No space left on device") || m.contains("Disk quota exceeded")
          || m.contains("There is not enough space"))) {
        return true;
      }
    }
    return false;
  }
}
