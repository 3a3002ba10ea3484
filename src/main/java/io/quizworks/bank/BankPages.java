package io.quizworks.bank;

import io.quizworks.web.Guards;
import io.quizworks.web.Principal;
import io.quizworks.web.Templates;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/**
 * {@code GET /banks}: the banks a teacher may use, with their question counts; {@code GET /banks/:slug}: a
 * bank's questions with their keys. Teachers only: keys must never reach a student.
 */
public final class BankPages {
  private final BankRepository banks;
  private final Templates templates;

  public BankPages(BankRepository banks, Templates templates) {
    this.banks = banks;
    this.templates = templates;
  }

  public void mount(Router router) {
    router.get("/banks").handler(Guards.teacher()).handler(this::list);
    router.get("/banks/:slug").handler(Guards.teacher()).handler(this::preview);
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
          templates.respond(ctx, "bank", Map.of(
              "bank", bank,
              "questions", bank.questions().stream().map(QuestionView::of).toList()));
        })
        .onFailure(ctx::fail);
  }
}
