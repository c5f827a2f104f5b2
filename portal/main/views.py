"""Start page and company pages."""

from flask import render_template
from flask_login import current_user, login_required

from portal.access import companies_visible_to, get_or_404
from portal.cockpit import views as cockpit_views
from portal.main import bp
from portal.models import Company, User


@bp.route("/")
def index():
    if current_user.is_authenticated and current_user.is_staff:
        # staff start on their overview, not on the customers' welcome
        return cockpit_views.index()
    return render_template("main/index.html")


@bp.route("/firma/<int:company_id>")
@login_required
def company(company_id: int):
    company = get_or_404(companies_visible_to(current_user).where(Company.id == company_id))
    users = company.users.where(User.active == True).order_by(User.name)  # noqa: E712
    return render_template("main/company.html", company=company, users=users)
