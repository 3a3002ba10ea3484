package io.quizworks.bank;

import io.quizworks.web.Forms;
import io.quizworks.web.Guards;
import io.quizworks.web.Principal;
import io.quizworks.web.Templates;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A teacher's bank upload: {@code GET /banks/upload} the form; {@code POST /banks/upload} checks the whole
 * file and keeps it pending; {@code GET /banks/upload/:id} previews it with its keys; {@code POST
 * /banks/upload/:id/confirm} imports it. No bank is written before the confirmation.
 */
public final class BankUploadPages {
  private static final int MAX_TITLE_LENGTH = 100;
  private static final String[] NOTICE_COUNTS = {"added", "updated", "unchanged", "retired"};

  private final BankUploads uploads;
  private final BankRepository banks;
  private final Templates templates;
  private final long maxUploadBytes;

  public BankUploadPages(BankUploads uploads, BankRepository banks, Templates templates, long maxUploadBytes) {
    this.uploads = uploads;
    this.banks = banks;
    this.templates = templates;
    this.maxUploadBytes = maxUploadBytes;
  }

  /** Mount before {@link BankPages}: {@code /banks/upload} would otherwise be taken for a bank's address. */
  public void mount(Router router) {
    router.get("/banks/upload").handler(Guards.teacher())
        .handler(ctx -> form(ctx, 200, Map.of("title", "", "bank", ""), Map.of(), List.of()));
    router.post("/banks/upload").handler(Guards.teacher()).handler(this::upload);
    router.get("/banks/upload/:id").handler(Guards.teacher()).handler(this::preview);
    router.post("/banks/upload/:id/confirm").handler(Guards.teacher()).handler(this::confirm);
  }

  private void upload(RoutingContext ctx) {
    long teacherId = Principal.required(ctx).id();
    String title = Forms.field(ctx, "title");
    String bank = Forms.field(ctx, "bank");
    Optional<FileUpload> file = ctx.fileUploads().stream().filter(upload -> upload.name().equals("file")).findFirst();
    Future<byte[]> read = file.isEmpty()
        ? Future.succeededFuture(new byte[0])
        : ctx.vertx().fileSystem().readFile(file.get().uploadedFileName()).map(Buffer::getBytes);
    Future<Optional<BankUploads.BankRef>> target = bank.isEmpty()
        ? Future.succeededFuture(Optional.empty())
        : uploads.ownBank(bank, teacherId);
    Future.all(read, target).onSuccess(both -> {
      Map<String, Object> form = Map.of("title", title, "bank", bank);
      // Replacing a bank keeps its title unless the teacher typed a new one.
      String bankTitle = title.isEmpty() ? target.result().map(BankUploads.BankRef::title).orElse("") : title;
      Map<String, String> errors = fieldErrors(bankTitle, !bank.isEmpty() && target.result().isEmpty(),
          file.map(FileUpload::fileName).orElse(""), read.result());
      if (!errors.isEmpty()) {
        form(ctx, 400, form, errors, List.of());
        return;
      }
      uploads.parse(read.result())
          .onSuccess(parsed -> {
            if (!parsed.isValid()) {
              form(ctx, 400, form, Map.of(), parsed.errors());
              return;
            }
            uploads.store(teacherId, bankTitle, target.result(), read.result())
                .onSuccess(id -> Forms.seeOther(ctx, "/banks/upload/" + id))
                .onFailure(ctx::fail);
          })
          .onFailure(ctx::fail);
    }).onFailure(ctx::fail);
  }

  /** The form's own mistakes, by field, before the file is read as a bank. */
  private static Map<String, String> fieldErrors(String title, boolean notOwnBank, String fileName, byte[] csv) {
    Map<String, String> errors = new LinkedHashMap<>();
    if (title.isEmpty() || title.length() > MAX_TITLE_LENGTH) {
      errors.put("title", "Enter a title for the bank, up to " + MAX_TITLE_LENGTH + " characters.");
    }
    if (notOwnBank) {
      errors.put("bank", "Choose one of your own banks, or a new bank.");
    }
    UploadedFile.problem(fileName, csv).ifPresent(problem -> errors.put("file", problem));
    return errors;
  }

