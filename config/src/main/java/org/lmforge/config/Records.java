package org.lmforge.config;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;

/**
 * A copy of a record with some components replaced, by name: how the configuration records make
 * their {@code withX} methods (Java has no {@code with} expression for records yet, JEP 468). The
 * copy goes through the canonical constructor, so it is validated like any other instance, the same
 * way {@link ConfigBinder} builds records from HOCON.
 */
public final class Records {
  private Records() {}

  /**
   * {@code record} with the named components replaced: {@code with(cfg, "output", out, "overwrite",
   * true)}. A name the record does not have is an {@link IllegalArgumentException}; so is a value
   * of the wrong type. What the constructor rejects is thrown as it threw it.
   */
  public static <R extends Record> R with(R record, Object... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("names and values must come in pairs");
    }
    Class<?> type = record.getClass();
    RecordComponent[] comps = type.getRecordComponents();
    Object[] args = new Object[comps.length];
    Class<?>[] types = new Class<?>[comps.length];
    try {
      for (int i = 0; i < comps.length; i++) {
        types[i] = comps[i].getType();
        comps[i].getAccessor().setAccessible(true);
        args[i] = comps[i].getAccessor().invoke(record);
      }
      for (int k = 0; k < namesAndValues.length; k += 2) {
        args[index(comps, type, namesAndValues[k])] = namesAndValues[k + 1];
      }
      var ctor = type.getDeclaredConstructor(types);
      ctor.setAccessible(true);
      return cast(type, ctor.newInstance(args));
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("cannot copy " + type.getName(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot copy " + type.getName(), e);
    }
  }

  private static int index(RecordComponent[] comps, Class<?> type, Object name) {
    for (int i = 0; i < comps.length; i++) {
      if (comps[i].getName().equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException(
        type.getSimpleName()
            + " has no component '"
            + name
            + "'; it has "
            + Arrays.stream(comps).map(RecordComponent::getName).toList());
  }

  @SuppressWarnings("unchecked")
  private static <R> R cast(Class<?> type, Object o) {
    return (R) type.cast(o);
  }
}
