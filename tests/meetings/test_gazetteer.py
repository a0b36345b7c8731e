"""Gazetteers are data: countries (pycountry + our demonyms), organisations, cities, offices."""

from scraper.meetings.gazetteer import CITY, COUNTRY, INSTITUTION, ORG, REGION, fold_surname, load

GAZ = load("en")


def refs(text: str) -> list[tuple[str, str, str]]:
    return [(p.text, p.ref.code, p.ref.type) for p in GAZ.find_places(text)]


def test_countries_by_name_adjective_and_possessive() -> None:
    found = GAZ.find_places("Azerbaijan's minister met the Turkmen envoy and officials of the Republic of Türkiye.")
    assert [(p.ref.code, p.possessive) for p in found] == [("AZ", True), ("TM", False), ("TR", False)]


def test_pycountry_supplies_official_names() -> None:
    assert ("People's Republic of Bangladesh", "BD", COUNTRY) in refs("the People's Republic of Bangladesh")


def test_organisations_with_old_names() -> None:
    assert refs("the Turkic Council") == [("Turkic Council", "OTS", ORG)]
    assert refs("Cooperation Council of Turkic-speaking States")[0][1] == "OTS"
    assert refs("the OSCE and the UN")[0][1] == "OSCE"


def test_cities_and_resorts() -> None:
    for city, code in (("Awaza", "TM"), ("Turkmenbashi", "TM"), ("Ganja", "AZ"), ("Sochi", "RU"),
                       ("Antalya", "TR"), ("Davos", "CH"), ("Istanbul", "TR")):
        assert refs(f"held in {city}") == [(city, code, CITY)]


def test_regions_and_institutions() -> None:
    r = GAZ.find_places("the Central Asian countries")[0]
    assert r.ref.type == REGION and set(r.ref.members) == {"KZ", "KG", "TJ", "TM", "UZ"}
    assert refs("the Milli Majlis")[0][1:] == ("AZ", INSTITUTION)


def test_offices_longest_first() -> None:
    offs = [(o.text, o.office) for o in GAZ.find_offices("the Deputy Minister of Foreign Affairs and the FM")]
    assert offs[0] == ("Deputy Minister of Foreign Affairs", "deputy_foreign_minister")
    halk = GAZ.find_offices("Chairman of the Halk Maslahaty")[0]
    assert (halk.office, halk.country) == ("halk_chairman", "TM")


def test_people_fallback_and_folding() -> None:
    assert GAZ.person_country(fold_surname("Berdimuhamedow")) == "TM"
    assert fold_surname("Erdoğan") == fold_surname("Erdogan")
    assert fold_surname("Mammadov") == fold_surname("Mamadov")


def test_russian_column_loads_even_when_empty() -> None:
    ru = load("ru")
    assert ru.language == "ru"