  private void preview(RoutingContext ctx) {
    Optional<Long> id = uploadId(ctx);
    if (id.isEmpty()) {
      Guards.denied(ctx, "upload " + ctx.pathParam("id"));
      return;
    }
    uploads.pending(id.get(), Principal.required(ctx).id())
        .onSuccess(found -> {
          if (found.isEmpty()) {
            Guards.denied(ctx, "upload " + id.get());
            return;
          }
          BankUploads.Pending upload = found.get();
          if (!upload.parsed().isValid()) {
            form(ctx, 400, Map.of("title", upload.title(), "bank", ""), Map.of(), upload.parsed().errors());
            return;
          }
          List<Question> questions = upload.parsed().questions();
          Map<String, Object> data = new HashMap<>();
          data.put("id", upload.id());
          data.put("title", upload.title());
          upload.target().ifPresent(target -> data.put("target", target));
          data.put("byType", BankSummary.Count.byType(questions));
          data.put("byTopic", BankSummary.Count.byTopic(questions));
          data.put("questions", questions.stream().map(QuestionView::of).toList());
          templates.respond(ctx, "bank-upload-preview", data);
        })
        .onFailure(ctx::fail);
  }

  private void confirm(RoutingContext ctx) {
    Optional<Long> id = uploadId(ctx);
    if (id.isEmpty()) {
      Guards.denied(ctx, "upload " + ctx.pathParam("id"));
      return;
    }
    uploads.confirm(id.get(), Principal.required(ctx).id())
        .onSuccess(result -> {
          if (result.isEmpty()) {
            Guards.denied(ctx, "upload " + id.get());
            return;
          }
          if (!result.get().isImported()) {
            form(ctx, 400, Map.of("title", "", "bank", ""), Map.of(), result.get().errors());
            return;
          }
          ImportSummary summary = result.get().summary().orElseThrow();
          Forms.seeOther(ctx, "/banks/" + summary.bankSlug() + "?added=" + summary.added() + "&updated="
              + summary.updated() + "&unchanged=" + summary.unchanged() + "&retired=" + summary.retired());
        })
        .onFailure(ctx::fail);
  }

  /**
   * What the import changed, read back from the bank page's address: nodes keep no state between the
   * confirmation and the page it redirects to. Empty on any other visit.
   */
  static Optional<String> importNotice(RoutingContext ctx) {
    long[] counts = new long[NOTICE_COUNTS.length];
    for (int i = 0; i < counts.length; i++) {
      String value = ctx.request().getParam(NOTICE_COUNTS[i]);
      if (value == null || !value.matches("[0-9]{1,9}")) {
        return Optional.empty();
      }
      counts[i] = Long.parseLong(value);
    }
    return Optional.of("Imported: " + counts[0] + " added, " + counts[1] + " changed, " + counts[2] + " unchanged, "
        + counts[3] + " retired.");
  }

  private void form(RoutingContext ctx, int status, Map<String, Object> form, Map<String, String> errors,
      List<RowError> problems) {
    banks.summaries(Principal.required(ctx).id())
        .onSuccess(list -> templates.respond(ctx, status, "bank-upload", Map.of(
            "form", form,
            "errors", errors,
            "problems", problems,
            "ownBanks", list.stream().filter(BankSummary::own).toList(),
            "maxSize", maxUploadBytes / (1024 * 1024) + " MiB")))
        .onFailure(ctx::fail);
  }

  private static Optional<Long> uploadId(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    return id.matches("[0-9]{1,18}") ? Optional.of(Long.parseLong(id)) : Optional.empty();
  }
}
