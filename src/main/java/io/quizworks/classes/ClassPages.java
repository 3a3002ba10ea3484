package io.quizworks.classes;

import io.quizworks.accounts.Passwords;
import io.quizworks.accounts.Sessions;
import io.quizworks.accounts.SignInThrottle;
import io.quizworks.bank.RowError;
import io.quizworks.web.Forms;
import io.quizworks.web.Guards;
import io.quizworks.web.Principal;
import io.quizworks.web.Templates;
import io.quizworks.web.Views;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * The teacher's side of classes: the home page with their classes, a class page with its join code,
 * students and quizzes, roster uploads, time allowances and one-time sign-in codes. Also mounts the
 * students' side ({@link JoinPages}). A class of another teacher answers 404 to every request.
 */
public final class ClassPages {
  static final int MAX_CLASS_NAME = 100;

  private final Classes classes;
  private final Templates templates;
  private final String zone;
  private final JoinPages joinPages;
  private final RosterCsvReader rosterReader = new RosterCsvReader();

  public ClassPages(Pool pool, Passwords passwords, Sessions sessions, SignInThrottle throttle, Templates templates,
      Views views) {
    this.classes = new Classes(pool, views);
    this.templates = templates;
    this.zone = views.zone().getId();
    this.joinPages = new JoinPages(new Enrolment(pool, passwords), sessions, throttle, templates);
  }

  public void mount(Router router) {
    router.get("/teacher").handler(Guards.teacher()).handler(ctx -> home(ctx, 200, "", Map.of()));
    router.post("/classes").handler(Guards.teacher()).handler(this::create);
    router.get("/classes/:classId").handler(Guards.teacher()).handler(ctx -> withClassId(ctx, id -> show(ctx, id)));
    router.post("/classes/:classId/join-code").handler(Guards.teacher())
        .handler(ctx -> withClassId(ctx, id -> newJoinCode(ctx, id)));
    router.post("/classes/:classId/roster").handler(Guards.teacher())
        .handler(ctx -> withClassId(ctx, id -> uploadRoster(ctx, id)));
    router.post("/classes/:classId/students/:studentId/allowance").handler(Guards.teacher())
        .handler(ctx -> withClassId(ctx, id -> setAllowance(ctx, id)));
    router.post("/classes/:classId/students/:studentId/setup-code").handler(Guards.teacher())
        .handler(ctx -> withClassId(ctx, id -> newSetupCode(ctx, id)));
    joinPages.mount(router);
  }

  private void home(RoutingContext ctx, int status, String name, Map<String, String> errors) {
    classes.ofTeacher(teacher(ctx))
        .onSuccess(list -> templates.respond(ctx, status, "teacher-home",
            Map.of("classes", list, "name", name, "errors", errors)))
        .onFailure(ctx::fail);
  }

  private void create(RoutingContext ctx) {
    String name = Forms.field(ctx, "name");
    if (name.isEmpty() || name.length() > MAX_CLASS_NAME) {
      home(ctx, 400, name, Map.of("name", "Enter a name for the class (up to " + MAX_CLASS_NAME + " characters)."));
      return;
    }
    classes.create(teacher(ctx), name)
        .onSuccess(id -> Forms.seeOther(ctx, "/classes/" + id))
        .onFailure(ctx::fail);
  }

  private void show(RoutingContext ctx, long classId) {
    classes.view(classId, teacher(ctx))
        .onSuccess(found -> {
          if (found.isEmpty()) {
            Guards.denied(ctx, "class " + classId);
          } else {
            renderClass(ctx, 200, found.get(), Map.of());
          }
        })
        .onFailure(ctx::fail);
  }

  private void renderClass(RoutingContext ctx, int status, ClassView view, Map<String, String> errors) {
    templates.respond(ctx, status, "class", Map.of("cls", view, "errors", errors, "zone", zone,
        "joinLink", origin(ctx) + "/join?code=" + view.joinCode()));
  }

  private void newJoinCode(RoutingContext ctx, long classId) {
    classes.newJoinCode(classId, teacher(ctx))
        .onSuccess(done -> {
          if (done) {
            Forms.seeOther(ctx, "/classes/" + classId);
          } else {
            Guards.denied(ctx, "class " + classId);
          }
        })
        .onFailure(ctx::fail);
  }

  private void setAllowance(RoutingContext ctx, long classId) {
    Optional<Long> studentId = idParam(ctx, "studentId");
    if (studentId.isEmpty()) {
      Guards.denied(ctx, "student " + ctx.pathParam("studentId"));
      return;
    }
    Optional<BigDecimal> allowance = TimeAllowance.parse(Forms.field(ctx, "allowance"));
    if (allowance.isEmpty()) {
      refuseAllowance(ctx, classId, studentId.get());
      return;
    }
    classes.setAllowance(classId, studentId.get(), teacher(ctx), allowance.get())
        .onSuccess(done -> {
          if (done) {
            Forms.seeOther(ctx, "/classes/" + classId + "#student-" + studentId.get());
          } else {
            Guards.denied(ctx, "student " + studentId.get() + " of class " + classId);
          }
        })
        .onFailure(ctx::fail);
  }

