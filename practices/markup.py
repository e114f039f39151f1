"""Markdown written by members and curators, rendered to HTML that is safe to show.

markdown turns the text into HTML; nh3 (the Ammonia sanitiser) then keeps only a small set of
tags and attributes, so no script, event handler, style or `javascript:` link survives, whatever
the author typed. Links written by users are marked so search engines and browsers do not trust
them.
"""

import threading

import markdown
import nh3

ALLOWED_TAGS = {
    "p", "br", "hr", "em", "strong", "code", "pre", "blockquote",
    "ul", "ol", "li", "a", "h3", "h4", "h5", "h6",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
LINK_REL = "nofollow ugc noopener"

# Building a Markdown converter costs more than converting a comment: one per thread, reused.
converters = threading.local()


def converter():
    if not hasattr(converters, "markdown"):
        converters.markdown = markdown.Markdown(extensions=["sane_lists"], output_format="html")
    return converters.markdown.reset()


def render_markdown(text: str) -> str:
    """Markdown -> sanitised HTML. Rendered when a text is saved (Practice.rendered,
    Comment.body_html), not when it is shown."""
    if not text:
        return ""
    html = converter().convert(text)
    # "#" and "##" headings would compete with the page's own h1/h2: nh3 keeps only h3 and
    # below, so those become plain text.
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel=LINK_REL,
    )
    return clean
