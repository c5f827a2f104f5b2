"""House style: the domain rules import neither Flask nor peewee (nor werkzeug), so they take
values, return values and are tested with tables of cases.

Read from the source with `ast`: importing the modules would run portal/__init__.py."""

import ast
from pathlib import Path

PORTAL = Path(__file__).parents[1] / "portal"
PURE = [*sorted((PORTAL / "sla").rglob("*.py")), *sorted((PORTAL / "triage").rglob("*.py"))]
PURE += [PORTAL / "changes" / "rules.py"]
PURE_PACKAGES = ("portal.sla", "portal.triage", "portal.changes.rules")
WEB_AND_DATABASE = ("flask", "peewee", "playhouse", "werkzeug")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    }
    names |= {
        node.module
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0
    }
    return names


def refused(module: str) -> bool:
    top = module.split(".")[0]
    if top in WEB_AND_DATABASE or top.startswith("flask_"):
        return True
    # Another part of the portal could bring Flask or peewee along.
    return top == "portal" and not module.startswith(PURE_PACKAGES)


def test_domain_rules_import_neither_flask_nor_peewee_nor_werkzeug():
    offences = {
        str(path.relative_to(PORTAL.parent)): sorted(filter(refused, imported_modules(path)))
        for path in PURE
    }
    assert len(PURE) > 10, "the pure packages were not found"
    assert {path: names for path, names in offences.items() if names} == {}
