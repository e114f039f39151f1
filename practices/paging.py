"""The address of a page of a list or of a practice's thread: the one rule that the lists'
canonical addresses (views/browse.py page_address), a thread's pages (threads.py page_url) and
the links of a pagination (templatetags/pagination.py) all name their pages by."""

from django.utils.http import urlencode


def page_url(path, number, query="", param="page", anchor=""):
    """The address of the page `number` at `path`, after `query` (the rest of its query string,
    urlencoded): its number in the query parameter `param` from page 2 on, page 1 being `path`
    itself; at `anchor` (none if ""). Without a path it is a link relative to the page, which
    names its number on page 1 too ("?page=1"): an empty query would keep the page's own."""
    params = [query] if query else []
    if number > 1 or not path:
        params.append(urlencode({param: number}))
    return path + (f"?{'&'.join(params)}" if params else "") + (f"#{anchor}" if anchor else "")