  /** Shows the class again with the error at the student's row, but only to the teacher of that student. */
  private void refuseAllowance(RoutingContext ctx, long classId, long studentId) {
    classes.view(classId, teacher(ctx))
        .onSuccess(found -> {
          if (found.isEmpty() || !found.get().has(studentId)) {
            Guards.denied(ctx, "student " + studentId + " of class " + classId);
            return;
          }
          renderClass(ctx, 400, found.get(), Map.of("allowance-" + studentId, TimeAllowance.RULE));
        })
        .onFailure(ctx::fail);
  }

  private void newSetupCode(RoutingContext ctx, long classId) {
    Optional<Long> studentId = idParam(ctx, "studentId");
    if (studentId.isEmpty()) {
      Guards.denied(ctx, "student " + ctx.pathParam("studentId"));
      return;
    }
    classes.newSetupCode(classId, studentId.get(), teacher(ctx))
        .onSuccess(issued -> {
          if (issued.isEmpty()) {
            Guards.denied(ctx, "student " + studentId.get() + " of class " + classId);
            return;
          }
          showingCodes(ctx);
          templates.respond(ctx, "setup-code", Map.of("classId", classId, "className", issued.get().className(),
              "issued", issued.get().issued(),
              "validDays", SetupCodes.VALID_DAYS, "setupLink", origin(ctx) + "/student/setup"));
        })
        .onFailure(ctx::fail);
  }

  private void uploadRoster(RoutingContext ctx, long classId) {
    long teacherId = teacher(ctx);
    classes.name(classId, teacherId)
        .onSuccess(className -> {
          if (className.isEmpty()) {
            Guards.denied(ctx, "class " + classId);
            return;
          }
          Optional<FileUpload> upload = ctx.fileUploads().stream()
              .filter(file -> file.name().equals("roster") && file.size() > 0)
              .findFirst();
          if (upload.isEmpty()) {
            respondRoster(ctx, classId, className.get(), RosterResult.rejected(List.of(new RowError(0, "",
                "no file", "a roster CSV file chosen with the upload form"))));
            return;
          }
          ctx.vertx().fileSystem().readFile(upload.get().uploadedFileName())
              .compose(bytes -> ctx.vertx().executeBlocking(() -> rosterReader.read(bytes.getBytes()), false))
              .compose(parsed -> parsed.isValid()
                  ? classes.applyRoster(classId, teacherId, parsed.entries())
                  : Future.succeededFuture(Optional.of(RosterResult.rejected(parsed.errors()))))
              .onSuccess(result -> {
                if (result.isEmpty()) {
                  Guards.denied(ctx, "class " + classId);
                } else {
                  respondRoster(ctx, classId, className.get(), result.get());
                }
              })
              .onFailure(ctx::fail);
        })
        .onFailure(ctx::fail);
  }

  private void respondRoster(RoutingContext ctx, long classId, String className, RosterResult result) {
    if (result.isApplied()) {
      showingCodes(ctx);
    }
    Map<String, Object> data = new HashMap<>();
    data.put("classId", classId);
    data.put("className", className);
    data.put("result", result);
    data.put("validDays", SetupCodes.VALID_DAYS);
    data.put("setupLink", origin(ctx) + "/student/setup");
    templates.respond(ctx, result.isApplied() ? 200 : 400, "roster-result", data);
  }

  /** One-time codes are shown once: the page must not be kept in a cache or the browser's history. */
  private static void showingCodes(RoutingContext ctx) {
    ctx.response().putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
  }

  private static void withClassId(RoutingContext ctx, LongConsumer then) {
    Optional<Long> classId = idParam(ctx, "classId");
    if (classId.isEmpty()) {
      Guards.denied(ctx, "class " + ctx.pathParam("classId"));
      return;
    }
    then.accept(classId.get());
  }

  private static Optional<Long> idParam(RoutingContext ctx, String name) {
    String value = ctx.pathParam(name);
    return value != null && value.matches("[0-9]{1,18}") ? Optional.of(Long.parseLong(value)) : Optional.empty();
  }

  private static long teacher(RoutingContext ctx) {
    return Principal.required(ctx).id();
  }

  /** Where students reach this server, for links a teacher copies; a TLS proxy in front says it used https. */
  private static String origin(RoutingContext ctx) {
    if (ctx.request().authority() == null) {
      return "";
    }
    boolean https = ctx.request().isSSL() || "https".equalsIgnoreCase(ctx.request().getHeader("X-Forwarded-Proto"));
    return (https ? "https" : "http") + "://" + ctx.request().authority();
  }
}
