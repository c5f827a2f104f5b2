"""The schema's history: the registry and runner (registry.py) and the steps, one module per
area, each importing only the registry. Importing this package registers every step.

    from portal.migrations import migrate
"""

from portal.migrations import accounts, foundation, mail, once, sla_clock  # noqa: F401  (the steps)
from portal.migrations.registry import (  # noqa: F401
    MIGRATIONS,
    SchemaVersion,
    current_version,
    latest_version,
    migrate,
    migration,
)
