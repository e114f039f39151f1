"""`{{ text|markdown }}`: render user-written Markdown through the sanitiser."""

from django import template

from practices.markup import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text):
    return render_markdown(text)
