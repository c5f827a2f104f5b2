"""Domain rules of the SLA: calendars, response targets, queue order (no Flask, no peewee)."""
