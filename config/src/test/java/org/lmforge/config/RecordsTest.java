package org.lmforge.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecordsTest {
  record Run(String output, boolean overwrite, int steps, List<String> inputs) {
    Run {
      if (steps < 1) throw new IllegalArgumentException("steps=" + steps + " must be >= 1");
    }
  }

  static final Run RUN = new Run("out", false, 10, List.of("a"));

  @Test
  void replacesTheNamedComponentsAndKeepsTheRest() {
    assertEquals(
        new Run("elsewhere", true, 10, List.of("a")),
        Records.with(RUN, "output", "elsewhere", "overwrite", true));
    assertEquals(new Run("out", false, 3, List.of("a")), Records.with(RUN, "steps", 3));
    assertEquals(RUN, Records.with(RUN));
  }

  @Test
  void theCopyIsValidatedByTheConstructor() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Records.with(RUN, "steps", 0));
    assertEquals("steps=0 must be >= 1", e.getMessage());
  }

  @Test
  void anUnknownNameOrAWrongTypeIsRefused() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Records.with(RUN, "step", 3));
    assertTrue(e.getMessage().contains("Run has no component 'step'"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Records.with(RUN, "steps", "three"));
    assertThrows(IllegalArgumentException.class, () -> Records.with(RUN, "steps"));
  }
}
