package dev.papers.cli;

import dev.papers.cache.CacheException;
import dev.papers.config.UsageException;
import dev.papers.model.InvalidIdException;
import dev.papers.model.Visible;
import dev.papers.rank.InvalidDateException;
import dev.papers.service.Outcome;
import dev.papers.topic.TopicException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExecutionStrategy;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.RunLast;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The contract's exit codes, and the one place that maps what went wrong to them: picocli's exit-code
 * mapper ({@code setExitCodeExceptionMapper}) for exceptions, {@link #of} for a service's outcome. The
 * handlers print one plain line (shown safe: {@link Visible}); a stack trace only with {@code --stacktrace}
 * (or {@code --verbose}). A command line picocli refused is told by {@link UsageErrors}.
 */
public final class ExitCodes implements IExitCodeExceptionMapper, IParameterExceptionHandler,
    IExecutionExceptionHandler, IExecutionStrategy {
  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int USAGE = 2;
  public static final int PARTIAL = 3;
  public static final int TRY_LATER = 75;

  /** The exit code of a service's outcome. */
  public static int of(Outcome.Status status) {
    return switch (status) {
      case DONE -> OK;
      case TRY_LATER -> TRY_LATER;
      case PARTIAL -> PARTIAL;
      case FAILED -> FAILED;
    };
  }

  /** Bad input (a flag, an id, a topic, a date, a setting) is 2; anything else that escapes is 1. */
  @Override
  public int getExitCode(Throwable t) {
    boolean badInput = t instanceof ParameterException || t instanceof UsageException
        || t instanceof InvalidIdException || t instanceof TopicException || t instanceof InvalidDateException;
    return badInput ? USAGE : FAILED;
  }

  /**
   * picocli's own strategy (print the help asked for, else run the command named), except that an
   * argument no command matched is an error even beside {@code --help}: picocli skips that check when
   * help is asked for, so {@code papers rnak --help} printed the usage and exited 0.
   */
  @Override
  public int execute(ParseResult parsed) {
    for (ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (!p.unmatched().isEmpty()) {
        throw new UnmatchedArgumentException(p.commandSpec().commandLine(), p.unmatched());
      }
    }
    return new RunLast().execute(parsed);
  }

  /** A flag picocli refused: one line (and a pointer to --help, unless a converter said what is wrong). */
  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cl = ex.getCommandLine();
    PrintWriter err = cl.getErr();
    if (ex.getCause() instanceof TypeConversionException bad && ex.getArgSpec() instanceof OptionSpec o
        && cl.getUnmatchedArguments().isEmpty()) {
      err.println("papers: " + o.longestName() + ": " + Visible.line(bad.getMessage()));
    } else {
      UsageErrors.print(ex, err); // the unknown option first, "did you mean", the pointer to --help
    }
    err.flush();
    return cl.getExitCodeExceptionMapper().getExitCode(ex);
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine line, ParseResult parsed) {
    PrintWriter err = line.getErr();
    int code = line.getExitCodeExceptionMapper().getExitCode(ex);
    if (code == USAGE) {
      err.println("papers: " + Visible.line(ex.getMessage()));
      err.flush();
      return code;
    }
    boolean trace = wantsTrace(line);
    if (ex instanceof CacheException) {
      err.println("papers: " + Visible.line(ex.getMessage()));
    } else {
      err.println("papers: internal error: " + Visible.line(ex.toString())
          + (trace ? "" : " (run with --stacktrace for details)"));
    }
    if (trace) {
      ex.printStackTrace(err);
    }
    err.flush();
    return code;
  }

  private static boolean wantsTrace(CommandLine line) {
    for (Object mixin : line.getMixins().values()) {
      if (mixin instanceof CommonOptions c && c.stacktrace()) {
        return true;
      }
    }
    return false;
  }
}
