package io.quizworks.load;

import io.vertx.core.Future;
import io.vertx.ext.web.client.WebClient;
import java.util.ArrayList;
import java.util.List;

/** Students signing in before an exam at a steady arrival rate, as a class trickles into the room. */
final class SignIns {
  private SignIns() {}

  /** Signs every seeded student in; returns those who made it, in class order. */
  static List<VirtualStudent> run(Scheduler scheduler, WebClient client, LoadOptions options,
      BenchmarkDatabase.SeededClass seeded, StepStats stats) {
    long first = Scheduler.now() + Scheduler.seconds(0.5);
    List<VirtualStudent> students = new ArrayList<>();
    List<Future<Void>> signIns = new ArrayList<>();
    for (int i = 0; i < seeded.students().size(); i++) {
      VirtualStudent student = new VirtualStudent(client, options.server(), seeded.students().get(i));
      students.add(student);
      signIns.add(scheduler.timed(stats, first + Scheduler.seconds(i / options.signInsPerSecond()),
          () -> student.signIn(seeded.code(), BenchmarkDatabase.PASSWORD)));
    }
    return Scheduler.succeeded(students, signIns);
  }
}
