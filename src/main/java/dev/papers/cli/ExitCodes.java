package dev.papers.cli;

/** The contract's exit codes. */
public final class ExitCodes {
  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int USAGE = 2;
  public static final int PARTIAL = 3;
  public static final int TRY_LATER = 75;

  private ExitCodes() {}
}
