package io.quizworks.classes;

import io.quizworks.accounts.Passwords;
import io.quizworks.accounts.SessionAuth;
import io.quizworks.accounts.Sessions;
import io.quizworks.accounts.SignInThrottle;
import io.quizworks.web.Forms;
import io.quizworks.web.Principal;
import io.quizworks.web.Templates;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The students' side of classes, open without signing in: joining a class with its code, and setting a
 * first password with the one-time code from a roster. Failed codes count towards the sign-in throttle,
 * so neither form can be used to guess codes.
 */
final class JoinPages {
  static final int MAX_NAME = 60;
  static final int MAX_PASSWORD = 200;
  static final String NAME_TAKEN = "That name is already taken in this class: add an initial or a surname.";

  private final Enrolment enrolment;
  private final Sessions sessions;
  private final SignInThrottle throttle;
  private final Templates templates;

  JoinPages(Enrolment enrolment, Sessions sessions, SignInThrottle throttle, Templates templates) {
    this.enrolment = enrolment;
    this.sessions = sessions;
    this.throttle = throttle;
    this.templates = templates;
  }

  void mount(Router router) {
    router.get("/join").handler(ctx -> joinPage(ctx, 200, query(ctx, "code"), "", Map.of()));
    router.post("/join").handler(this::join);
    router.get("/student/setup").handler(ctx -> setupPage(ctx, 200, query(ctx, "code"), Map.of()));
    router.post("/student/setup").handler(this::setup);
  }

  private void joinPage(RoutingContext ctx, int status, String code, String name, Map<String, String> errors) {
    templates.respond(ctx, status, "join", Map.of("code", code, "name", name, "errors", errors,
        "minLength", Passwords.MIN_LENGTH));
  }

  private void join(RoutingContext ctx) {
    String typed = Forms.field(ctx, "code");
    String code = JoinCodes.normalise(typed);
    String name = Forms.field(ctx, "name");
    String password = password(ctx);
    Map<String, String> errors = new HashMap<>();
    if (code.isEmpty()) {
      errors.put("code", "Enter the class code your teacher gave you, like ABC-DEF.");
    }
    if (name.isEmpty() || name.length() > MAX_NAME) {
      errors.put("name", "Enter your name as your teacher knows it (up to " + MAX_NAME + " characters).");
    }
    if (!validPassword(password)) {
      errors.put("password", "Choose a password of at least " + Passwords.MIN_LENGTH + " characters.");
    }
    if (!errors.isEmpty()) {
      joinPage(ctx, 400, typed, name, errors);
      return;
    }
    Outcome noClass = Outcome.refused("code",
        "There is no class with the code " + typed + ". Check the code with your teacher.", 400);
    String account = "join:" + code;
    String address = address(ctx);
    // A code that cannot be one is refused before the throttle: it is no guess worth counting.
    Future<Outcome> attempt = !JoinCodes.isWellFormed(code)
        ? Future.succeededFuture(noClass)
        : throttle.check(account, address).compose(paused -> paused.isPresent()
            ? Future.succeededFuture(Outcome.refused("code", paused.get(), 429))
            : enrolment.classWithCode(code).compose(classId -> classId.isEmpty()
                ? throttle.recordFailure(account, address).map(noClass)
                : enrolment.join(classId.get(), name, password).map(student -> student.isEmpty()
                    ? Outcome.refused("name", NAME_TAKEN, 409)
                    : Outcome.signedIn(student.get()))));
    attempt
        .onSuccess(outcome -> {
          if (outcome.refusal().isPresent()) {
            Refusal refusal = outcome.refusal().get();
            joinPage(ctx, refusal.status(), typed, name, Map.of(refusal.field(), refusal.message()));
          } else {
            SessionAuth.startSession(ctx, sessions, Principal.Role.STUDENT, outcome.studentId(),
                c -> Forms.seeOther(c, "/student"));
          }
        })
        .onFailure(ctx::fail);
  }

  private void setupPage(RoutingContext ctx, int status, String code, Map<String, String> errors) {
    templates.respond(ctx, status, "student-setup", Map.of("code", code, "errors", errors,
        "minLength", Passwords.MIN_LENGTH, "validDays", SetupCodes.VALID_DAYS));
  }

  private void setup(RoutingContext ctx) {
    String typed = Forms.field(ctx, "code");
    String code = SetupCodes.normalise(typed);
    String password = password(ctx);
    Map<String, String> errors = new HashMap<>();
    if (code.isEmpty()) {
      errors.put("code", "Enter the one-time sign-in code from your teacher, like ABCD-EFGH.");
    }
    if (!validPassword(password)) {
      errors.put("password", "Choose a password of at least " + Passwords.MIN_LENGTH + " characters.");
    }
    if (!errors.isEmpty()) {
      setupPage(ctx, 400, typed, errors);
      return;
    }
    Outcome wrongCode = Outcome.refused("code", "That code does not work: it may be mistyped, used already, "
        + "or older than " + SetupCodes.VALID_DAYS + " days. Check it, or ask your teacher for a new one.", 401);
    String account = "setup:" + code;
    String address = address(ctx);
    // A code that cannot be one is refused before the throttle: it is no guess worth counting.
    Future<Outcome> attempt = !SetupCodes.isWellFormed(code)
        ? Future.succeededFuture(wrongCode)
        : throttle.check(account, address).compose(paused -> paused.isPresent()
            ? Future.succeededFuture(Outcome.refused("code", paused.get(), 429))
            : enrolment.setFirstPassword(code, password).compose(id -> id.isPresent()
                ? sessions.deleteAll(Principal.Role.STUDENT, id.get()).map(Outcome.signedIn(id.get()))
                : throttle.recordFailure(account, address).map(wrongCode)));
    attempt
        .onSuccess(outcome -> {
          if (outcome.refusal().isPresent()) {
            Refusal refusal = outcome.refusal().get();
            setupPage(ctx, refusal.status(), typed, Map.of(refusal.field(), refusal.message()));
          } else {
            SessionAuth.startSession(ctx, sessions, Principal.Role.STUDENT, outcome.studentId(),
                c -> Forms.seeOther(c, "/student"));
          }
        })
        .onFailure(ctx::fail);
  }

  /** Why a form was refused: the field to mark, the message, and the response status. */
  private record Refusal(String field, String message, int status) {}

  /** A student signed in, or the reason not. */
  private record Outcome(Optional<Refusal> refusal, long studentId) {
    static Outcome refused(String field, String message, int status) {
      return new Outcome(Optional.of(new Refusal(field, message, status)), 0);
    }

    static Outcome signedIn(long studentId) {
      return new Outcome(Optional.empty(), studentId);
    }
  }

  private static boolean validPassword(String password) {
    return password.length() >= Passwords.MIN_LENGTH && password.length() <= MAX_PASSWORD;
  }

  /** Passwords are taken as typed: spaces at either end are part of them. */
  private static String password(RoutingContext ctx) {
    String value = ctx.request().getFormAttribute("password");
    return value == null ? "" : value;
  }

  private static String query(RoutingContext ctx, String name) {
    return Optional.ofNullable(ctx.request().getParam(name)).orElse("");
  }

  private static String address(RoutingContext ctx) {
    return ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().hostAddress();
  }
}
