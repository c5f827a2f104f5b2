"""The schema's history: the registry and runner (registry.py) and the steps, one module per
area, each importing only the registry (and columns.py, a piece they share). Importing this
package registers every step.

    from portal.migrations import migrate
"""

from portal.migrations import (  # noqa: F401  (the steps)
    accounts,
    files,
    foundation,
    holidays,
    mail,
    once,
    privacy,
    sharing,
    sla_clock,
    sla_months,
)
from portal.migrations.registry import (  # noqa: F401
    MIGRATIONS,
    SchemaVersion,
    current_version,
    latest_version,
    migrate,
    migration,
)
