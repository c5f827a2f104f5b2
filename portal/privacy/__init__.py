"""Data protection (DSGVO): a person's data as a ZIP (JSON and their attachments), the erasure
of a person, and the retention job that deletes what is past its period. The pages are thin
(views.py); the work is in export.py, erasure.py and retention.py."""

from flask import Blueprint

bp = Blueprint("privacy", __name__)

from portal.privacy import views  # noqa: E402, F401
