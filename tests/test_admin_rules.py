"""The admin area's plain rules: customer numbers and override hours, checked by hand."""

import pytest

from portal.admin.rules import (
    hours_in_range,
    is_valid_customer_number,
    normalise_customer_number,
    parse_hours,
)


@pytest.mark.parametrize(
    ("typed", "stored", "valid"),
    [
        ("K-10042", "K-10042", True),
        ("  k-00001 ", "K-00001", True),
        ("K-7", "K-7", True),
        ("K-123456789012", "K-123456789012", True),
        ("K-1234567890123", "K-1234567890123", False),  # 13 digits
        ("K-", "K-", False),
        ("10042", "10042", False),
        ("K10042", "K10042", False),
        ("K-10 042", "K-10 042", False),
        ("K-1004a", "K-1004A", False),
        ("KD-10042", "KD-10042", False),
        ("", "", False),
    ],
)
def test_customer_numbers(typed, stored, valid):
    assert normalise_customer_number(typed) == stored
    assert is_valid_customer_number(stored) is valid


@pytest.mark.parametrize(
    ("typed", "hours"),
    [
        ("", None),
        ("   ", None),
        (None, None),
        ("4", 4.0),
        (" 16 ", 16.0),
        ("1,5", 1.5),
        ("1.5", 1.5),
        ("0,25", 0.25),
        ("2,75", 2.75),
    ],
)
def test_hours_as_typed(typed, hours):
    assert parse_hours(typed) == hours


@pytest.mark.parametrize(
    "typed", ["abc", "-1", "+2", "1e3", "1,5,0", "1.234,5", "nan", "inf", "1_0"]
)
def test_hours_that_are_not_numbers_are_refused(typed):
    with pytest.raises(ValueError):
        parse_hours(typed)


@pytest.mark.parametrize(
    ("hours", "allowed"),
    [(0.0, False), (0.2, False), (0.25, True), (1, True), (500, True), (500.5, False)],
)
def test_override_hours_range(hours, allowed):
    assert hours_in_range(hours) is allowed
