"""The yardstick: a bare Flask + peewee page listing 25 rows of a 100 000-row table.

Served by gunicorn like the portal, so each portal page can be measured as a ratio of it.
"""

import os

import peewee
from flask import Flask, render_template_string
from playhouse.db_url import connect

database = peewee.DatabaseProxy()


class Row(peewee.Model):
    title = peewee.CharField()
    created = peewee.DateTimeField()

    class Meta:
        database = database
        table_name = "baseline_row"


PAGE = """<!doctype html><html lang="de"><head><title>Liste</title></head><body><table>
{% for row in rows %}
<tr><td>{{ row.id }}</td><td>{{ row.title }}</td><td>{{ row.created }}</td></tr>
{% endfor %}</table></body></html>"""


def open_database(url: str) -> peewee.Database:
    """On PostgreSQL through peewee's connection pool, as the portal does: a new connection
    per request (authentication included) would make the yardstick slow, the ratios flattering.
    SQLite opens a file per request, cheap enough to stay bare."""
    if url.startswith(("postgres://", "postgresql://")):
        scheme, rest = url.split(":", 1)
        return connect(f"{scheme}+pool:{rest}", max_connections=None, stale_timeout=300)
    return connect(url)


def create_app(url: str) -> Flask:
    database.initialize(open_database(url))
    app = Flask(__name__)

    @app.before_request
    def _connect():
        database.connect(reuse_if_open=True)

    @app.teardown_request
    def _close(exc):
        if not database.is_closed():
            database.close()

    @app.route("/")
    def rows():
        return render_template_string(PAGE, rows=Row.select().order_by(Row.id.desc()).limit(25))

    return app


def seed(url: str, count: int = 100_000) -> None:
    import datetime as dt

    database.initialize(connect(url))
    with database.connection_context():
        database.drop_tables([Row])
        database.create_tables([Row])
        now = dt.datetime(2026, 11, 24, 8, 0)
        with database.atomic():
            for start in range(0, count, 1000):
                Row.insert_many(
                    [{"title": f"Zeile {i}", "created": now} for i in range(start, start + 1000)]
                ).execute()


app = (
    create_app(os.environ["BASELINE_DATABASE_URL"])
    if "BASELINE_DATABASE_URL" in os.environ
    else None
)
