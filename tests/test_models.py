"""The model-level queries that several areas share."""

from portal.models import User
from tests.conftest import make_user


def test_active_staff_are_the_active_technicians_and_admins_by_name_regardless_of_case(
    app, customer_a, staff, admin
):
    away = make_user(app, "away@provider.example", "Anton Abwesend", role="staff")
    away.active = False
    away.save()
    lower = make_user(app, "bert@provider.example", "bert Kleinschreiber", role="staff")

    names = [user.name for user in User.active_staff()]

    assert names == sorted([staff.name, admin.name, lower.name], key=str.lower)
