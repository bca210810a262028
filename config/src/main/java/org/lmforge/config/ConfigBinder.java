package org.lmforge.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Binds a HOCON object to a Java record by component name, recursively: the one place where
 * configuration is read. Unknown keys, missing keys, wrong types and values the record rejects all
 * fail with a message naming the full key and the fix.
 */
public final class ConfigBinder {
  private ConfigBinder() {}

  /** Bad configuration: the message names the key and what to do. */
  public static final class BadConfigException extends RuntimeException {
    public BadConfigException(String msg) {
      super(msg);
    }
  }

  public static <R extends Record> R bind(Config root, String path, Class<R> type) {
    if (!root.hasPath(path)) {
      throw new BadConfigException("missing configuration section '" + path + "'");
    }
    return type.cast(bindRecord(root.getConfig(path), path, type));
  }

  private static Object bindRecord(Config c, String path, Class<?> type) {
    RecordComponent[] comps = type.getRecordComponents();
    Set<String> known =
        Arrays.stream(comps).map(RecordComponent::getName).collect(Collectors.toSet());
    for (String key : c.root().keySet()) {
      if (!known.contains(key)) {
        throw new BadConfigException(
            "unknown configuration key '"
                + path
                + "."
                + key
                + "'"
                + suggestion(key, known)
                + "; valid keys under '"
                + path
                + "': "
                + Arrays.stream(comps)
                    .map(RecordComponent::getName)
                    .collect(Collectors.joining(", ")));
      }
    }
    Object[] args = new Object[comps.length];
    Class<?>[] types = new Class<?>[comps.length];
    for (int i = 0; i < comps.length; i++) {
      RecordComponent rc = comps[i];
      types[i] = rc.getType();
      String key = rc.getName();
      String full = path + "." + key;
      if (!c.hasPathOrNull(key)) {
        throw new BadConfigException(
            "missing configuration key '"
                + full
                + "' ("
                + describe(rc.getGenericType())
                + "): add it to the job's .conf file or pass --conf "
                + full
                + "=VALUE");
      }
      requireNotNestedSiblings(c, key, path, rc, known);
      args[i] = value(c, key, full, rc.getType(), rc.getGenericType());
    }
    try {
      var ctor = type.getDeclaredConstructor(types);
      ctor.setAccessible(true);
      return ctor.newInstance(args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      throw new BadConfigException("invalid configuration '" + path + "': " + cause.getMessage());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build " + type.getName(), e);
    }
  }

  /**
   * A setting of one value written as an object whose keys are its neighbours ({@code dedup.near {
   * bands = 28 }} for {@code dedup.bands}): named as such, where the wrong-type message would leave
   * the reader to find where {@code bands} belongs.
   */
  private static void requireNotNestedSiblings(
      Config c, String key, String path, RecordComponent rc, Set<String> known) {
    Class<?> raw = rc.getType();
    boolean oneValue =
        raw.isPrimitive()
            || raw == String.class
            || Number.class.isAssignableFrom(raw)
            || raw == Boolean.class;
    if (!oneValue || c.getIsNull(key)) return;
    if (!(c.getValue(key) instanceof ConfigObject inner)) return;
    String sibling =
        inner.keySet().stream().filter(known::contains).sorted().findFirst().orElse(null);
    if (sibling == null) return;
    throw new BadConfigException(
        "'"
            + path
            + "."
            + key
            + "' is "
            + describe(rc.getGenericType())
            + ", not an object: "
            + sibling
            + " is a key of '"
            + path
            + "' itself; write "
            + path
            + "."
            + sibling
            + " = VALUE, not "
            + path
            + "."
            + key
            + "."
            + sibling);
  }

  private static Object value(Config c, String key, String full, Class<?> raw, Type generic) {
    if (c.getIsNull(key)) {
      if (raw.isPrimitive()) {
        throw new BadConfigException("'" + full + "' is null but must be " + describe(generic));
      }
      return null;
    }
    try {
      if (raw == int.class || raw == Integer.class) {
        requireWhole(c, key);
        return c.getInt(key);
      } else if (raw == long.class || raw == Long.class) {
        requireWhole(c, key);
        return c.getLong(key);
      } else if (raw == double.class || raw == Double.class) {
        return c.getDouble(key);
      } else if (raw == boolean.class || raw == Boolean.class) {
        return c.getBoolean(key);
      } else if (raw == String.class) {
        ConfigValue v = c.getValue(key);
        if (v.valueType() == ConfigValueType.OBJECT || v.valueType() == ConfigValueType.LIST) {
          throw new BadConfigException(
              "'" + full + "' must be a string, not " + v.valueType().name().toLowerCase());
        }
        return c.getString(key);
      } else if (raw == double[].class) {
        return c.getDoubleList(key).stream().mapToDouble(Double::doubleValue).toArray();
      } else if (raw == List.class) {
        Type el = ((ParameterizedType) generic).getActualTypeArguments()[0];
        if (el == String.class) {
          return List.copyOf(c.getStringList(key));
        } else if (el == Integer.class) {
          requireWhole(c, key);
          return List.copyOf(c.getIntList(key));
        } else if (el == Long.class) {
          requireWhole(c, key);
          return List.copyOf(c.getLongList(key));
        } else if (el == Double.class) {
          return List.copyOf(c.getDoubleList(key));
        } else if (el instanceof Class<?> cls && cls.isRecord()) {
          List<Object> out = new ArrayList<>();
          List<? extends Config> items = c.getConfigList(key);
          for (int i = 0; i < items.size(); i++) {
            out.add(bindRecord(items.get(i), full + "[" + i + "]", cls));
          }
          return List.copyOf(out);
        }
      } else if (raw == Map.class) {
        Type[] kv = ((ParameterizedType) generic).getActualTypeArguments();
        ConfigObject obj = c.getObject(key);
        Map<String, Object> out = new LinkedHashMap<>();
        for (String k : obj.keySet()) {
          Config sub = obj.toConfig();
          String q = com.typesafe.config.ConfigUtil.quoteString(k);
          if (kv[1] == Integer.class || kv[1] == Long.class) requireWhole(sub, q);
          out.put(
              k,
              kv[1] == Double.class
                  ? sub.getDouble(q)
                  : kv[1] == Integer.class
                      ? sub.getInt(q)
                      : kv[1] == Long.class ? sub.getLong(q) : sub.getString(q));
        }
        return out;
      } else if (raw.isRecord()) {
        return bindRecord(c.getConfig(key), full, raw);
      } else if (raw.isEnum()) {
        String s = c.getString(key);
        for (Object constant : raw.getEnumConstants()) {
          if (((Enum<?>) constant).name().equalsIgnoreCase(s)) {
            return constant;
          }
        }
        throw new BadConfigException(
            "'"
                + full
                + "' is '"
                + s
                + "'; valid values: "
                + Arrays.toString(raw.getEnumConstants()).toLowerCase());
      }
    } catch (ConfigException.WrongType e) {
      throw new BadConfigException(
          "'"
              + full
              + "' has the wrong type: expected "
              + describe(generic)
              + ", got "
              + c.getValue(key).valueType().name().toLowerCase()
              + " "
              + c.getValue(key).render(com.typesafe.config.ConfigRenderOptions.concise())
              + " (fix it in the .conf file or with --conf "
              + full
              + "=VALUE)");
    }
    throw new IllegalStateException("unsupported configuration type " + generic + " for " + full);
  }

  /**
   * Typesafe Config's getInt and getLong truncate a fraction ({@code batchSize = 16.7} read as 16);
   * a fraction where a count is asked for is a mistake, reported as the wrong type. {@code key}
   * holds a number or a list of numbers.
   */
  private static void requireWhole(Config c, String key) {
    ConfigValue v = c.getValue(key);
    List<Double> asDouble =
        v.valueType() == ConfigValueType.LIST ? c.getDoubleList(key) : List.of(c.getDouble(key));
    for (double d : asDouble) {
      if (d != Math.rint(d)) {
        throw new ConfigException.WrongType(v.origin(), key, "whole number", "a fraction " + d);
      }
    }
  }

  private static String describe(Type t) {
    if (t instanceof Class<?> c) {
      if (c == int.class || c == Integer.class || c == long.class || c == Long.class) {
        return "a whole number";
      }
      if (c == double.class || c == Double.class) {
        return "a number";
      }
      if (c == boolean.class || c == Boolean.class) {
        return "true or false";
      }
      if (c == String.class) {
        return "a string";
      }
      if (c.isRecord()) {
        return "an object { ... }";
      }
    }
    if (t == double[].class) {
      return "a list of numbers [ ... ]";
    }
    if (t instanceof ParameterizedType p && p.getRawType() == List.class) {
      Type el = p.getActualTypeArguments()[0];
      String of =
          el == String.class
              ? "strings"
              : el == Double.class
                  ? "numbers"
                  : el == Integer.class || el == Long.class ? "whole numbers" : "objects { ... }";
      return "a list of " + of + " [ ... ]";
    }
    if (t instanceof ParameterizedType p && p.getRawType() == Map.class) {
      return "an object of key = value";
    }
    return t.getTypeName();
  }

  /** "; did you mean 'x'?" for a near miss (edit distance <= 2, or same name ignoring case). */
  public static String suggestion(String key, Set<String> known) {
    String best = null;
    int bestD = Integer.MAX_VALUE;
    for (String k : known) {
      int d = k.equalsIgnoreCase(key) ? 0 : distance(k.toLowerCase(), key.toLowerCase());
      if (d < bestD) {
        bestD = d;
        best = k;
      }
    }
    return best != null && bestD <= 2 ? "; did you mean '" + best + "'?" : "";
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
