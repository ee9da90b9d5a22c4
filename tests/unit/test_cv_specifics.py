"""CV specifics and job terms are found in an answer however the transcriber spells them."""

from __future__ import annotations

import pytest

from voice_coach.cv import used


@pytest.mark.parametrize(
    ("heard", "item"),
    [
        ("at north wind i led the relaunch", "Northwind"),
        ("the e commerce site", "e-commerce"),
        ("we moved it all to s q l", "SQL"),
        ("at northwind's depot", "North Wind"),
        ("cut errors by thirty five percent", "35%"),
        ("i rebuilt the rota", "rota"),
    ],
)
def test_found_however_it_is_written(heard: str, item: str) -> None:
    assert used(heard, (item,)) == [(item, True)]


@pytest.mark.parametrize(
    ("heard", "item"),
    [
        ("we let it rot a little", "rota"),
        ("north of the wind farm", "Northwind"),
        ("a rotary phone", "rota"),
        ("cut errors by a third", "35%"),
    ],
)
def test_other_words_that_spell_it_are_not_it(heard: str, item: str) -> None:
    assert used(heard, (item,)) == [(item, False)]
