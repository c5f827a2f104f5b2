"""The app behind each live server's URL, in a module of its own: conftest.py is imported twice
(by pytest and as tests.conftest), this module once, so both see the same entries."""

LIVE_APPS: dict = {}
