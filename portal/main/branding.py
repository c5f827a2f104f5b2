"""The provider's logo in the header: a configured file (PROVIDER_LOGO, looked up in the
instance folder, then in static/) or, by default, a wordmark drawn from PROVIDER_NAME."""

from __future__ import annotations

import os

from flask import abort, current_app, send_from_directory, url_for

from portal.main import bp

LOGO_KEY = "portal.main.logo"


def _logo_file() -> tuple[str, str] | None:
    """(folder, file name) of the configured logo, None when unset or not found."""
    name = current_app.config.get("PROVIDER_LOGO")
    if not name:
        return None
    name = os.path.basename(str(name))  # a file name, never a path out of the folders
    for folder in (current_app.instance_path, current_app.static_folder):
        if folder and os.path.isfile(os.path.join(folder, name)):
            return folder, name
    current_app.logger.warning("PROVIDER_LOGO %r is in neither instance/ nor static/", name)
    return None


def logo_url() -> str | None:
    """The logo's address for <img src>, None for the default wordmark; looked up once."""
    extensions = current_app.extensions
    if LOGO_KEY not in extensions:
        found = _logo_file()
        if found is None:
            extensions[LOGO_KEY] = None
        elif found[0] == current_app.static_folder:
            extensions[LOGO_KEY] = url_for("static", filename=found[1])
        else:
            extensions[LOGO_KEY] = url_for("main.logo", name=found[1])
    return extensions[LOGO_KEY]


def wordmark_width(name: str) -> int:
    """The wordmark's width in SVG units: about 11 per letter at the font size used."""
    return 44 + 11 * len(name)


@bp.app_context_processor
def _branding():
    return {"logo_url": logo_url(), "wordmark_width": wordmark_width}


@bp.route("/logo/<name>")
def logo(name: str):
    found = _logo_file()
    if found is None or found[1] != name:
        abort(404)
    return send_from_directory(found[0], found[1], max_age=24 * 60 * 60)
