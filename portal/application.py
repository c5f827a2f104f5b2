"""The portal's Flask class: Flask with the template environment of portal/templating.py, its
in-page URLs built once, and Flask's test for coroutine functions made once per function
(``ensure_sync``: the same answer, kept in a store emptied when it grows large).

A page builds twenty URLs (the navigation, the style sheets, the forms' actions), nearly all
the same on every request, and werkzeug builds each anew (5 µs apiece). ``url_for`` here keeps
a URL that is a plain path, by endpoint, values and the request's script root and subdomain,
which is all a path depends on: no options (_external, _anchor, …), values only strings and
numbers, no url_defaults functions. Everything else, and every first time, is Flask's own.
"""

from __future__ import annotations

from flask import Flask, has_request_context
from flask.globals import request_ctx

from portal.templating import PortalEnvironment

# The kept URLs are mostly the same few dozen; ticket numbers add one each, so the store is
# emptied when it reaches this size.
MAX_KEPT_URLS = 4096
# The functions Flask runs are the app's views and hooks (a few hundred); functions added for
# one request (after_this_request) add one each, so the store is emptied at this size.
MAX_KEPT_FUNCTIONS = 1024


class Portal(Flask):
    jinja_environment = PortalEnvironment

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.kept_urls: dict[tuple, str] = {}
        self.kept_sync: dict = {}

    def ensure_sync(self, func):
        """Flask's own answer for ``func``, worked out once per function: Flask asks it for
        each view, hook and context processor it runs, two dozen a page, and each time
        inspect tests whether the function is a coroutine function (1 µs)."""
        try:
            return self.kept_sync[func]
        except KeyError:
            pass
        except TypeError:  # a callable that cannot be a key
            return super().ensure_sync(func)
        found = super().ensure_sync(func)
        if len(self.kept_sync) >= MAX_KEPT_FUNCTIONS:
            self.kept_sync.clear()
        self.kept_sync[func] = found
        return found

    def url_for(
        self,
        /,
        endpoint: str,
        *,
        _anchor: str | None = None,
        _method: str | None = None,
        _scheme: str | None = None,
        _external: bool | None = None,
        **values,
    ) -> str:
        plain = _anchor is None and _method is None and _scheme is None and _external is None
        key = self._url_key(endpoint, values) if plain else None
        url = self.kept_urls.get(key) if key is not None else None
        if url is not None:
            return url
        options = dict(_anchor=_anchor, _method=_method, _scheme=_scheme, _external=_external)
        url = super().url_for(endpoint, **options, **values)
        if key is not None and url.startswith("/"):  # a path, not a URL with the host
            if len(self.kept_urls) >= MAX_KEPT_URLS:
                self.kept_urls.clear()
            self.kept_urls[key] = url
        return url

    def _url_key(self, endpoint: str, values: dict) -> tuple | None:
        """What a path-only URL depends on, or None where Flask decides more (outside a
        request, an endpoint relative to the blueprint, url_defaults, other value types)."""
        if endpoint[:1] == "." or not has_request_context():
            return None
        if any(self.url_default_functions.values()):
            return None
        for value in values.values():
            if type(value) is not str and type(value) is not int:
                return None
        adapter = request_ctx.url_adapter
        if adapter is None:
            return None
        return (endpoint, adapter.script_name, adapter.subdomain, *values.items())
