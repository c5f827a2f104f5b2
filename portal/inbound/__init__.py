"""Incoming e-mail: replies and new requests from customers, and the staff "Posteingang".

parse.py, text.py and rules.py are plain Python (no Flask, no database); service.py imports a
mail, fetch.py reads the IMAP mailbox, tasks.py schedules it, views.py is the Posteingang."""
