"""Classification of a problem description into the SLA classes (no Flask, no peewee)."""
