"""Latin spellings of Cyrillic names, as the region's English-language outlets write them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scraper.meetings.model import Participant
from scraper.meetings.translit import latin_name


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("Рашид Мередов", "Rashid Meredov"),
        ("Бахтиёр Саидов", "Bakhtiyor Saidov"),
        ("Касым-Жомарт Токаев", "Kasym-Zhomart Tokayev"),
        ("Сергей Лавров", "Sergey Lavrov"),
        ("Юрий Ушаков", "Yuriy Ushakov"),
        ("Ахмет Гурбанов", "Akhmet Gurbanov"),
    ],
)
def test_common_spellings(cyrillic: str, latin: str) -> None:
    assert latin_name(cyrillic) == latin


def test_latin_names_need_nothing() -> None:
    assert latin_name("Ilham Aliyev") is None
    assert latin_name(None) is None
    assert "name_latin" not in Participant("Ilham Aliyev", None, "AZ").to_dict()
    assert Participant("Рашид Мередов", None, "TM").to_dict()["name_latin"] == "Rashid Meredov"


@given(st.text(alphabet="абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЭЮЯ -.", min_size=1))
def test_every_cyrillic_letter_goes(name: str) -> None:
    latin = latin_name(name)
    assert latin is None or not any("\u0400" <= ch <= "\u04ff" for ch in latin)
