package dev.papers.cli;

import picocli.CommandLine.Option;

/** Flags every command takes. */
public final class CommonOptions {
  @Option(names = {"-v", "--verbose"}, description = "Say more about what is done and why.")
  boolean verbose;

  @Option(names = "--stacktrace", description = "Print the stack trace of an internal error.")
  boolean stacktrace;

  public boolean verbose() {
    return verbose;
  }

  public boolean stacktrace() {
    return stacktrace || verbose;
  }
}
