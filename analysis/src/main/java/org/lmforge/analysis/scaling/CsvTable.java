package org.lmforge.analysis.scaling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small comma-separated table with a header line, as the sweep runner and spreadsheets write it:
 * no embedded commas or newlines; surrounding quotes and blanks are stripped; blank lines are
 * skipped. Errors name the file, the line and the column.
 */
public final class CsvTable {
  private final Path file;
  private final List<String> header;
  private final List<Row> rows;

  /** One data line; {@code line} is its 1-based line number in the file. */
  public record Row(int line, String[] cells) {}

  private CsvTable(Path file, List<String> header, List<Row> rows) {
    this.file = file;
    this.header = header;
    this.rows = rows;
  }

  public static CsvTable read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    int first = 0;
    while (first < lines.size() && lines.get(first).isBlank()) {
      first++;
    }
    if (first == lines.size()) {
      throw new IllegalArgumentException(file + ": empty file, expected a header line");
    }
    // a spreadsheet's "CSV UTF-8" starts with a byte order mark, which would stick to the first
    // name
    String headerLine = lines.get(first);
    if (headerLine.startsWith("\uFEFF")) headerLine = headerLine.substring(1);
    List<String> header = new ArrayList<>();
    for (String h : split(headerLine)) {
      header.add(h.toLowerCase(Locale.ROOT));
    }
    List<Row> rows = new ArrayList<>();
    for (int i = first + 1; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      String[] cells = split(lines.get(i));
      if (cells.length != header.size()) {
        throw new IllegalArgumentException(
            file
                + " line "
                + (i + 1)
                + ": "
                + cells.length
                + " fields, the header has "
                + header.size()
                + " ("
                + String.join(",", header)
                + ")");
      }
      rows.add(new Row(i + 1, cells));
    }
    return new CsvTable(file, List.copyOf(header), List.copyOf(rows));
  }

  public Path file() {
    return file;
  }

  public List<String> header() {
    return header;
  }

  public List<Row> rows() {
    return rows;
  }

  public boolean has(String column) {
    return header.contains(column.toLowerCase(Locale.ROOT));
  }

  /** Index of a required column; the error names the file, the column and the header found. */
  public int column(String name) {
    int i = header.indexOf(name.toLowerCase(Locale.ROOT));
    if (i < 0) {
      String line = String.join(",", header);
      // spreadsheets in many locales separate fields with ';', and TSV exports with tabs
      String hint =
          header.size() == 1 && (line.contains(";") || line.contains("\t"))
              ? "; the header is one field: the file is not comma-separated, save it as CSV with"
                  + " commas"
              : "";
      throw new IllegalArgumentException(
          file + ": missing column '" + name + "' (header: " + line + ")" + hint);
    }
    return i;
  }

  /**
   * The cell as a number: NaN for an empty cell or nan, +-Infinity for inf/infinity (any case);
   * anything else that is not a number is an error naming file, line and column.
   */
  public double number(Row row, int column) {
    String s = row.cells()[column];
    String lower = s.toLowerCase(Locale.ROOT);
    switch (lower) {
      case "", "nan", "-nan" -> {
        return Double.NaN;
      }
      case "inf", "+inf", "infinity", "+infinity" -> {
        return Double.POSITIVE_INFINITY;
      }
      case "-inf", "-infinity" -> {
        return Double.NEGATIVE_INFINITY;
      }
      default -> {
        try {
          return Double.parseDouble(s);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              file
                  + " line "
                  + row.line()
                  + ": column '"
                  + header.get(column)
                  + "' is '"
                  + s
                  + "', not a number");
        }
      }
    }
  }

  public String text(Row row, int column) {
    return row.cells()[column];
  }

  private static String[] split(String line) {
    String[] cells = line.split(",", -1);
    for (int i = 0; i < cells.length; i++) {
      String c = cells[i].strip();
      if (c.length() >= 2 && c.startsWith("\"") && c.endsWith("\"")) {
        c = c.substring(1, c.length() - 1).strip();
      }
      cells[i] = c;
    }
    return cells;
  }
}
