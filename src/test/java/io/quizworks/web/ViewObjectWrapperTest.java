package io.quizworks.web;

import static org.assertj.core.api.Assertions.assertThat;

import freemarker.cache.StringTemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.ObjectWrapper;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The view wrapper and escaped text")
class ViewObjectWrapperTest {
  private static final String VIEW =
      "<#list questions as q><h2>${q.position?c} ${q.prompt}<#if q.flagged> flagged</#if></h2>"
          + "<#list q.choices as c><input value=\"${c.label}\"<#if c.selected> checked</#if>>${c.text}"
          + " of ${q.choices?size}</#list>${q.points} ${q.seq?c}</#list>";

  private static final Map<String, Object> PLAIN = Map.of("questions", List.of(Map.of("position", 1,
      "prompt", "Is 3 < 5 & \"true\"? It's <b>bold</b>", "flagged", true, "points", "1.5", "seq", 12L,
      "choices", List.of(Map.of("label", "A", "text", "<script>alert('x')</script>", "selected", false),
          Map.of("label", "B", "text", "Caf\u00e9 \u2014 fine", "selected", true)))));

  @Test
  @DisplayName("renders a view exactly as FreeMarker's own wrapper does")
  void rendersAsTheDefault() throws Exception {
    assertThat(render(new ViewObjectWrapper(), PLAIN))
        .isEqualTo(render(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_33).build(), PLAIN))
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", " checked>", " flagged</h2>", "of 2");
  }

  @Test
  @DisplayName("shows escaped text as the page would have escaped the plain text, not escaped twice")
  void escapedTextIsShownOnce() throws Exception {
    Map<String, Object> escaped = Map.of("questions", List.of(Map.of("position", 1,
        "prompt", EscapedText.of("Is 3 < 5 & \"true\"? It's <b>bold</b>"), "flagged", true, "points", "1.5",
        "seq", 12L, "choices", List.of(
            Map.of("label", "A", "text", EscapedText.of("<script>alert('x')</script>"), "selected", false),
            Map.of("label", "B", "text", EscapedText.of("Caf\u00e9 \u2014 fine"), "selected", true)))));

    assertThat(render(new ViewObjectWrapper(), escaped)).isEqualTo(render(new ViewObjectWrapper(), PLAIN))
        .doesNotContain("<script>", "<b>", "&amp;lt;");
  }

  private static String render(ObjectWrapper wrapper, Map<String, Object> model) throws Exception {
    Configuration configuration = new Configuration(Configuration.VERSION_2_3_33);
    StringTemplateLoader loader = new StringTemplateLoader();
    loader.putTemplate("view.ftlh", VIEW);
    configuration.setTemplateLoader(loader);
    configuration.setOutputFormat(HTMLOutputFormat.INSTANCE);
    configuration.setObjectWrapper(wrapper);
    StringWriter html = new StringWriter();
    configuration.getTemplate("view.ftlh").process(model, html);
    return html.toString();
  }
}
