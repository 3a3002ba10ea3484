package io.quizworks.gradebook;

import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * LibreOffice Calc as a real spreadsheet client: opens CSV files with the import options a user picks for
 * each {@link SpreadsheetFormat} (separator, UTF-8, English or German number recognition; formulas are
 * evaluated, as Calc does by default) and saves them as flat OpenDocument, which is read back here cell by
 * cell: a number cell as a {@link BigDecimal}, a text cell as the text Calc shows, an empty cell as null.
 * Each run uses a profile of its own under {@code /tmp} and a time limit.
 */
final class LibreOffice {
  private static final String TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
  private static final String OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
  private static final String TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
  private static final long TIME_LIMIT_SECONDS = 180;

  private LibreOffice() {}

  /** The {@code soffice} program on the PATH, if LibreOffice is installed. */
  static Optional<Path> program() {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      for (String name : List.of("soffice", "libreoffice")) {
        Path candidate = Path.of(dir, name);
        if (Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  /** A sheet as Calc holds it: rows of cells, and whether any cell became a formula. */
  record Sheet(List<List<Object>> rows, List<String> formulas) {}

  /** The filter options of Calc's text import dialog for files in {@code format}. */
  static String importOptions(SpreadsheetFormat format) {
    // separator, text delimiter ", character set UTF-8, start at row 1, column types (all Standard),
    // language: English (USA) 1033 reads 7.5, German 1031 reads 7,5.
    return (format.delimiter() == ';' ? "59" : "44") + ",34,76,1,," + (format.decimalSeparator() == ',' ? "1031" : "1033");
  }

  /** Opens every file (all in one format) in Calc and reads back what it holds, keyed by file. */
  static List<Sheet> open(List<Path> files, SpreadsheetFormat format, Path workDir) throws Exception {
    Path out = Files.createDirectories(workDir.resolve("calc-" + format.parameter()));
    Path profile = Path.of("/tmp", "lo-profile-" + UUID.randomUUID());
    List<String> command = new ArrayList<>(List.of(program().orElseThrow().toString(),
        "-env:UserInstallation=" + profile.toUri(), "--headless", "--norestore",
        "--infilter=Text - txt - csv (StarCalc):" + importOptions(format), "--convert-to", "fods", "--outdir",
        out.toString()));
    files.forEach(file -> command.add(file.toString()));
    Path log = workDir.resolve("soffice-" + format.parameter() + ".log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      if (!process.waitFor(TIME_LIMIT_SECONDS, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        throw new AssertionError("LibreOffice did not finish within " + TIME_LIMIT_SECONDS + " s: "
            + Files.readString(log));
      }
    } finally {
      deleteQuietly(profile);
    }
    List<Sheet> sheets = new ArrayList<>();
    for (Path file : files) {
      Path converted = out.resolve(file.getFileName().toString().replaceAll("\\.csv$", ".fods"));
      if (!Files.exists(converted)) {
        throw new AssertionError("LibreOffice wrote no " + converted + ": " + Files.readString(log,
            StandardCharsets.UTF_8));
      }
      sheets.add(read(converted));
    }
    return sheets;
  }

  /** The first sheet of a flat OpenDocument spreadsheet. */
  static Sheet read(Path fods) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document document = factory.newDocumentBuilder().parse(fods.toFile());
    Element table = (Element) document.getElementsByTagNameNS(TABLE, "table").item(0);
    List<List<Object>> rows = new ArrayList<>();
    List<String> formulas = new ArrayList<>();
    NodeList rowNodes = table.getElementsByTagNameNS(TABLE, "table-row");
    for (int r = 0; r < rowNodes.getLength(); r++) {
      Element rowElement = (Element) rowNodes.item(r);
      List<Object> row = new ArrayList<>();
      for (Node child = rowElement.getFirstChild(); child != null; child = child.getNextSibling()) {
        if (!(child instanceof Element cell) || !TABLE.equals(cell.getNamespaceURI())
            || !cell.getLocalName().endsWith("table-cell")) {
          continue;
        }
        if (cell.hasAttributeNS(TABLE, "formula")) {
          formulas.add("row " + (rows.size() + 1) + ": " + cell.getAttributeNS(TABLE, "formula"));
        }
        int repeat = cell.hasAttributeNS(TABLE, "number-columns-repeated")
            ? Integer.parseInt(cell.getAttributeNS(TABLE, "number-columns-repeated")) : 1;
        Object value = value(cell);
        for (int i = 0; i < Math.min(repeat, 1024); i++) {
          row.add(value);
        }
      }
      while (!row.isEmpty() && row.get(row.size() - 1) == null) {
        row.remove(row.size() - 1);
      }
      int repeat = rowElement.hasAttributeNS(TABLE, "number-rows-repeated")
          ? Integer.parseInt(rowElement.getAttributeNS(TABLE, "number-rows-repeated")) : 1;
      for (int i = 0; i < Math.min(repeat, 1024); i++) {
        rows.add(row);
      }
    }
    while (!rows.isEmpty() && rows.get(rows.size() - 1).isEmpty()) {
      rows.remove(rows.size() - 1);
    }
    return new Sheet(rows, formulas);
  }

  private static Object value(Element cell) {
    String type = cell.getAttributeNS(OFFICE, "value-type");
    if ("float".equals(type) || "percentage".equals(type) || "currency".equals(type)) {
      return new BigDecimal(cell.getAttributeNS(OFFICE, "value")).stripTrailingZeros();
    }
    if (type.isEmpty()) {
      return null;
    }
    if (!"string".equals(type)) {
      return type + ":" + cell.getTextContent().strip();
    }
    NodeList paragraphs = cell.getElementsByTagNameNS(TEXT, "p");
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < paragraphs.getLength(); i++) {
      lines.add(text(paragraphs.item(i)));
    }
    return String.join("\n", lines);
  }

  /** A paragraph's text with its space, tab and line-break elements spelled out. */
  private static String text(Node node) {
    StringBuilder out = new StringBuilder();
    for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child.getNodeType() == Node.TEXT_NODE) {
        out.append(child.getNodeValue());
      } else if (child instanceof Element element && TEXT.equals(element.getNamespaceURI())) {
        switch (element.getLocalName()) {
          case "s" -> out.append(" ".repeat(element.hasAttributeNS(TEXT, "c")
              ? Integer.parseInt(element.getAttributeNS(TEXT, "c")) : 1));
          case "tab" -> out.append('\t');
          case "line-break" -> out.append('\n');
          default -> out.append(text(element));
        }
      }
    }
    return out.toString();
  }

  private static void deleteQuietly(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // A profile left in /tmp is harmless.
    }
  }
}
