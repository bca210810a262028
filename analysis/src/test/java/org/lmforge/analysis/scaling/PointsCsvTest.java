package org.lmforge.analysis.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Points tables as papers and their data files write them: a note above the header, quoted names
 * holding commas, the paper's column names and counts such as 70B and 1.4T.
 */
class PointsCsvTest {
  @TempDir Path dir;

  @Test
  void aTableWrittenAsPapersWriteItReadsAsThePlainOne() throws IOException {
    Path paper =
        write(
            "paper.csv",
            """
            # sizes as the paper's table gives them
            Model,Model Size,Training Tokens,Loss
            "Gopher, small",400M,8B,3.40
            "a ""quoted"" name",1B,20b,3.00
            grouped,"1,000,000,000",40_000_000_000,2.90
            large,70B,1.4T,2.20
            tiny,8k,2.5e6,6.1
            small,0.3B,0.7t,4.2
            """);
    Path plain =
        write(
            "plain.csv",
            """
            params,tokens,loss
            400000000,8000000000,3.40
            1000000000,20000000000,3.00
            1000000000,40000000000,2.90
            70000000000,1400000000000,2.20
            8000,2500000,6.1
            300000000,700000000000,4.2
            """);
    List<ScalingPoint> expected = PointsCsv.read(plain).points();
    assertEquals(6, expected.size());
    assertEquals(expected, PointsCsv.read(paper).points());
    // Kaplan's and Chinchilla's own letters
    assertEquals(
        expected,
        PointsCsv.read(
                write("nd.csv", Files.readString(plain).replace("params,tokens,loss", "N,D,L")))
            .points());
  }

  @Test
  void aQuoteLeftOpenNamesItsLine() throws IOException {
    Path in = write("open.csv", "params,tokens,loss\n1e6,1e8,4\n\"1e7,1e9,3.5\n");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PointsCsv.read(in));
    assertTrue(e.getMessage().contains("line 3: a quote opened and not closed"), e.getMessage());
  }

  @Test
  void aSuffixThatIsNoScaleIsNotANumber() throws IOException {
    Path in = write("x.csv", "params,tokens,loss\n70X,1e9,3.5\n");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PointsCsv.read(in));
    assertTrue(
        e.getMessage().contains("line 2: column 'params' is '70X', not a number"), e.getMessage());
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }
}
