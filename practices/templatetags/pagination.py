"""The links of a pagination (templates/includes/_pagination.html), for a list's pages and a
practice's thread's alike."""

from django import template

from practices import paging

register = template.Library()


@register.simple_tag
def page_links(page, param="page", query="", path="", anchor=""):
    """The addresses of the other pages of `page` (a Django Page), its number in the query
    parameter `param`: the previous and the next page's, and (number, address) for each page a
    numbered pagination shows, (None, "") for an ellipsis between them.

    Without `path` the links are relative to the page, after `query` (urlencoded: the list's
    filters, as its canonical address names them): "?lesson=2&page=3". With it they start from
    it, the first page being `path` itself. `anchor` is where on the page they land. Each is
    named as practices/paging.py page_url names every page."""

    def url(number):
        return paging.page_url(path, number, query, param, anchor)

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
