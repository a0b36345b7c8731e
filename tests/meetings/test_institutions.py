"""A title that runs through a state institution ("Vice Premier of the State Council of China")
belongs to the name after it: one counterpart, not a title-only one plus a bare name."""

from __future__ import annotations

from datetime import date

import pytest

from scraper.meetings import parse_meetings

CASES = [
    ("en", "President of Uzbekistan Shavkat Mirziyoyev received a delegation led by Vice Premier of the "
           "State Council of China Ding Xuexiang on November 1.", "Ding Xuexiang"),
    ("ru", "Президент Узбекистана Шавкат Мирзиёев 1 ноября принял делегацию во главе с вице-премьером "
           "Госсовета КНР Дин Сюэсяном.", "Дин Сюэсян"),
]


@pytest.mark.parametrize(("language", "text", "guest"), CASES)
def test_institution_inside_a_title_chain(language: str, text: str, guest: str) -> None:
    records = parse_meetings(text, published=date(2024, 11, 2), language=language)
    assert len(records) == 1
    (record,) = records
    assert record.date == date(2024, 11, 1)
    assert record.countries == ("CN", "UZ")
    chinese = [p for p in record.participants if p.country == "CN"]
    assert [p.name for p in chinese] == [guest]


SESSION = (
    "15 ноября в Ашхабаде состоялось очередное заседание Туркменско-российской межправительственной "
    "комиссии по экономическому сотрудничеству. "
)


@pytest.mark.parametrize(
    "chairs",
    [
        "Заседание провели сопредседатели комиссии – заместитель Председателя Кабинета Министров Туркменистана "
        "Рашид Мередов и министр энергетики России Николай Шульгинов.",
        "Сопредседателями комиссии выступили заместитель Председателя Кабинета Министров Туркменистана "
        "Рашид Мередов и министр энергетики России Николай Шульгинов.",
    ],
)
def test_co_chairs_named_after_a_commission_session_take_part(chairs: str) -> None:
    records = parse_meetings(SESSION + chairs, published=date(2023, 11, 16), language="ru")
    assert [r.kind for r in records] == ["commission"]
    assert {(p.name, p.country) for p in records[0].participants} == {
        ("Рашид Мередов", "TM"),
        ("Николай Шульгинов", "RU"),
    }
    assert records[0].location is not None and records[0].location.city == "Ashgabat"
