"""Who is named: titles before or after names, countries from possessives, demonyms and "of X"."""

from scraper.meetings.en import ENTITY_WORDS
from scraper.meetings.gazetteer import load
from scraper.meetings.people import GROUP, PERSON, STATE, TITLE, find_entities

GAZ = load("en")


def ents(text: str):
    return find_entities(text, GAZ, ENTITY_WORDS).entities


def people(text: str):
    return [(e.name, e.country) for e in ents(text) if e.kind == PERSON]


def test_title_before_name_with_possessive_country() -> None:
    assert people("Yesterday Kazakhstan's Minister of Energy Almasadam Satkaliyev arrived.") == [
        ("Almasadam Satkaliyev", "KZ")
    ]


def test_title_after_name_as_appositive() -> None:
    found = [e for e in ents("He received Nodira Karimova, Deputy Minister of Foreign Affairs of Uzbekistan, today.")
             if e.kind == PERSON]
    assert (found[0].name, found[0].country, found[0].office) == (
        "Nodira Karimova", "UZ", "deputy_foreign_minister")


def test_initials_and_patronymic() -> None:
    assert people("the Deputy Head of the MFA of Turkmenistan B. Hojamuradov spoke") == [("B. Hojamuradov", "TM")]
    assert people("Foreign Minister Elnur Rafig oglu Aliyev of Azerbaijan") == [("Elnur Rafig oglu Aliyev", None)]


def test_adjective_and_office_implied_country() -> None:
    assert people("Latvian President Anna Berzina and Chairman of the Halk Maslahaty Dovlet Orazov") == [
        ("Anna Berzina", "LV"), ("Dovlet Orazov", "TM")]


def test_ambassador_of_one_country_to_another() -> None:
    assert people("Ambassador of Japan to Azerbaijan Kenta Ono") == [("Kenta Ono", "JP")]
    assert people("Kenta Ono, Ambassador Extraordinary and Plenipotentiary of Japan to Azerbaijan,") == [
        ("Kenta Ono", "JP")]


def test_organisation_officials() -> None:
    assert people("UN Resident Coordinator Maria Lopez and OSCE Representative Jan Novak") == [
        ("Maria Lopez", "UN"), ("Jan Novak", "OSCE")]


def test_title_only_mentions_and_plural_lists() -> None:
    found = [(e.kind, e.country, e.plural) for e in ents("She met the Minister of Culture and the Ambassadors of "
                                                          "the US, the UK and TR.")]
    assert (TITLE, None, False) in found
    assert [c for k, c, p in found if p] == ["US", "GB", "TR"]


def test_groups_and_states() -> None:
    kinds = [(e.kind, e.country) for e in ents("the Turkmen side and Hungarian officials; Pakistan and Oman")]
    assert (GROUP, "TM") in kinds and ((GROUP, "HU") in kinds or (TITLE, "HU") in kinds)
    assert (STATE, "PK") in kinds and (STATE, "OM") in kinds


def test_organisation_names_are_not_people() -> None:
    assert people("at the Heydar Aliyev Center and the Nursultan Nazarbayev Foundation") == []


def test_counterpart_takes_its_adjective() -> None:
    assert people("held talks with his Georgian counterpart Nika Beridze") == [("Nika Beridze", "GE")]


def test_two_titles_of_one_person_separated_by_a_comma() -> None:
    found = [e for e in ents("The Deputy Chairman of the Cabinet of Ministers, Minister of Foreign Affairs of "
                             "Turkmenistan Rashid Meredov received the delegation.")]
    assert [(e.kind, e.name, e.country) for e in found] == [(PERSON, "Rashid Meredov", "TM")]


def test_a_city_word_can_be_a_first_name() -> None:
    assert people("a delegation headed by Baghdad Amreyev, Secretary General of the Turkic Council") == [
        ("Baghdad Amreyev", "OTS")]


def test_plural_title_with_coordinated_adjectives_and_names_respectively() -> None:
    assert people("Azerbaijani and Armenian deputy prime ministers Shahin Mustafayev and Mher Grigoryan met.") == [
        ("Shahin Mustafayev", "AZ"), ("Mher Grigoryan", "AM")]
