"""Russian names in every case come back in the nominative (pymorphy3 plus name declension).

All sentences and names here are our own; none is taken from the evaluation data.
"""

from __future__ import annotations

import pytest

from scraper.meetings.ru_morph import lemmas, name_readings, nominative_name, title_cases, to_nominative


@pytest.mark.parametrize(
    ("tokens", "context", "expected"),
    [
        (("Сергеем", "Лавровым"), "ablt", "Сергей Лавров"),
        (("Сергея", "Лаврова"), "gent", "Сергей Лавров"),
        (("Сергею", "Лаврову"), "datv", "Сергей Лавров"),
        (("Марии", "Захаровой"), "", "Мария Захарова"),
        (("Марией", "Захаровой"), "ablt", "Мария Захарова"),
        # foreign names the dictionary only guesses: the title's case decides
        (("Эльдаром", "Гусейновым"), "ablt", "Эльдар Гусейнов"),
        (("Нурлана", "Ермекбаева"), "gent", "Нурлан Ермекбаев"),
        (("Нурлану", "Ермекбаеву"), "datv", "Нурлан Ермекбаев"),
        (("Мевлютом", "Чавушоглу"), "ablt", "Мевлют Чавушоглу"),
        (("Ильхама", "Алиева"), "accs", "Ильхам Алиев"),
        (("Хельгой", "Шмид"), "ablt", "Хельга Шмид"),
        (("Ирины", "Кравченко"), "gent", "Ирина Кравченко"),
        (("Ивицей", "Дачичем"), "ablt", "Ивица Дачич"),
        (("Давиду", "Залкалиани"), "datv", "Давид Залкалиани"),
        (("Мамметгулы", "Бердыева"), "gent", "Мамметгулы Бердыев"),
        (("Касым-Жомарта", "Токаева"), "gent", "Касым-Жомарт Токаев"),
    ],
)
def test_names_in_oblique_cases_come_back_in_the_nominative(tokens: tuple[str, ...], context: str,
                                                              expected: str) -> None:
    ctx = frozenset({context}) if context else frozenset()
    assert nominative_name(tokens, ctx) == expected


def test_nominative_names_stay_as_written() -> None:
    assert nominative_name(("Реджеп", "Тайип", "Эрдоган"), frozenset({"nomn"})) == "Реджеп Тайип Эрдоган"
    assert nominative_name(("Анна", "Ивановна", "Петрова")) == "Анна Ивановна Петрова"


def test_instrumental_surname_reads_as_instrumental_without_context() -> None:
    assert nominative_name(("Ахметом", "Гурбановым")) == "Ахмет Гурбанов"


def test_initials_keep_their_shape_in_either_order() -> None:
    assert nominative_name(("А.", "Гурбановым"), frozenset({"ablt"})) == "А. Гурбанов"
    assert nominative_name(("Гурбанова", "А."), frozenset({"gent"})) == "Гурбанов А."
    assert nominative_name(("Дж.", "Байрамову"), frozenset({"datv"})) == "Дж. Байрамов"


def test_readings_are_ranked_and_unique() -> None:
    rs = name_readings(("Джейхуна", "Байрамова"))
    names = [r[1] for r in rs]
    assert len(names) == len(set(names))
    assert "Джейхун Байрамов" in names[:2]  # masculine genitive or feminine nominative


def test_title_helpers() -> None:
    assert to_nominative("заместителем") == "заместитель"
    assert "ablt" in title_cases("министром") and "ablt" in title_cases("генеральным")
    assert "азербайджанский" in lemmas("азербайджанской")


def test_cyrillic_surnames_fold_like_their_english_spellings() -> None:
    from scraper.meetings.gazetteer import fold_surname

    for ru_name, en_name in (("Токаев", "Tokayev"), ("Мирзиёев", "Mirziyoyev"), ("Алиев", "Aliyev"),
                             ("Бердымухамедов", "Berdimuhamedov"), ("Гурбанов", "Gurbanov"),
                             ("Мамедъяров", "Mamedyarov"), ("Матвиенко", "Matviyenko")):
        assert fold_surname(ru_name) == fold_surname(en_name)


def test_titles_in_the_nominative_agree_with_their_head() -> None:
    from scraper.meetings.ru_morph import phrase_nominative

    assert phrase_nominative(["Чрезвычайным", "и", "Полномочным", "Послом", "Республики"]) == [
        "Чрезвычайный", "и", "Полномочный", "Посол", "Республики"]
    assert phrase_nominative(["Верховным", "духовным", "лидером"]) == ["Верховный", "духовный", "лидер"]
