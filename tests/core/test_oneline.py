"""{% oneline %}: a line of output written on several lines of a template."""

from django.template import Context, Template


def render(source: str, **context) -> str:
    return Template("{% load site %}" + source).render(Context(context))


def test_the_template_line_breaks_and_their_indentation_are_left_out():
    source = """{% oneline %}
      <p>{% if name %}
      <strong>{{ name }}</strong>{% endif %}
      </p>
    {% endoneline %}
"""
    assert render(source, name="Ann") == "<p><strong>Ann</strong></p>\n"


def test_what_variables_put_out_keeps_its_line_breaks():
    source = "{% oneline %}\n  <pre>{{ text }}</pre>\n{% endoneline %}"
    assert render(source, text="one\n  two") == "<pre>one\n  two</pre>"


def test_spaces_within_a_line_are_kept():
    source = "{% oneline %}\n  <a>x</a> — <b>y</b>,\n  <i>z</i>\n{% endoneline %}"
    assert render(source) == "<a>x</a> — <b>y</b>,<i>z</i>"
