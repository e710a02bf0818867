package dev.papers.cli;

import dev.papers.app.App;
import dev.papers.report.ReportOptions;
import dev.papers.service.Outcome;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/** What several commands share: the closing messages and exit code, the output's options. */
final class Commands {
  private Commands() {}

  /** Prints what failed, one line per kind of failure, and returns the exit code. */
  static int finish(Outcome outcome, PrintWriter err) {
    for (String m : outcome.messages()) {
      err.println("papers: " + m);
    }
    err.flush();
    return ExitCodes.of(outcome.status());
  }

  /** Prints notes, one line each. */
  static void notes(List<String> notes, PrintWriter err) {
    notes.forEach(n -> err.println("papers: " + n));
    err.flush();
  }

  /** Colour and width for this run's output: colour only on a terminal without NO_COLOR. */
  static ReportOptions reportOptions(App app, boolean explain) {
    Map<String, String> env = app.settings().env();
    return ReportOptions.forOutput(Terminal.interactive(), env.get("NO_COLOR"), env.get("COLUMNS"), explain);
  }
}
