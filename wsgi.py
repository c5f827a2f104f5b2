"""WSGI entry point: `gunicorn wsgi:app`."""

import gc

from portal import create_app, holiday_days

app = create_app()
with app.app_context():
    holiday_days.read_at_start()  # no request pays the query, no worker loads the library
# What start-up built (modules, the app, its templates, the catalogues) lives as long as the
# process: moved out of the collector's generations, a full collection no longer walks it
# all, which showed as 40-70 ms stalls in the benchmark's p99 (each gunicorn worker imports
# this module after it is forked, so each freezes its own).
gc.freeze()
