"""The report's HTML as PDF with WeasyPrint; no request leaves the server: the fetcher serves
only files below the static folder and refuses every other URL."""

from __future__ import annotations

import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlparse

from flask import current_app
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse


class LocalFilesOnly(URLFetcher):
    """Serves file:// URLs inside ``root``; anything else (http, data outside, ..) is refused."""

    def __init__(self, root: str | Path):
        super().__init__(allowed_protocols=("file",))
        self.root = Path(root).resolve()
        self.refused: list[str] = []

    def fetch(self, url, headers=None):
        parsed = urlparse(url)
        path = Path(unquote(parsed.path)).resolve() if parsed.scheme == "file" else None
        if path is None or not path.is_relative_to(self.root) or not path.is_file():
            self.refused.append(url)
            raise ValueError(f"refused: only local static files are read, not {url}")
        mime_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": mime_type})


def html_to_pdf(html: str, fetcher: LocalFilesOnly | None = None) -> bytes:
    static = Path(current_app.static_folder)
    fetcher = fetcher or LocalFilesOnly(static)
    return HTML(string=html, base_url=static.as_uri() + "/", url_fetcher=fetcher).write_pdf()
