package org.lmforge.pipeline.tokenize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * conf/tokenize.conf binds to {@link TokenizeConfig} by component name (as the jobs CLI does): the
 * keys are exactly the components, and the values make a valid config equal to {@link
 * TokenizeConfig#defaults}.
 */
class TokenizeConfigTest {

  @Test
  void confKeysAreTheRecordComponentsAndValuesAreTheDefaults() throws Exception {
    Path conf = Path.of(System.getProperty("project.root", "."), "conf", "tokenize.conf");
    assertTrue(conf.toFile().isFile(), conf + " exists");
    Config c = ConfigFactory.parseFile(conf.toFile()).resolve().getConfig("tokenize");
    TokenizeConfig bound = (TokenizeConfig) bind(c, TokenizeConfig.class);
    assertEquals(TokenizeConfig.defaults(List.of("work/clean/docs"), "work/tokens"), bound);
    assertEquals(bound, bound.validate());
  }

  /** A minimal by-name binder: every component must be a key and every key a component. */
  private static Object bind(Config c, Class<?> type) throws Exception {
    RecordComponent[] comps = type.getRecordComponents();
    Set<String> names = new TreeSet<>();
    for (RecordComponent rc : comps) names.add(rc.getName());
    assertEquals(names, new TreeSet<>(c.root().keySet()), "keys of " + type.getSimpleName());
    List<Object> args = new ArrayList<>();
    for (RecordComponent rc : comps) {
      Class<?> t = rc.getType();
      String k = rc.getName();
      args.add(
          t == int.class
              ? c.getInt(k)
              : t == long.class
                  ? c.getLong(k)
                  : t == double.class
                      ? c.getDouble(k)
                      : t == boolean.class
                          ? c.getBoolean(k)
                          : t == String.class
                              ? c.getString(k)
                              : t == List.class ? c.getStringList(k) : bind(c.getConfig(k), t));
    }
    Class<?>[] types = Arrays.stream(comps).map(RecordComponent::getType).toArray(Class<?>[]::new);
    return type.getDeclaredConstructor(types).newInstance(args.toArray());
  }
}
