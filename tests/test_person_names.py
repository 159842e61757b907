"""A person's full name is found in either order, with or without a space."""

from __future__ import annotations

import pytest

from tgdesk.core.person_names import fold, name_matches


def test_fold_case_folds_and_collapses_spaces() -> None:
    assert fold("  Ivan   PETROV ") == "ivan petrov"


@pytest.mark.parametrize(
    ("first", "last", "search"),
    [
        ("小明", "王", "王小明"),  # family name first, no space: how it is written
        ("小明", "王", "小明王"),
        ("小明", "王", "小明 王"),  # as Telegram keeps it
        ("小明", "王", "王 小明"),
        ("小明", "王", "王小"),
        ("ひろし", "山田", "山田ひろし"),
        ("민준", "김", "김 민준"),
        ("민준", "김", "김민준"),
        ("Ivan", "Petrov", "ivan petrov"),
        ("Ivan", "Petrov", "petrov ivan"),
        ("Иван", "Петров", "петров иван"),
        ("Ivan", "", "ivan"),
        ("", "Petrov", "petrov"),
    ],
)
def test_the_full_name_matches_either_way(first: str, last: str, search: str) -> None:
    assert name_matches(first, last, fold(search))


@pytest.mark.parametrize(
    ("first", "last", "search"),
    [("小明", "王", "王大明"), ("小明", "王", "小明李"), ("Ivan", "Petrov", "ivan sidorov")],
)
def test_other_names_do_not_match(first: str, last: str, search: str) -> None:
    assert not name_matches(first, last, fold(search))
