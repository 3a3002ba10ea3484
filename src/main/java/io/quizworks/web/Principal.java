package io.quizworks.web;

import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/** Who is asking: a signed-in teacher or student, as the session says. */
public record Principal(Role role, long id, String name) {
  private static final String KEY = "quizworks.principal";

  public enum Role {
    TEACHER,
    STUDENT
  }

  public boolean isTeacher() {
    return role == Role.TEACHER;
  }

  public boolean isStudent() {
    return role == Role.STUDENT;
  }

  public static Optional<Principal> of(RoutingContext ctx) {
    return Optional.ofNullable(ctx.get(KEY));
  }

  /** For handlers behind a guard that already checked there is one. */
  public static Principal required(RoutingContext ctx) {
    return of(ctx).orElseThrow(() -> new IllegalStateException("No principal on a guarded route"));
  }

  public void attachTo(RoutingContext ctx) {
    ctx.put(KEY, this);
  }
}
