package io.quizworks.bank;

import io.quizworks.web.Templates;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/**
 * {@code GET /}: the banks with their question counts; {@code GET /banks/:slug}: a bank's questions with
 * their keys. The preview is a teacher's view; the sign-in work puts it behind a teacher's session.
 */
public final class BankPages {
  private final BankRepository banks;
  private final Templates templates;

  public BankPages(BankRepository banks, Templates templates) {
    this.banks = banks;
    this.templates = templates;
  }

  public void mount(Router router) {
    router.get("/").handler(this::list);
    router.get("/banks/:slug").handler(this::preview);
  }

  private void list(RoutingContext ctx) {
    banks.summaries()
        .onSuccess(list -> templates.respond(ctx, "index", Map.of("banks", list)))
        .onFailure(ctx::fail);
  }

  private void preview(RoutingContext ctx) {
    banks.preview(ctx.pathParam("slug"))
        .onSuccess(found -> {
          if (found.isEmpty()) {
            ctx.fail(404);
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
