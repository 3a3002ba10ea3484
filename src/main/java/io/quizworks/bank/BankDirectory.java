package io.quizworks.bank;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.file.FileSystem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads every {@code *.csv} in the questions folder at start-up, one bank per file. A file with errors is
 * reported and skipped: the bank keeps what it had, and the other banks still load.
 */
public final class BankDirectory {
  private static final Logger LOG = LoggerFactory.getLogger(BankDirectory.class);
  private static final Set<String> SMALL_WORDS = Set.of("a", "an", "and", "for", "in", "of", "on", "or", "the", "to");
  private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]*");

  private final Vertx vertx;
  private final BankImporter importer;

  public BankDirectory(Vertx vertx, BankImporter importer) {
    this.vertx = vertx;
    this.importer = importer;
  }

  /** Imports the banks one after another, so their log lines and transactions stay in file order. */
  public Future<List<ImportSummary>> loadAll(Path directory) {
    FileSystem fs = vertx.fileSystem();
    String folder = directory.toAbsolutePath().toString();
    return fs.exists(folder)
        .compose(exists -> exists ? fs.readDir(folder, ".*\\.csv") : Future.succeededFuture(List.<String>of()))
        .compose(files -> {
          if (files.isEmpty()) {
            LOG.warn("No question banks found in {}", folder);
          }
          List<String> sorted = files.stream().sorted().toList();
          Future<List<ImportSummary>> chain = Future.succeededFuture(new ArrayList<>());
          for (String file : sorted) {
            chain = chain.compose(done -> load(Path.of(file)).map(summary -> {
              if (summary != null) {
                done.add(summary);
              }
              return done;
            }));
          }
          return chain;
        });
  }

  private Future<ImportSummary> load(Path file) {
    String slug = slugOf(file);
    if (!SLUG.matcher(slug).matches()) {
      LOG.error("Skipping {}: a bank file name may hold only a-z, 0-9 and '-' (before .csv)", file);
      return Future.succeededFuture();
    }
    if (BankSlug.RESERVED.contains(slug)) {
      LOG.error("Skipping {}: /banks/{} is a page, so no bank may be called {}", file, slug, slug);
      return Future.succeededFuture();
    }
    return vertx.fileSystem().readFile(file.toString())
        .compose(buffer -> importer.importCsv(slug, titleOf(slug), null, buffer.getBytes()))
        .map(result -> {
          if (!result.isImported()) {
            LOG.error("Skipping {}: {} problem(s), nothing imported:\n  {}", file.getFileName(), result.errors().size(),
                result.errors().stream().map(RowError::message).collect(Collectors.joining("\n  ")));
            return null;
          }
          ImportSummary summary = result.summary().orElseThrow();
          LOG.info("Bank {}: {} added, {} updated, {} unchanged, {} retired", slug, summary.added(),
              summary.updated(), summary.unchanged(), summary.retired());
          return summary;
        })
        .recover(failure -> {
          if (failure instanceof BankImporter.SlugTaken) {
            // A teacher's upload got this name first: a shared file must never take their bank over.
            LOG.error("Skipping {}: a teacher's bank is called {}; rename the file", file.getFileName(), slug);
            return Future.succeededFuture();
          }
          return Future.failedFuture(failure);
        });
  }

  static String slugOf(Path file) {
    String name = file.getFileName().toString();
    return name.substring(0, name.length() - ".csv".length());
  }

  /** "manufacturing-innovation-and-economy" reads as "Manufacturing Innovation and Economy". */
  static String titleOf(String slug) {
    String[] words = Arrays.stream(slug.split("-")).filter(word -> !word.isEmpty()).toArray(String[]::new);
    for (int i = 0; i < words.length; i++) {
      if (i == 0 || !SMALL_WORDS.contains(words[i])) {
        words[i] = words[i].substring(0, 1).toUpperCase(Locale.ROOT) + words[i].substring(1);
      }
    }
    return String.join(" ", words);
  }
}
