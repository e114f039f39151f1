"""The links of a pagination (templates/includes/_pagination.html), for a list's pages and a
practice's thread's alike."""

from django import template

register = template.Library()


@register.simple_tag
def page_links(page, param="page", query="", path="", anchor=""):
    """The addresses of the other pages of `page` (a Django Page), its number in the query
    parameter `param`: the previous and the next page's, and (number, address) for each page a
    numbered pagination shows, (None, "") for an ellipsis between them.

    Without `path` the links are relative to the page, its other query parameters (`query`,
    urlencoded) kept: "?lesson=2&page=3". With it they start from it, the first page being
    `path` itself, as practices/threads.py page_url names a thread's pages. `anchor` is where
    on the page they land."""

    def url(number):
        params = [query] if query else []
        if number > 1 or not path:
            params.append(f"{param}={number}")
        return path + ("?" + "&".join(params) if params else "") + (f"#{anchor}" if anchor else "")

    paginator = page.paginator
    numbers = paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
    return {
        "pages": [
            (None, "") if number == paginator.ELLIPSIS else (number, url(number))
            for number in numbers
        ],
        "previous": url(page.number - 1) if page.has_previous() else "",
        "next": url(page.number + 1) if page.has_next() else "",
    }
