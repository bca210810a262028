package org.lmforge.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Whole numbers from HOCON: Typesafe Config's getInt and getLong truncate a fraction (16.7 read as
 * 16), so the binder refuses one wherever a record asks for a count, alone, in a list or as a map
 * value, and takes 16.0 as 16.
 */
class ConfigBinderTest {
  record Counts(int batch, long steps, List<Integer> layers, Map<String, Long> caps) {}

  static Counts bind(String hocon) {
    return ConfigBinder.bind(ConfigFactory.parseString(hocon), "t", Counts.class);
  }

  @Test
  void wholeNumbersBindAndAWrittenOutPointZeroIsWhole() {
    Counts c = bind("t { batch = 16.0, steps = 3000000000, layers = [2, 4.0], caps { a = 7 } }");
    assertEquals(new Counts(16, 3_000_000_000L, List.of(2, 4), Map.of("a", 7L)), c);
  }

  @Test
  void aFractionWhereACountIsAskedForIsTheWrongType() {
    String ok = "steps = 1, layers = [2], caps { a = 7 }";
    assertRefused("t { batch = 16.7, " + ok + " }", "'t.batch'", "16.7");
    assertRefused("t { batch = 1, steps = 0.5, layers = [2], caps { a = 7 } }", "'t.steps'", "0.5");
    assertRefused("t { batch = 1, steps = 1, layers = [2, 2.5], caps { a = 7 } }", "'t.layers'");
    assertRefused("t { batch = 1, steps = 1, layers = [2], caps { a = 7.25 } }", "'t.caps'");
  }

  @Test
  void aNeighbourKeyWrittenInsideASettingOfOneValueIsNamed() {
    String ok = "batch = 1, layers = [2], caps { a = 7 }";
    ConfigBinder.BadConfigException e =
        assertThrows(
            ConfigBinder.BadConfigException.class,
            () -> bind("t { " + ok + ", steps { batch = 4 } }"));
    assertTrue(
        e.getMessage()
            .contains(
                "'t.steps' is a whole number, not an object: batch is a key of 't' itself; write"
                    + " t.batch = VALUE, not t.steps.batch"),
        e.getMessage());
    // an object of other keys is the wrong type, as before
    assertRefused("t { " + ok + ", steps { many = 4 } }", "'t.steps'", "got object");
  }

  private static void assertRefused(String hocon, String... parts) {
    ConfigBinder.BadConfigException e =
        assertThrows(ConfigBinder.BadConfigException.class, () -> bind(hocon));
    assertTrue(e.getMessage().contains("has the wrong type: expected"), e.getMessage());
    for (String p : parts) assertTrue(e.getMessage().contains(p), e.getMessage());
  }
}
