package io.quizworks.web;

import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.DefaultListAdapter;
import freemarker.template.DefaultMapAdapter;
import freemarker.template.DefaultObjectWrapper;
import freemarker.template.SimpleScalar;
import freemarker.template.TemplateBooleanModel;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import java.util.List;
import java.util.Map;

/**
 * FreeMarker's default wrapper, with the values our views are made of (strings, flags, lists and maps)
 * recognised by one type check each, ahead of the default's chain of a dozen, and each wrapped as the default
 * wraps it. {@link EscapedText} and {@link RenderedHtml} are shown as the markup they already are. The default
 * asks a list whether it is a Collection and then whether it is a List: on Java 17 two interface checks in turn on
 * one class rewrite that class's one-entry type-check cache each time, memory the two event loops' cores then pass
 * back and forth. Wrapping was a sixth of the attempt page's rendering time (docs/benchmarks.md, eighth round).
 */
final class ViewObjectWrapper extends DefaultObjectWrapper {
  ViewObjectWrapper() {
    super(Configuration.VERSION_2_3_33);
    writeProtect();
  }

  @Override
  public TemplateModel wrap(Object value) throws TemplateModelException {
    if (value instanceof String text) {
      return new SimpleScalar(text);
    }
    if (value instanceof Boolean flag) {
      return flag ? TemplateBooleanModel.TRUE : TemplateBooleanModel.FALSE;
    }
    if (value instanceof EscapedText text) {
      return HTMLOutputFormat.INSTANCE.fromMarkup(text.html());
    }
    if (value instanceof RenderedHtml part) {
      return HTMLOutputFormat.INSTANCE.fromMarkup(part.html());
    }
    if (value instanceof List<?> list) {
      return DefaultListAdapter.adapt(list, this);
    }
    if (value instanceof Map<?, ?> map) {
      return DefaultMapAdapter.adapt(map, this);
    }
    return super.wrap(value);
  }
}
