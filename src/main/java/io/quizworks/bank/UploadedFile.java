package io.quizworks.bank;

import java.util.Locale;
import java.util.Optional;

/**
 * Checks the file a teacher chose before it is read as a bank, so a wrong file gets a message about the
 * file rather than a table of row errors.
 */
final class UploadedFile {
  private UploadedFile() {}

  /** What is wrong with the file, in a teacher's words; empty when it may be read as a bank. */
  static Optional<String> problem(String fileName, byte[] bytes) {
    if (fileName.isBlank()) {
      return Optional.of("Choose the CSV file of your bank.");
    }
    if (!fileName.toLowerCase(Locale.ROOT).endsWith(".csv")) {
      return Optional.of("“" + fileName + "” is not a CSV file. In your spreadsheet program choose Save As, "
          + "CSV UTF-8, and upload that file.");
    }
    if (bytes.length == 0) {
      return Optional.of("“" + fileName + "” is empty. Choose the file that holds your questions.");
    }
    if (isBinary(bytes)) {
      return Optional.of("“" + fileName + "” is not a text file: it may be a workbook or a picture renamed to "
          + ".csv. In your spreadsheet program choose Save As, CSV UTF-8, and upload that file.");
    }
    return Optional.empty();
  }

  /**
   * Text never holds control characters other than tab, line ends and form feed, whatever its encoding;
   * a workbook, a PDF or an image holds many. Windows-1252 text passes here and is refused by
   * the reader with its own message.
   */
  private static boolean isBinary(byte[] bytes) {
    for (byte b : bytes) {
      if (b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
        return true;
      }
    }
    return false;
  }
}
