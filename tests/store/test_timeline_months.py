"""A timeline counted in SQL groups starts by month in the database (queries._month_or_date) and reads each
group with `month_of`: every form of start must land in the month `month_of` gives it, on both backends."""

from __future__ import annotations

import pytest
from sqlalchemy import literal, select

from communique.store import open_store
from communique.store.derived import month_of
from communique.store.queries import _month_or_date, _MonthOf

STARTS = ["2025-02-21", "2025-02", "2025", "--02-21", "--02", "2025-W07", "2025-02-21T10:00", "2019-12-30",
          "2025-02-30", "2024-02-29", "2025-02-28", "2025-13", "2025-00-10", "2025-02-00", "2025-1-05", "",
          "abcd-ef-gh", "2025-12-31", "0999-01-01", "2025-04-31", "2025-04-01"]


@pytest.mark.parametrize("start", STARTS)
def test_the_sql_month_is_the_month_of_the_start(store_url: str, start: str) -> None:
    engine = open_store(store_url)
    with engine.connect() as conn:
        grouped = conn.execute(select(_month_or_date(literal(start), conn.dialect.name))).scalar()
    assert _MonthOf()[grouped] == month_of(start) == _MonthOf()[start]
    if len(start) == 10 and start[8:] <= "28" and month_of(start) != "undated":
        assert grouped == start[:7]  # a day of every month is grouped with its month in the database
    engine.dispose()
