"""Domain rules of the SLA: service calendars, response targets, queue order (no Flask, no peewee)."""
