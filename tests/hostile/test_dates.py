"""Case 1: issue.date outside 1900–2099 (a newspaper date), and dates that do not exist."""

from __future__ import annotations

from hostile_helpers import line_of, refused


def at_date(issue) -> str:
    return f"{issue.manifest}:{line_of(issue.manifest.read_text(encoding='utf-8'), 'date:')} (issue.date)"


def test_year_0000_is_refused_with_the_range(issue):
    issue.write(issue.good(date="0000-01-01"))
    refused(issue, at_date(issue), "year 0 is outside 1900–2099", "1900-01-01 and 2099-12-31")


def test_year_9999_is_refused_with_the_range(issue):
    issue.write(issue.good(date="9999-12-31"))
    refused(issue, at_date(issue), "year 9999 is outside 1900–2099")


def test_february_29_of_a_common_year_is_not_a_real_date(issue):
    issue.write(issue.good(date="2023-02-29"))
    refused(issue, at_date(issue), "'2023-02-29' is not a real date")


def test_full_width_digits_are_not_a_date(issue):
    issue.write(issue.good(date="２０２３-08-22"))  # \d and int() accept them; the form is ASCII YYYY-MM-DD
    refused(issue, at_date(issue), "is not in the form YYYY-MM-DD")
