package org.lmforge.pipeline.cluster;

import java.io.Serializable;
import java.lang.reflect.InvocationTargetException;
import org.lmforge.pipeline.job.UserError;

/**
 * Binds the calling thread's ND4J work to one GPU. A replica's Spark task calls {@link #bind} with
 * the device Spark assigned it ({@link TaskGpu}) before it builds or uses its model copy: ND4J's
 * CUDA backend keeps an array on the device of the thread that made it and otherwise attaches
 * threads to devices on its own, so without this every replica of a multi-GPU executor could land
 * on one device.
 *
 * <p>An interface so that a machine without GPUs can test the path: {@code
 * -Dlmforge.deviceBinder=<class>} (a public no-argument constructor) on the driver replaces {@link
 * Nd4jDeviceBinder}. The driver's instance travels to the executors inside the replica spec, so
 * executors need no property of their own.
 */
public interface DeviceBinder extends Serializable {
  /** The system property naming another binder class (tests; see the class comment). */
  String PROPERTY = "lmforge.deviceBinder";

  /**
   * Null when this JVM can bind GPUs; otherwise why it cannot, worded to sit inside an error
   * message.
   */
  String cannotBind();

  /** Binds the calling thread to CUDA device {@code device} (an ordinal, 0 .. devices - 1). */
  void bind(int device);

  /** The binder the property names, else ND4J's own. */
  static DeviceBinder configured() {
    String name = System.getProperty(PROPERTY);
    if (name == null || name.isBlank()) return new Nd4jDeviceBinder();
    try {
      return (DeviceBinder) Class.forName(name.strip()).getConstructor().newInstance();
    } catch (ClassNotFoundException
        | ClassCastException
        | NoSuchMethodException
        | InstantiationException
        | IllegalAccessException
        | InvocationTargetException e) {
      throw new UserError(
          "-D"
              + PROPERTY
              + "="
              + name
              + " is not a DeviceBinder with a public no-argument "
              + "constructor ("
              + e
              + "); remove the property to use ND4J's own binding");
    }
  }
}
