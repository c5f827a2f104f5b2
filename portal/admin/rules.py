"""Plain rules of the admin area: customer numbers and first-response overrides in hours.

No Flask, no peewee: values in, values (or ValueError) out, tested with tables of cases.
"""

from __future__ import annotations

import re

CUSTOMER_NUMBER_PATTERN = re.compile(r"K-[0-9]{1,12}")
HOURS_PATTERN = re.compile(r"[0-9]{1,4}(?:[.,][0-9]{1,2})?")
MAX_CUSTOMER_NUMBER_LENGTH = 40
# A contract may promise anything from a quarter of an hour to six weeks of service hours.
MIN_OVERRIDE_HOURS = 0.25
MAX_OVERRIDE_HOURS = 500.0


def normalise_customer_number(text: str) -> str:
    """'  k-10042 ' -> 'K-10042': stored upper-case, so uniqueness ignores case."""
    return text.strip().upper()


def is_valid_customer_number(number: str) -> bool:
    """A normalised number: 'K-' and 1 to 12 digits, as the CLI and the demo data create them."""
    return CUSTOMER_NUMBER_PATTERN.fullmatch(number) is not None


def parse_hours(text: str | None) -> float | None:
    """Hours as typed in German or English ('1,5', '1.5', '4'); '' or None means no override.

    Raises ValueError for anything else (letters, signs, exponents, more than two decimals).
    """
    if text is None:
        return None
    text = text.strip()
    if not text:
        return None
    if HOURS_PATTERN.fullmatch(text) is None:
        raise ValueError(f"not a number of hours: {text!r}")
    return float(text.replace(",", "."))


def hours_in_range(hours: float) -> bool:
    return MIN_OVERRIDE_HOURS <= hours <= MAX_OVERRIDE_HOURS
