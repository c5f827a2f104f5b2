"""The outbox: every notification is a row written in the transaction of the change it reports
(store.py) and delivered over SMTP by a job (delivery.py, tasks.py), with retries and a lease."""

from portal.outbox.store import post  # noqa: F401  (outbox.post: mails into the outbox)
