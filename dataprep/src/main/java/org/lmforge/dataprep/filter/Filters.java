package org.lmforge.dataprep.filter;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.lmforge.dataprep.filter.consent.OptOutFilter;
import org.lmforge.dataprep.filter.pii.PiiFilter;
import org.lmforge.dataprep.filter.quality.C4QualityFilter;
import org.lmforge.dataprep.filter.quality.FineWebQualityFilter;
import org.lmforge.dataprep.filter.quality.GopherQualityFilter;
import org.lmforge.dataprep.filter.quality.GopherRepetitionFilter;
import org.lmforge.dataprep.filter.quality.QualityClassifierFilter;
import org.lmforge.dataprep.filter.safety.BadWordsFilter;
import org.lmforge.dataprep.filter.safety.UrlBlocklistFilter;

/**
 * The filter registry: validates a {@link FiltersConfig} and builds the {@link FilterChain}. Errors
 * name the config key and how to fix it.
 */
public final class Filters {
  private Filters() {}

  /** Every filter name {@code filters.enabled} may list. */
  public static final List<String> ALL =
      List.of(
          UrlBlocklistFilter.NAME,
          OptOutFilter.NAME,
          BadWordsFilter.NAME,
          GopherRepetitionFilter.NAME,
          GopherQualityFilter.NAME,
          C4QualityFilter.NAME,
          FineWebQualityFilter.NAME,
          QualityClassifierFilter.NAME,
          PiiFilter.NAME);

  /** Builds the chain in {@code cfg.enabled()} order; loads lists and models (once per JVM). */
  public static FilterChain chain(FiltersConfig cfg) {
    validate(cfg);
    List<DocFilter> filters = new ArrayList<>();
    for (String name : cfg.enabled()) filters.add(create(name, cfg));
    return new FilterChain(filters);
  }

  public static DocFilter create(String name, FiltersConfig cfg) {
    return switch (name) {
      case UrlBlocklistFilter.NAME -> new UrlBlocklistFilter(cfg.urlBlocklist());
      case OptOutFilter.NAME -> new OptOutFilter(cfg.optOut());
      case GopherRepetitionFilter.NAME -> new GopherRepetitionFilter(cfg.gopherRepetition());
      case GopherQualityFilter.NAME -> new GopherQualityFilter(cfg.gopherQuality());
      case C4QualityFilter.NAME -> new C4QualityFilter(cfg.c4());
      case FineWebQualityFilter.NAME -> new FineWebQualityFilter(cfg.fineweb());
      case BadWordsFilter.NAME -> new BadWordsFilter(cfg.lexicalSafety());
      case QualityClassifierFilter.NAME -> new QualityClassifierFilter(cfg.qualityClassifier());
      case PiiFilter.NAME -> new PiiFilter(cfg.pii());
      default -> throw unknown(name);
    };
  }

  /**
   * Fails fast on: an unknown or repeated name in {@code filters.enabled}, a missing family record,
   * a null list or string, and thresholds out of range (fractions above 1). Paths are checked when
   * the chain is built.
   */
  public static void validate(FiltersConfig cfg) {
    if (cfg == null) throw new IllegalArgumentException("filters: missing config block");
    if (cfg.enabled() == null)
      throw new IllegalArgumentException("clean.filters.enabled: missing (list of filter names)");
    Set<String> seen = new HashSet<>();
    for (String name : cfg.enabled()) {
      if (!ALL.contains(name)) throw unknown(name);
      if (!seen.add(name))
        throw new IllegalArgumentException("clean.filters.enabled: '" + name + "' is listed twice");
    }
    for (RecordComponent c : FiltersConfig.class.getRecordComponents()) {
      Object family = get(c, cfg);
      String key = "clean.filters." + c.getName();
      if (family == null) throw new IllegalArgumentException(key + ": missing");
      if (family instanceof Record r) checkFamily(key, r);
    }
  }

  private static void checkFamily(String key, Record r) {
    for (RecordComponent c : r.getClass().getRecordComponents()) {
      Object v = get(c, r);
      String k = key + "." + c.getName();
      if (v == null)
        throw new IllegalArgumentException(k + ": missing (give a value or remove the key)");
      if (v instanceof Double d) {
        if (d.isNaN()) throw new IllegalArgumentException(k + ": NaN");
        String n = c.getName();
        boolean fraction = n.endsWith("Frac") || n.endsWith("Ratio") && !n.startsWith("maxSymbol");
        if (fraction && d > 1) {
          throw new IllegalArgumentException(
              k + " = " + d + ": a fraction must be at most 1 (use -1 to disable)");
        }
      }
    }
  }

  private static Object get(RecordComponent c, Object o) {
    try {
      return c.getAccessor().invoke(o);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static IllegalArgumentException unknown(String name) {
    if (name.equals("badwords")) {
      return new IllegalArgumentException(
          "clean.filters.enabled: 'badwords' is now called 'lexical_safety' (a lexical "
              + "safety signal, settings under clean.filters.lexicalSafety); rename it");
    }
    return new IllegalArgumentException(
        "clean.filters.enabled: unknown filter '" + name + "'; known filters: " + ALL);
  }
}
