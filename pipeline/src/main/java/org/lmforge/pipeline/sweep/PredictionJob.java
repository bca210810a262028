package org.lmforge.pipeline.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.lmforge.analysis.scaling.PointsCsv;
import org.lmforge.analysis.scaling.ScalingFit;
import org.lmforge.pipeline.job.Job;
import org.lmforge.pipeline.job.Progress;
import org.lmforge.pipeline.scaling.FitJob;
import org.lmforge.pipeline.train.PretrainConfig;

/**
 * The held-out prediction run of a sweep ({@link SweepPrediction}) after its fit: trains (or finds)
 * the run the law predicts, writes prediction.json and adds the outcome to fit.json. Complete when
 * the current fit.json carries it (a new fit rewrites fit.json without it). Does nothing when the
 * sweep had too few runs to fit.
 *
 * @param fit the fit job of the same chain, whose result the prediction starts from
 */
public record PredictionJob(SweepConfig sweep, PretrainConfig template, FitJob fit)
    implements Job<SweepPrediction.Prediction> {

  @Override
  public String name() {
    return "prediction";
  }

  @Override
  public String output() {
    return fit.config().output().resolveSibling(SweepPrediction.FILE).toString();
  }

  @Override
  public boolean complete(Configuration hadoop) throws IOException {
    Path fitJson = fit.config().output();
    return Files.isRegularFile(fitJson)
        && new ObjectMapper().readTree(fitJson.toFile()).has("prediction");
  }

  @Override
  public SweepPrediction.Prediction run(SparkSession spark, Progress progress) throws IOException {
    Path fitJson = fit.config().output();
    if (!Files.isRegularFile(fitJson)) return null; // too few runs to fit: the fit job said so
    ScalingFit.Result law = fit.result();
    if (law
        == null) { // the fit job kept an up-to-date fit.json: the same fit again, in memory (it is
      // seeded)
      PointsCsv.Table t = PointsCsv.read(fit.config().input());
      law = ScalingFit.fit(t.points(), t.excluded(), null, fit.config().options());
    }
    SweepPrediction.Prediction p = SweepPrediction.run(spark, sweep, template, law, progress);
    SweepPrediction.attach(fitJson, p);
    return p;
  }
}
