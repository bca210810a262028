package org.lmforge.dataprep.extract;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * F1 of the extractor on all 990 dev pages, with trafilatura's snippet scoring ({@link
 * SnippetScore}). The whole set takes a few seconds, so no subset is needed. Skipped when the
 * shared data is absent.
 */
class MainTextExtractorDevSetTest {
  @Test
  void f1OnDevSetBeatsReadabilityAndTrafilatura() throws Exception {
    assumeTrue(DevSet.available(), "extraction dev set not found under " + DevSet.dir());
    List<DevSet.Page> pages = DevSet.load();
    MainTextExtractor extractor = new MainTextExtractor();
    SnippetScore all = new SnippetScore(), held = new SnippetScore();
    for (DevSet.Page p : pages) {
      String text = extractor.extract(p.readHtml(), p.url()).text();
      all.add(p, text);
      if (p.heldOut()) held.add(p, text);
    }
    System.out.println("dev set (" + pages.size() + " pages): " + all + "; held-out: " + held);
    assertTrue(pages.size() >= 990, "expected 990 pages, found " + pages.size());
    // measured 0.928 (target 0.92, trafilatura 0.924; Readability4J 0.887): fail on any real
    // regression
    assertTrue(all.f1() >= 0.925, "F1 on the dev set below 0.925: " + all);
    // held-out pages (measured 0.926) were never looked at while tuning; allow for the smaller
    // sample
    assertTrue(held.f1() >= 0.92, "F1 on the held-out fifth below 0.92: " + held);
  }
}
