"""The admins' "Postausgang": mails waiting for delivery or failed, with the reason, and
"Erneut senden" for one of them."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _

from portal import jobs
from portal.access import admin_required, get_or_404
from portal.admin import bp
from portal.admin.views import list_page
from portal.mail import DELIVERY_TASK
from portal.outbox import store
from portal.outbox.models import OutboxMail


@bp.route("/postausgang")
@admin_required
def outbox():
    return render_template(
        "admin/outbox.html",
        page=list_page(store.undelivered()),
        counts=store.undelivered_counts(),
    )


@bp.route("/postausgang/<int:mail_id>/erneut-senden", methods=["POST"])
@admin_required
def outbox_send_again(mail_id: int):
    row = get_or_404(OutboxMail.select().where(OutboxMail.id == mail_id))
    if store.send_again(row):
        jobs.kick_later(DELIVERY_TASK)
        flash(_("Die E-Mail an %(to)s wird erneut gesendet.", to=row.recipient), "success")
    else:
        flash(_("Diese E-Mail wird gerade gesendet oder ist bereits gesendet."), "error")
    return redirect(url_for("admin.outbox"))
