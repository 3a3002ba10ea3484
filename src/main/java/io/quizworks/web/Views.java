package io.quizworks.web;

import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.data.Numeric;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns query rows into template values: column name to value, times shown in the school's time zone and
 * numbers without trailing zeros. A missing value is left out, which templates test with {@code ??}.
 */
public final class Views {
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

  private final ZoneId zone;

  public Views(ZoneId zone) {
    this.zone = zone;
  }

  public Map<String, Object> row(Row row) {
    Map<String, Object> view = new HashMap<>();
    for (int i = 0; i < row.size(); i++) {
      Object value = row.getValue(i);
      if (value instanceof OffsetDateTime time) {
        view.put(row.getColumnName(i), time(time));
      } else if (value instanceof BigDecimal || value instanceof Numeric) {
        view.put(row.getColumnName(i), row.getBigDecimal(i).stripTrailingZeros().toPlainString());
      } else if (value != null) {
        view.put(row.getColumnName(i), value);
      }
    }
    return view;
  }

  public String time(OffsetDateTime time) {
    return time.atZoneSameInstant(zone).format(SHOWN);
  }

  /** The value a {@code datetime-local} input shows for a time. */
  public String inputTime(OffsetDateTime time) {
    return time.atZoneSameInstant(zone).format(INPUT);
  }

  public ZoneId zone() {
    return zone;
  }
}
