"""Case 2: SOURCE_DATE_EPOCH that is not whole ASCII seconds 0–4102444799 (1970 to 2099-12-31 UTC)."""

from __future__ import annotations

import pytest

from hostile_helpers import refused

RANGE = "give whole seconds 0–4102444799 (1970-01-01 to 2099-12-31 UTC)"


def test_epoch_of_year_10000_is_refused_with_the_range(issue):
    refused(issue, "environment: SOURCE_DATE_EPOCH=253402300800 is after 2099-12-31", RANGE,
            env={"SOURCE_DATE_EPOCH": "253402300800"})


def test_negative_epoch_is_refused(issue):
    refused(issue, "environment: SOURCE_DATE_EPOCH=-1 is negative", RANGE, env={"SOURCE_DATE_EPOCH": "-1"})


@pytest.mark.parametrize("value", ["170000000¹", "١٧٠٠٠٠٠٠٠٠", "１７００００００００"],
                         ids=["superscript", "arabic-indic", "full-width"])
def test_non_ascii_digits_are_not_seconds(issue, value):
    assert value.isdigit()  # what the old check accepted
    refused(issue, "environment: SOURCE_DATE_EPOCH=", "is not a number of seconds (ASCII digits 0-9 only)", RANGE,
            env={"SOURCE_DATE_EPOCH": value})


def test_overflowing_epoch_is_refused(issue):
    refused(issue, f"environment: SOURCE_DATE_EPOCH={str(10 ** 30)[:24]}… is after 2099-12-31", RANGE,
            env={"SOURCE_DATE_EPOCH": str(10 ** 30)})
