package org.lmforge.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.lmforge.dataprep.SharedData;

/**
 * The README's module map against the code, so that a newcomer who follows it finds what it names:
 * every package it lists exists and every package of a module is listed; every package says what it
 * holds (package-info.java); a stage's package that has the same name in two modules names its
 * twin.
 */
class ModuleMapTest {
  private static final Path ROOT = SharedData.checkout();

  /** The modules whose packages are org.lmforge.MODULE.STAGE, one per stage. */
  private static final List<String> STAGE_MODULES =
      List.of("dataprep", "model", "analysis", "pipeline", "bench");

  /** The modules whose packages can be twins (bench holds benchmarks of them, not twins). */
  private static final List<String> TWIN_MODULES =
      List.of("dataprep", "model", "analysis", "pipeline");

  @Test
  void everyPackageTheMapNamesExistsAndEveryPackageIsNamed() throws IOException {
    Map<String, Set<String>> map = moduleMap();
    assertEquals(
        Set.of("config", "dataprep", "model", "analysis", "pipeline", "jobs", "conf", "bench"),
        map.keySet(),
        "the map's modules");
    for (String module : STAGE_MODULES) {
      assertEquals(
          stagePackages(module),
          map.get(module),
          "README module map, row "
              + module
              + "/: its packages vs the directories under "
              + module);
    }
    // config and jobs are one package each: the map names their main classes
    for (String module : List.of("config", "jobs")) {
      for (String cls : map.get(module)) {
        assertTrue(
            Files.isRegularFile(packageDir(module).resolve(cls + ".java")),
            "README module map names " + cls + " in " + module + "/, which has no such class");
      }
    }
    Set<String> confFiles;
    try (Stream<Path> s = Files.list(ROOT.resolve("conf"))) {
      confFiles =
          s.map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".conf"))
              .map(n -> n.substring(0, n.length() - ".conf".length()))
              .collect(Collectors.toCollection(TreeSet::new));
    }
    assertEquals(confFiles, map.get("conf"), "README module map, row conf/ vs conf/*.conf");
  }

  @Test
  void everyPackageSaysWhatItHolds() throws IOException {
    List<String> without = new ArrayList<>();
    for (String module : Set.copyOf(moduleMap().keySet())) {
      Path src = ROOT.resolve(module).resolve("src/main/java");
      if (!Files.isDirectory(src)) continue; // conf/
      try (Stream<Path> dirs = Files.walk(src)) {
        for (Path dir : dirs.filter(Files::isDirectory).toList()) {
          if (holdsJava(dir) && !Files.isRegularFile(dir.resolve("package-info.java"))) {
            without.add(ROOT.relativize(dir).toString());
          }
        }
      }
    }
    assertTrue(without.isEmpty(), "packages without a package-info.java: " + without);
  }

  @Test
  void aStageNamedInTwoModulesPointsToItsTwin() throws IOException {
    Map<String, List<String>> modulesByStage = new TreeMap<>();
    for (String module : TWIN_MODULES) {
      for (String stage : stagePackages(module)) {
        modulesByStage.computeIfAbsent(stage, k -> new ArrayList<>()).add(module);
      }
    }
    List<String> missing = new ArrayList<>();
    modulesByStage.forEach(
        (stage, modules) -> {
          for (String m : modules) {
            String info = packageInfo(m, stage);
            for (String other : modules) {
              String twin = "org.lmforge." + other + "." + stage;
              if (!other.equals(m) && !info.contains(twin)) {
                missing.add("org.lmforge." + m + "." + stage + " does not name " + twin);
              }
            }
          }
        });
    assertFalse(modulesByStage.values().stream().allMatch(l -> l.size() < 2), "no twins found");
    assertTrue(missing.isEmpty(), String.join("\n", missing));
  }

  /**
   * The README's module table: module → the names its "packages" column gives outside parentheses
   * (the parenthesised text describes them).
   */
  static Map<String, Set<String>> moduleMap() throws IOException {
    List<String> lines = Files.readAllLines(ROOT.resolve("README.md"));
    int header = lines.indexOf("| module | holds | packages |");
    assertTrue(header > 0, "README.md has no module map table");
    Map<String, Set<String>> map = new LinkedHashMap<>();
    Pattern identifier = Pattern.compile("[A-Za-z][A-Za-z0-9]*");
    for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
      String[] cols = lines.get(i).split("\\|");
      String module = cols[1].trim().replaceAll("[`/]", "");
      Set<String> names = new TreeSet<>();
      for (String name : topLevelCode(cols[3])) {
        if (identifier.matcher(name).matches()) names.add(name);
      }
      map.put(module, names);
    }
    return map;
  }

  /** The `code` spans of a table cell that stand outside parentheses. */
  private static List<String> topLevelCode(String cell) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    Matcher m = Pattern.compile("`([^`]*)`|[()]").matcher(cell);
    while (m.find()) {
      switch (m.group()) {
        case "(" -> depth++;
        case ")" -> depth--;
        default -> {
          if (depth == 0) out.add(m.group(1));
        }
      }
    }
    return out;
  }

  private static Path packageDir(String module) {
    return ROOT.resolve(module).resolve("src/main/java/org/lmforge").resolve(module);
  }

  /** The sub-packages of org.lmforge.MODULE that hold code. */
  private static Set<String> stagePackages(String module) throws IOException {
    try (Stream<Path> s = Files.list(packageDir(module))) {
      return s.filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  private static boolean holdsJava(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.anyMatch(p -> p.toString().endsWith(".java"));
    }
  }

  private static String packageInfo(String module, String stage) {
    try {
      return Files.readString(packageDir(module).resolve(stage).resolve("package-info.java"));
    } catch (IOException e) {
      throw new AssertionError("org.lmforge." + module + "." + stage + " has no package-info", e);
    }
  }
}
