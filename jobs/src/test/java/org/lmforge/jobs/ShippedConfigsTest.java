package org.lmforge.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lmforge.analysis.scaling.FitOptions;
import org.lmforge.config.ConfigBinder;
import org.lmforge.dataprep.dedup.DedupConfig;
import org.lmforge.dataprep.extract.ExtractorConfig;
import org.lmforge.dataprep.filter.FiltersConfig;
import org.lmforge.dataprep.ingest.IngestConfig;
import org.lmforge.pipeline.clean.CleanConfig;
import org.lmforge.pipeline.sweep.SweepConfig;
import org.lmforge.pipeline.tokenize.TokenizeConfig;
import org.lmforge.pipeline.train.PretrainConfig;

/**
 * The configs the README's commands pass (`all --config conf/demo.conf`, `all --config
 * conf/law.conf`) bind to every job's record, as `all` binds them, so a typo in a shipped file
 * fails here and not half an hour into a run; and the shipped defaults are the one source of
 * default values.
 */
class ShippedConfigsTest {
  /** The default tokenizer name follows the vocabulary size (it said 32k for any size). */
  @Test
  void theDefaultTokenizerNameFollowsTheVocabularySize() {
    TokenizeConfig.Tokenizer t =
        ConfigBinder.bind(
                JobConfig.load("tokenize", null, List.of("tokenize.tokenizer.vocabSize=8192")),
                "tokenize",
                TokenizeConfig.class)
            .tokenizer();
    assertEquals("lmforge-bpe-8192", t.name());
    assertEquals("lmforge-bpe-32768", TokenizeConfig.defaults(List.of(), "o").tokenizer().name());
  }

  /**
   * A substitution the settings do not define is read from the environment, as HOCON says
   * (ConfigFactory.load does; ours did not: "Could not resolve substitution"); the environment adds
   * no settings of its own.
   */
  @Test
  void aSubstitutionFallsBackToTheEnvironment() {
    String home = System.getenv("HOME");
    org.junit.jupiter.api.Assumptions.assumeTrue(home != null, "needs HOME in the environment");
    Config c = JobConfig.load("pretrain", null, List.of("pretrain.output=${HOME}\"/run\""));
    assertEquals(home + "/run", c.getString("pretrain.output"));
    assertEquals(java.util.Set.of("pretrain"), c.root().keySet());
  }

  @ParameterizedTest
  @ValueSource(strings = {"../conf/demo.conf", "../conf/law.conf"})
  void everyJobOfTheChainBindsTheShippedConfig(String file) {
    Config clean = JobConfig.load("clean", file, List.of());
    ConfigBinder.bind(clean.withoutPath("clean.sample"), "clean", CleanConfig.class);
    ConfigBinder.bind(
        JobConfig.load("tokenize", file, List.of()), "tokenize", TokenizeConfig.class);
    Config sweep = JobConfig.load("sweep", file, List.of());
    SweepConfig s = ConfigBinder.bind(sweep, "sweep", SweepConfig.class);
    PretrainConfig p = ConfigBinder.bind(sweep, "pretrain", PretrainConfig.class);
    assertTrue(s.predict().enabled(), file + " runs the held-out prediction");
    assertEquals(2, s.parallelRuns());
    assertEquals(16, p.optim().batchSize());
  }

  /**
   * The library defaults ({@code FiltersConfig.defaults()} and the like, which dataprep's tests and
   * benchmarks use) are the jobs' defaults: both are read from the same conf/ files, and each file
   * binds its record with no key missing or unknown.
   */
  @Test
  void theLibraryDefaultsAreWhatTheJobsBind() {
    CleanConfig clean =
        ConfigBinder.bind(
            JobConfig.load("clean", null, List.of()).withoutPath("clean.sample"),
            "clean",
            CleanConfig.class);
    assertEquals(FiltersConfig.defaults(), clean.filters());
    assertEquals(DedupConfig.defaults(), clean.dedup());
    assertEquals(IngestConfig.defaults(), clean.ingest());
    assertEquals(ExtractorConfig.defaults(), clean.ingest().extract());
    TokenizeConfig tokenize =
        ConfigBinder.bind(
            JobConfig.load("tokenize", null, List.of()), "tokenize", TokenizeConfig.class);
    assertEquals(TokenizeConfig.defaults(tokenize.input(), tokenize.output()), tokenize);
    Config sweep = JobConfig.load("sweep", null, List.of());
    ConfigBinder.bind(sweep, "sweep", SweepConfig.class);
    ConfigBinder.bind(sweep, "pretrain", PretrainConfig.class);
    FitOptions fit = FitOptions.defaults();
    // Hoffmann et al.'s Huber delta and the documented 200 resamples: read from conf/fit.conf
    assertEquals(1e-3, fit.huberDelta());
    assertEquals(200, fit.bootstrap());
  }

  @ParameterizedTest
  @ValueSource(strings = {"../conf/law.conf"})
  void theLawSweepSpansOneAndAHalfDecadesAndPredictsFourTimesFurther(String file) {
    SweepConfig s =
        ConfigBinder.bind(JobConfig.load("sweep", file, List.of()), "sweep", SweepConfig.class);
    double lo = s.budgets().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    double hi = s.budgets().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    assertTrue(Math.log10(hi / lo) >= 1.5, "budgets span " + Math.log10(hi / lo) + " decades");
    assertTrue(s.predict().multiplier() >= 4);
    assertTrue(s.lrRefWidth() > 0);
  }
}
