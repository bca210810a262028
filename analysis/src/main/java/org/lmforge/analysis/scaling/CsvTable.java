package org.lmforge.analysis.scaling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A small comma-separated table with a header line, as the sweep runner, spreadsheets and papers'
 * data files write it: quoted cells may hold commas and doubled quotes (RFC 4180, but no newline
 * inside a cell); blanks around cells are stripped; blank lines and lines starting with {@code #}
 * (a source or a note above the table) are skipped. Errors name the file, the line and the column.
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
    while (first < lines.size() && skipped(lines.get(first))) {
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
    for (String h : split(file, first + 1, headerLine)) {
      header.add(h.toLowerCase(Locale.ROOT));
    }
    List<Row> rows = new ArrayList<>();
    for (int i = first + 1; i < lines.size(); i++) {
      if (skipped(lines.get(i))) {
        continue;
      }
      String[] cells = split(file, i + 1, lines.get(i));
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
    return column(name, List.of());
  }

  /**
   * Index of a required column, or else of the first of {@code aliases} the header has (the names
   * other tables give it: N for params); the error names them all.
   */
  public int column(String name, List<String> aliases) {
    int i = header.indexOf(name.toLowerCase(Locale.ROOT));
    for (int a = 0; i < 0 && a < aliases.size(); a++) {
      i = header.indexOf(aliases.get(a).toLowerCase(Locale.ROOT));
    }
    if (i < 0) {
      String line = String.join(",", header);
      // spreadsheets in many locales separate fields with ';', and TSV exports with tabs
      String hint =
          header.size() == 1 && (line.contains(";") || line.contains("\t"))
              ? "; the header is one field: the file is not comma-separated, save it as CSV with"
                  + " commas"
              : "";
      String also = aliases.isEmpty() ? "" : " or " + String.join(", ", aliases);
      throw new IllegalArgumentException(
          file + ": missing column '" + name + "'" + also + " (header: " + line + ")" + hint);
    }
    return i;
  }

  /**
   * The cell as a number: NaN for an empty cell or nan, +-Infinity for inf/infinity (any case); a
   * count as papers write it is read too: {@code 70B}, {@code 1.4T}, {@code 400M}, {@code 8k} (k,
   * M, B or G, T: 1e3 to 1e12, any case), digits grouped with {@code _} or, in a quoted cell, with
   * commas ({@code "1,400,000"}); anything else that is not a number is an error naming file, line
   * and column.
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
          return parseCount(lower);
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

  private static boolean skipped(String line) {
    return line.isBlank() || line.stripLeading().startsWith("#");
  }

  /** A number with an optional scale suffix and digit grouping, lower-cased. */
  private static double parseCount(String lower) {
    String s = GROUPED.matcher(lower).matches() ? lower.replace(",", "").replace("_", "") : lower;
    int suffix = s.isEmpty() ? -1 : "kmbgt".indexOf(s.charAt(s.length() - 1));
    if (suffix < 0) return Double.parseDouble(s);
    // as written with the exponent (0.3B is 0.3e9), so that it reads as the plain number does
    String mantissa = s.substring(0, s.length() - 1);
    if (mantissa.contains("e")) throw new NumberFormatException(s);
    return Double.parseDouble(mantissa + "e" + EXPONENTS[suffix]);
  }

  /** Digits grouped by three with commas ({@code 1,400,000}) or by underscores ({@code 1_000}). */
  private static final Pattern GROUPED =
      Pattern.compile("[+-]?(\\d{1,3}(,\\d{3})+|\\d+(_\\d+)+)(\\.\\d+)?[kmbgt]?");

  private static final int[] EXPONENTS = {3, 6, 9, 9, 12};

  /**
   * The cells of one line: split at commas outside double quotes; a quoted cell loses its quotes
   * and reads {@code ""} as one quote. An unclosed quote is an error naming the line.
   */
  private static String[] split(Path file, int lineNumber, String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted) {
        if (ch != '"') {
          cell.append(ch);
        } else if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else {
          quoted = false;
        }
      } else if (ch == '"' && cell.toString().isBlank()) {
        quoted = true;
        cell.setLength(0);
      } else if (ch == ',') {
        cells.add(cell.toString().strip());
        cell.setLength(0);
      } else {
        cell.append(ch);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException(
          file + " line " + lineNumber + ": a quote opened and not closed; close it with \"");
    }
    cells.add(cell.toString().strip());
    return cells.toArray(String[]::new);
  }
}
