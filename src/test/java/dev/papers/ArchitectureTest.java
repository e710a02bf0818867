package dev.papers;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.papers.model.Paper;

/**
 * The rules of the house, as the README's Development section states them: {@code model} depends on
 * nothing of ours; sources never depend on each other; commands are thin and library-free; only the
 * command line and the wiring touch the standard streams; no package depends on itself round a circle.
 */
@AnalyzeClasses(packages = "dev.papers", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  @ArchTest
  static final ArchRule modelDependsOnNoPackageOfOursAndNoLibrary = classes()
      .that().resideInAPackage("dev.papers.model..")
      .should().onlyDependOnClassesThat().resideInAnyPackage("dev.papers.model..", "java..")
      .because("model holds the records every other package shares, and imports java.* only");

  @ArchTest
  static final ArchRule sourcesNeverDependOnEachOther = slices()
      .matching("dev.papers.source.(*)..").should().notDependOnEachOther()
      .because("each source implements its own capabilities; what they share lives in dev.papers.source");

  @ArchTest
  static final ArchRule cliUsesNoSourceAndNoHttpJsonOrHtmlLibrary = noClasses()
      .that().resideInAPackage("dev.papers.cli..")
      .should().dependOnClassesThat().resideInAnyPackage("dev.papers.source.*..", "okhttp3..",
          "com.fasterxml.jackson..", "org.jsoup..")
      .because("commands parse, call one service and render; App wires the sources");

  @ArchTest
  static final ArchRule onlyTheCommandLineAndTheWiringTouchStandardStreams = noClasses()
      .that().resideOutsideOfPackages("dev.papers.cli..", "dev.papers.app..")
      .and().doNotHaveFullyQualifiedName(Main.class.getName())
      .should(ACCESS_STANDARD_STREAMS)
      .because("output goes through the PrintWriters picocli hands the commands, so tests capture it");

  @ArchTest
  static final ArchRule noPackageCircles = slices().matching("dev.papers.(**)").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule nothingDependsOnTheRootPackage = noClasses()
      .that().resideOutsideOfPackage("dev.papers")
      .should().dependOnClassesThat().resideInAPackage("dev.papers")
      .because("the root package holds Main, which wires everything, and is used by nothing");

  @ArchTest
  static final ArchRule aPaperIsMadeOutsideModelOnlyByTheCacheReaders = noClasses()
      .that(not(resideInAPackage("dev.papers.model..")))
      .and().doNotHaveFullyQualifiedName("dev.papers.cache.PaperReader")
      .and().doNotHaveFullyQualifiedName("dev.papers.cache.IndexCodec")
      .should().callConstructorWhere(target(owner(equivalentTo(Paper.class))))
      .because("Paper.builder() and toBuilder() keep one schema; the two readers mirror the record for speed");
}
