package dev.papers.cli;

import dev.papers.app.Version;
import picocli.CommandLine.IVersionProvider;

/** {@code papers --version}, from the jar manifest. */
public final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"papers " + Version.get()};
  }
}
