"""The SQL statements each benchmarked page runs, counted in-process (bench/multi.py).

Each page is requested twice by the signed-in user; the second request is counted (the first
warms what a worker keeps: kept SQL, the session's user). Prints "label<TAB>count" lines.
"""

import re

import peewee

from bench.targets import targets
from portal import create_app
from portal.demo import DEMO_PASSWORD


def signed_in(app, email: str):
    client = app.test_client()
    page = client.get("/anmelden").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    client.post("/anmelden", data={"email": email, "password": DEMO_PASSWORD, "csrf_token": token})
    return client


def counted(client, path: str) -> int:
    """Statements of one GET of ``path``, like tests/conftest.py count_queries."""
    original = peewee.Database.execute_sql
    count = 0

    def counting(db, sql, params=None, *args, **kwargs):
        nonlocal count
        count += 1
        return original(db, sql, params, *args, **kwargs)

    peewee.Database.execute_sql = counting
    try:
        response = client.get(path)
    finally:
        peewee.Database.execute_sql = original
    if response.status_code != 200:
        raise SystemExit(f"{path} answered {response.status_code}")
    return count


def main() -> None:
    app = create_app()
    clients = {
        "staff": signed_in(app, "technik@bluvo.example"),
        "customer": signed_in(app, "kunde@muster.example"),
    }
    for label, path, who in targets(app):
        clients[who].get(path)
        print(label, counted(clients[who], path), sep="\t")


if __name__ == "__main__":
    main()
