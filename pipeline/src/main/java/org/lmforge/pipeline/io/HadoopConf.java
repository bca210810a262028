package org.lmforge.pipeline.io;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import org.apache.hadoop.conf.Configuration;

/** A Hadoop Configuration that can travel to executors (S3 credentials, HDFS settings, ...). */
public final class HadoopConf implements Serializable {
  private transient Configuration conf;

  public HadoopConf(Configuration conf) {
    this.conf = conf;
  }

  public Configuration get() {
    return conf;
  }

  /**
   * The Hadoop configuration a job's Spark session will have, built before the session exists:
   * Hadoop's defaults plus every {@code spark.hadoop.*} property (spark-submit passes them as
   * system properties), so inputs on S3 or HDFS can be checked before any Spark work.
   */
  public static Configuration beforeSession() {
    Configuration c = new Configuration();
    for (scala.Tuple2<String, String> kv : new org.apache.spark.SparkConf().getAll()) {
      if (kv._1().startsWith("spark.hadoop.")) {
        c.set(kv._1().substring("spark.hadoop.".length()), kv._2());
      }
    }
    return c;
  }

  private void writeObject(ObjectOutputStream out) throws IOException {
    out.defaultWriteObject();
    conf.write(out);
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    conf = new Configuration(false);
    conf.readFields(in);
  }
}
