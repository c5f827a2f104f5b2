"""Kundenportal: the application factory."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from flask import Flask
from flask_login import LoginManager
from flask_wtf.csrf import CSRFProtect
from werkzeug.middleware.proxy_fix import ProxyFix

from portal.application import Portal
from portal.config import DefaultConfig, load_secret_key

ROOT = Path(__file__).resolve().parent.parent
csrf = CSRFProtect()
login_manager = LoginManager()


def create_app(test_config: dict | None = None) -> Flask:
    app = Portal(
        __name__,
        instance_relative_config=True,
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
    )
    app.config.from_object(DefaultConfig)
    app.config.from_pyfile("config.py", silent=True)
    app.config.from_prefixed_env("PORTAL")
    if "ENV" in app.config:  # PORTAL_ENV=production
        app.config["ENV_NAME"] = app.config.pop("ENV")
    if test_config:
        app.config.update(test_config)
    os.makedirs(app.instance_path, exist_ok=True)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = load_secret_key(app.instance_path)
    if app.config["ENV_NAME"] == "production":
        app.config["SESSION_COOKIE_SECURE"] = True
        app.config["REMEMBER_COOKIE_SECURE"] = True
    app.config["REMEMBER_COOKIE_DURATION"] = dt.timedelta(days=app.config["REMEMBER_DAYS"])
    if app.config["PROXY_COUNT"]:
        hops = int(app.config["PROXY_COUNT"])
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops)

    _init_extensions(app)
    _register_blueprints(app)
    return app


def _init_extensions(app: Flask) -> None:
    from portal import clock, db, forms, holiday_days, i18n, jobs, live, ops, reads, security, tasks
    from portal.api.auth import load_user_from_request
    from portal.auth.sessions import load_signed_in_user
    from portal.navigation import navigation_items

    ops.init_app(app)  # first: its clock starts before the other hooks run
    db.init_app(app)
    # prepared reads need a connection that outlives the request (see portal/reads.py)
    reads.prepare_statements(app.config["DATABASE_PREPARE"] and app.config["DATABASE_POOL"])
    clock.init_app(app)
    holiday_days.init_app(app)
    csrf.init_app(app)
    i18n.init_app(app)
    security.init_app(app)
    forms.init_app(app)
    jobs.init_app(app, tasks.register_all)
    live.init_app(app)

    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = None  # the login page says it itself
    login_manager.user_loader(load_signed_in_user)
    login_manager.request_loader(load_user_from_request)

    provider = _provider(app)  # configuration, read once

    @app.context_processor
    def _layout():
        return {"provider": provider, "navigation": navigation_items()}


def _provider(app: Flask) -> dict:
    return {
        key[len("PROVIDER_") :].lower(): value
        for key, value in app.config.items()
        if key.startswith("PROVIDER_")
    }


def _register_blueprints(app: Flask) -> None:
    from portal import (
        admin,
        api,
        auth,
        changes,
        cli,
        cockpit,
        main,
        ops,
        privacy,
        reports,
        sla_page,
        tickets,
        wizard,
    )
    from portal.inbound import views as inbound_views

    app.register_blueprint(main.bp)
    app.register_blueprint(sla_page.bp)
    app.register_blueprint(wizard.bp)
    app.register_blueprint(auth.bp)
    app.register_blueprint(tickets.bp)
    app.register_blueprint(api.bp)
    app.register_blueprint(admin.bp)
    app.register_blueprint(changes.bp)
    app.register_blueprint(inbound_views.bp)
    app.register_blueprint(cockpit.bp)
    app.register_blueprint(reports.bp)  # the monthly SLA report
    app.register_blueprint(ops.bp)  # /healthz, /readyz, /metrics
    csrf.exempt(ops.bp)  # probes and scrapes carry no form
    app.register_blueprint(privacy.bp)  # export, erasure, retention, audit log
    csrf.exempt(api.bp)  # the API checks the CSRF header itself, and only for session requests
    cli.init_app(app)
