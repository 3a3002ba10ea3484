package io.quizworks.accounts;

import io.quizworks.web.Cookies;
import io.quizworks.web.Forms;
import io.quizworks.web.Principal;
import io.quizworks.web.Templates;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** Teacher sign-up, sign-in for teachers and students, and sign-out. */
public final class AccountPages {
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  private final Accounts accounts;
  private final Sessions sessions;
  private final SignInThrottle throttle;
  private final Templates templates;
  private final boolean signupOpen;

  public AccountPages(Accounts accounts, Sessions sessions, SignInThrottle throttle, Templates templates,
      boolean signupOpen) {
    this.accounts = accounts;
    this.sessions = sessions;
    this.throttle = throttle;
    this.templates = templates;
    this.signupOpen = signupOpen;
  }

  public void mount(Router router) {
    router.get("/signup").handler(this::signUpForm);
    router.post("/signup").handler(this::signUp);
    router.get("/signin").handler(ctx -> signInForm(ctx, Map.of()));
    router.post("/signin").handler(this::signIn);
    router.get("/student/signin").handler(ctx -> studentSignInForm(ctx, Map.of()));
    router.post("/student/signin").handler(this::studentSignIn);
    router.post("/signout").handler(this::signOut);
  }

  private void signUpForm(RoutingContext ctx) {
    if (!signupOpen) {
      templates.respond(ctx, 403, "signup-closed", Map.of());
      return;
    }
    templates.respond(ctx, "signup", Map.of("form", Map.of()));
  }

  private void signUp(RoutingContext ctx) {
    if (!signupOpen) {
      templates.respond(ctx, 403, "signup-closed", Map.of());
      return;
    }
    String name = Forms.field(ctx, "name");
    String email = Forms.field(ctx, "email").toLowerCase(Locale.ROOT);
    String password = ctx.request().getFormAttribute("password") == null ? "" : ctx.request().getFormAttribute("password");
    Map<String, String> errors = new HashMap<>();
    if (name.isEmpty() || name.length() > 100) {
      errors.put("name", "Enter your name (up to 100 characters).");
    }
    if (!EMAIL.matcher(email).matches() || email.length() > 254) {
      errors.put("email", "Enter an email address like name@school.org.");
    }
    if (password.length() < Passwords.MIN_LENGTH || password.length() > 200) {
      errors.put("password", "Choose a password of at least " + Passwords.MIN_LENGTH + " characters.");
    }
    Map<String, Object> form = Map.of("name", name, "email", email);
    if (!errors.isEmpty()) {
      templates.respond(ctx, 400, "signup", Map.of("form", form, "errors", errors));
      return;
    }
    accounts.create(email, name, password)
        .onSuccess(id -> {
          if (id.isEmpty()) {
            templates.respond(ctx, 409, "signup", Map.of("form", form,
                "errors", Map.of("email", "An account with this email exists already. Sign in instead.")));
            return;
          }
          SessionAuth.startSession(ctx, sessions, Principal.Role.TEACHER, id.get(), c -> Forms.seeOther(c, "/teacher"));
        })
        .onFailure(ctx::fail);
  }

  private void signInForm(RoutingContext ctx, Map<String, Object> extra) {
    Map<String, Object> data = new HashMap<>(extra);
    data.put("next", Optional.ofNullable(ctx.request().getParam("next")).orElse(""));
    data.put("signupOpen", signupOpen);
    data.putIfAbsent("email", "");
    templates.respond(ctx, extra.containsKey("error") ? 401 : 200, "signin", data);
  }

  private void signIn(RoutingContext ctx) {
    String email = Forms.field(ctx, "email").toLowerCase(Locale.ROOT);
    String password = String.valueOf(ctx.request().getFormAttribute("password"));
    String next = Forms.localTarget(ctx.request().getFormAttribute("next"), "/teacher");
    String account = "teacher:" + email;
    checkThenSignIn(ctx, account, () -> accounts.authenticate(email, password))
        .onSuccess(outcome -> {
          if (outcome.refusal().isPresent()) {
            signInForm(ctx, Map.of("error", outcome.refusal().get(), "email", email));
          } else {
            SessionAuth.startSession(ctx, sessions, Principal.Role.TEACHER, outcome.userId(), c -> Forms.seeOther(c, next));
          }
        })
        .onFailure(ctx::fail);
  }

  private void studentSignInForm(RoutingContext ctx, Map<String, Object> extra) {
    Map<String, Object> data = new HashMap<>(extra);
    data.putIfAbsent("code", Optional.ofNullable(ctx.request().getParam("code")).orElse(""));
    data.putIfAbsent("name", "");
    data.put("next", Optional.ofNullable(ctx.request().getParam("next")).orElse(""));
    templates.respond(ctx, extra.containsKey("error") ? 401 : 200, "student-signin", data);
  }

  private void studentSignIn(RoutingContext ctx) {
    String code = Forms.field(ctx, "code").toUpperCase(Locale.ROOT).replace(" ", "").replace("-", "");
    String name = Forms.field(ctx, "name");
    String password = String.valueOf(ctx.request().getFormAttribute("password"));
    String next = Forms.localTarget(ctx.request().getFormAttribute("next"), "/student");
    String account = "student:" + code + ":" + name.toLowerCase(Locale.ROOT);
    checkThenSignIn(ctx, account, () -> accounts.authenticateStudent(code, name, password))
        .onSuccess(outcome -> {
          if (outcome.refusal().isPresent()) {
            studentSignInForm(ctx, Map.of("error", outcome.refusal().get(), "code", code, "name", name));
          } else {
            SessionAuth.startSession(ctx, sessions, Principal.Role.STUDENT, outcome.userId(), c -> Forms.seeOther(c, next));
          }
        })
        .onFailure(ctx::fail);
  }

  /** A sign-in either refused (throttled or wrong password, with the message to show) or a user id. */
  private record Outcome(Optional<String> refusal, long userId) {}

  private Future<Outcome> checkThenSignIn(RoutingContext ctx, String account,
      Supplier<Future<Optional<Long>>> authenticate) {
    String address = ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().hostAddress();
    return throttle.check(account, address).compose(paused -> {
      if (paused.isPresent()) {
        return Future.succeededFuture(new Outcome(paused, 0));
      }
      return authenticate.get().compose(id -> id.isPresent()
          ? Future.succeededFuture(new Outcome(Optional.empty(), id.get()))
          : throttle.recordFailure(account, address).map(new Outcome(
              Optional.of("That sign-in did not match an account. Check each field and try again."), 0)));
    });
  }

  private void signOut(RoutingContext ctx) {
    var cookie = Cookies.get(ctx, Cookies.SESSION);
    Future<Void> ended = cookie == null ? Future.succeededFuture() : sessions.delete(cookie.getValue());
    ended.onSuccess(v -> {
      Cookies.clear(ctx, Cookies.SESSION);
      Forms.seeOther(ctx, "/");
    }).onFailure(ctx::fail);
  }
}
