"""Lists in pages: which page a request asks for (paginate), and the address of a page of a
list or of a practice's thread (page_url): the one rule that the lists' canonical addresses
(page_address), a thread's pages (threads.py page_url) and the links of a pagination
(templatetags/pagination.py) all name their pages by."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404
from django.utils.http import urlencode

PAGE_SIZE = 20


def paginate(request, rows, per_page=PAGE_SIZE, count=None, param="page"):
    """The requested page of a list (`rows`: a queryset, or range(count) for a view that finds
    the page's rows itself), its number in the query parameter `param`; a page that does not
    exist is a 404, not an error. `count`, when known already, spares counting the whole list
    again."""
    paginator = Paginator(rows, per_page)
    if count is not None:
        paginator.count = count
    try:
        return paginator.page(request.GET.get(param, 1))
    except (EmptyPage, PageNotAnInteger):
        raise Http404("No such page.") from None


def page_address(path, page, params=(), param="page"):
    """The canonical address of `page` of the list at `path`: each page of a list is its own,
    named with its number in `param` from page 2 on, after `params` ((name, value) pairs: the
    list's filters, where it has some), as the list's links to its pages name it."""
    return page_url(path, page.number, urlencode(params), param)


def page_url(path, number, query="", param="page", anchor=""):
    """The address of the page `number` at `path`, after `query` (the rest of its query string,
    urlencoded): its number in the query parameter `param` from page 2 on, page 1 being `path`
    itself; at `anchor` (none if ""). Without a path it is a link relative to the page, which
    names its number on page 1 too ("?page=1"): an empty query would keep the page's own."""
    params = [query] if query else []
    if number > 1 or not path:
        params.append(urlencode({param: number}))
    return path + (f"?{'&'.join(params)}" if params else "") + (f"#{anchor}" if anchor else "")
