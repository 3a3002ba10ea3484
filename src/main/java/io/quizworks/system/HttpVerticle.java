package io.quizworks.system;

import io.quizworks.bank.BankPages;
import io.quizworks.bank.BankRepository;
import io.quizworks.web.ErrorPages;
import io.quizworks.web.HealthCheck;
import io.quizworks.web.SecurityHeaders;
import io.quizworks.web.Templates;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.sqlclient.Pool;

/** Serves the pages and endpoints over HTTP; holds no state of its own, so any number can run side by side. */
public final class HttpVerticle extends VerticleBase {
  private final int port;
  private final Pool pool;
  private HttpServer server;

  public HttpVerticle(int port, Pool pool) {
    this.port = port;
    this.pool = pool;
  }

  /** The application's routes, built from its dependencies so tests can hand it any pool. */
  public static Router router(Vertx vertx, Pool pool) {
    Templates templates = new Templates(vertx);
    ErrorPages errors = new ErrorPages(templates);
    Router router = Router.router(vertx);
    router.route().handler(new SecurityHeaders());
    router.get("/health").handler(new HealthCheck(pool));
    router.route("/static/*").method(HttpMethod.GET).method(HttpMethod.HEAD).handler(StaticHandler.create("webroot").setMaxAgeSeconds(3600));
    new BankPages(new BankRepository(pool), templates).mount(router);
    router.route().last().handler(errors::notFound);
    router.route().failureHandler(errors::failure);
    return router;
  }

  @Override
  public Future<?> start() {
    return vertx.createHttpServer()
        .requestHandler(router(vertx, pool))
        .listen(port)
        .onSuccess(s -> server = s);
  }

  public int actualPort() {
    return server.actualPort();
  }
}
