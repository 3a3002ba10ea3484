package io.quizworks.bank;

import io.quizworks.web.Guards;
import io.quizworks.web.Principal;
import io.quizworks.web.Templates;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code GET /banks}: the banks a teacher may use, with their question counts; {@code GET /banks/:slug}: a
 * bank's questions with their keys; {@code GET /banks/:slug/download}: the bank as a CSV file to edit and
 * upload again. Teachers only: keys must never reach a student.
 */
public final class BankPages {
  private final BankRepository banks;
  private final Templates templates;
  private final QuestionCsvWriter writer = new QuestionCsvWriter();

  public BankPages(BankRepository banks, Templates templates) {
    this.banks = banks;
    this.templates = templates;
  }

  public void mount(Router router) {
    router.get("/banks").handler(Guards.teacher()).handler(this::list);
    router.get("/banks/:slug").handler(Guards.teacher()).handler(this::preview);
    router.get("/banks/:slug/download").handler(Guards.teacher()).handler(this::download);
  }

  private void list(RoutingContext ctx) {
    banks.summaries(Principal.required(ctx).id())
        .onSuccess(list -> templates.respond(ctx, "banks", Map.of("banks", list)))
        .onFailure(ctx::fail);
  }

  private void preview(RoutingContext ctx) {
    banks.preview(ctx.pathParam("slug"), Principal.required(ctx).id())
        .onSuccess(found -> {
          if (found.isEmpty()) {
            Guards.denied(ctx, "bank " + ctx.pathParam("slug"));
            return;
          }
          BankPreview bank = found.get();
          Map<String, Object> data = new HashMap<>();
          data.put("bank", bank);
          data.put("questions", bank.questions().stream().map(QuestionView::of).toList());
          BankUploadPages.importNotice(ctx).ifPresent(notice -> data.put("notice", notice));
          templates.respond(ctx, "bank", data);
        })
        .onFailure(ctx::fail);
  }

  private void download(RoutingContext ctx) {
    banks.preview(ctx.pathParam("slug"), Principal.required(ctx).id())
        .onSuccess(found -> {
          if (found.isEmpty()) {
            Guards.denied(ctx, "bank " + ctx.pathParam("slug"));
            return;
          }
          BankPreview bank = found.get();
          // Off the event loop: a bank of thousands of questions makes a file of megabytes.
          ctx.vertx().executeBlocking(() -> writer.write(bank.questions()), false)
              .onSuccess(csv -> ctx.response()
                  .putHeader("Content-Type", "text/csv; charset=utf-8")
                  .putHeader("Content-Disposition", "attachment; filename=\"" + bank.slug() + ".csv\"")
                  .putHeader("Cache-Control", "no-store")
                  .end(Buffer.buffer(csv)))
              .onFailure(ctx::fail);
        })
        .onFailure(ctx::fail);
  }
}
