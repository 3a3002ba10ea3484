package io.quizworks.system;

import io.quizworks.accounts.AccountPages;
import io.quizworks.accounts.Accounts;
import io.quizworks.accounts.Passwords;
import io.quizworks.accounts.SessionAuth;
import io.quizworks.accounts.Sessions;
import io.quizworks.accounts.SignInThrottle;
import io.quizworks.bank.BankImporter;
import io.quizworks.bank.BankPages;
import io.quizworks.bank.BankRepository;
import io.quizworks.bank.BankUploadPages;
import io.quizworks.bank.BankUploads;
import io.quizworks.classes.ClassPages;
import io.quizworks.gradebook.ExportPages;
import io.quizworks.gradebook.ItemAnalysisPages;
import io.quizworks.gradebook.KeyFixPages;
import io.quizworks.gradebook.KeyFixes;
import io.quizworks.gradebook.Results;
import io.quizworks.gradebook.ResultsPages;
import io.quizworks.quiz.AttemptApi;
import io.quizworks.quiz.Attempts;
import io.quizworks.quiz.QuizPages;
import io.quizworks.quiz.Quizzes;
import io.quizworks.quiz.Reviews;
import io.quizworks.quiz.StudentPages;
import io.quizworks.web.Csrf;
import io.quizworks.web.ErrorPages;
import io.quizworks.web.HealthCheck;
import io.quizworks.web.SecurityHeaders;
import io.quizworks.web.Templates;
import io.quizworks.web.Views;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.sqlclient.Pool;
import java.nio.file.Path;
import java.util.Map;

/** Serves the pages and endpoints over HTTP; holds no state of its own, so any number can run side by side. */
public final class HttpVerticle extends VerticleBase {
  /** Large enough for a 5,000-question bank CSV; anything bigger is refused before it is read. */
  static final long MAX_BODY_BYTES = 4L * 1024 * 1024;

  /** Where an upload is spooled while its request is read: the app's folder may be read-only, as in the image. */
  private static final String UPLOADS_DIRECTORY =
      Path.of(System.getProperty("java.io.tmpdir"), "quizworks-uploads").toString();

  private final Config config;
  private final DatabaseClients clients;
  private HttpServer server;

  public HttpVerticle(Config config, DatabaseClients clients) {
    this.config = config;
    this.clients = clients;
  }

  /** The application's routes, built from its dependencies so tests can hand it any pool. */
  public static Router router(Vertx vertx, DatabaseClients clients, Config config) {
    Pool pool = clients.pool();
    Templates templates = new Templates(vertx);
    ErrorPages errors = new ErrorPages(vertx, templates, MAX_BODY_BYTES);
    Passwords passwords = new Passwords(vertx);
    Sessions sessions = new Sessions(pool, config.sessionIdle(), config.sessionAbsolute());
    Accounts accounts = new Accounts(pool, passwords);

    Router router = Router.router(vertx);
    router.route().handler(new SecurityHeaders());
    router.get("/health").handler(new HealthCheck(pool));
    router.route("/static/*").method(HttpMethod.GET).method(HttpMethod.HEAD)
        .handler(StaticHandler.create("webroot").setMaxAgeSeconds(3600));
    router.route().handler(BodyHandler.create(UPLOADS_DIRECTORY).setBodyLimit(MAX_BODY_BYTES)
        .setDeleteUploadedFilesOnEnd(true));
    Attempts attempts = Attempts.onNode(vertx, pool, clients.pipelined(), clients.saving(), config.saveGrace());
    AttemptApi attemptApi = new AttemptApi(attempts, sessions);
    Views views = new Views(config.zone());
    Quizzes quizzes = new Quizzes(pool);
    StudentPages studentPages = new StudentPages(quizzes, attempts, sessions, new Reviews(attempts, views), templates,
        views);
    attemptApi.mountAheadOfSessions(router);
    studentPages.mountAheadOfSessions(router);
    router.route().handler(new SessionAuth(sessions));
    router.route().handler(new Csrf());

    router.get("/").handler(ctx -> templates.respond(ctx, "home", Map.of()));
    new AccountPages(accounts, sessions, new SignInThrottle(pool), templates, config.signupOpen()).mount(router);
    BankRepository banks = new BankRepository(pool);
    new BankUploadPages(new BankUploads(vertx, pool, new BankImporter(vertx, pool)), banks, templates, MAX_BODY_BYTES)
        .mount(router);
    new BankPages(banks, templates).mount(router);
    new ClassPages(pool, passwords, sessions, new SignInThrottle(pool), templates, views).mount(router);
    new QuizPages(quizzes, templates, views).mount(router);
    studentPages.mount(router);
    attemptApi.mount(router);
    new ResultsPages(new Results(pool), attempts, templates, views).mount(router);
    new KeyFixPages(new KeyFixes(pool), templates).mount(router);
    new ItemAnalysisPages(new Results(pool), templates, views).mount(router);
    new ExportPages(pool, templates, config.zone()).mount(router);

    router.route().last().handler(errors::notFound);
    router.route().failureHandler(errors::failure);
    return router;
  }

  @Override
  public Future<?> start() {
    return vertx.createHttpServer()
        .requestHandler(router(vertx, clients, config))
        .listen(config.port())
        .onSuccess(s -> server = s);
  }

  public int actualPort() {
    return server.actualPort();
  }
}
