"""Whole short reports of our own, in the house styles of the region's outlets: expected
(kind, countries, named participants) per report; an empty list means no meeting."""

from __future__ import annotations

from datetime import date

import pytest

from tests.meetings.helpers import names, parse

PUB = date(2024, 10, 10)  # a Thursday

REPORTS = [
    ("Baku, October 10, AZERTAC\n\nPresident of the Republic of Azerbaijan Ilham Aliyev has received a delegation "
     "led by Minister of Foreign Affairs of the Republic of Uzbekistan Bakhtiyor Saidov.\n\nThe head of state noted "
     "that the strategic partnership between Azerbaijan and Uzbekistan is developing successfully.",
     [("meeting", ("AZ", "UZ"), ["Ilham Aliyev", "Bakhtiyor Saidov"])]),
    ("BAKU, Azerbaijan, October 10. Azerbaijan's Prime Minister Ali Asadov met with Deputy Prime Minister of "
     "Kazakhstan Serik Zhumangarin, Trend reports.\nThe sides discussed transport and logistics.",
     [("meeting", ("AZ", "KZ"), ["Ali Asadov", "Serik Zhumangarin"])]),
    ("On October 9, 2024, the Minister of Foreign Affairs of Turkmenistan Rashid Meredov met with the newly "
     "appointed Ambassador of the Republic of Korea to Turkmenistan Park Sung-ho, who presented a copy of his "
     "credentials.\nDuring the meeting, the parties discussed bilateral relations.",
     [("credentials", ("KR", "TM"), ["Rashid Meredov", "Park Sung-ho"])]),
    ("Political consultations between the Ministries of Foreign Affairs of Turkmenistan and the Republic of "
     "Tajikistan were held in Dushanbe on 8 October 2024.\nThe Turkmen delegation was headed by Deputy Minister of "
     "Foreign Affairs Vepa Hajiyev. The Tajik side was represented by First Deputy Minister of Foreign Affairs "
     "Sodiq Imomi.",
     [("consultations", ("TJ", "TM"), ["Vepa Hajiyev", "Sodiq Imomi"])]),
    ("Turkish President Recep Tayyip Erdogan had a phone call with his Azerbaijani counterpart Ilham Aliyev on "
     "Wednesday, the Turkish Communications Directorate said.",
     [("phone_call", ("AZ", "TR"), ["Recep Tayyip Erdogan", "Ilham Aliyev"])]),
    ("On October 8, the Deputy Foreign Minister of Azerbaijan Yalchin Rafiyev held a video conference with the "
     "Deputy Secretary-General of the United Nations Amina Mohammed.",
     [("video_call", ("AZ", "UN"), ["Yalchin Rafiyev", "Amina Mohammed"])]),
    ("The 12th meeting of the Intergovernmental Commission on Trade and Economic Cooperation between Uzbekistan and "
     "Kazakhstan was held in Tashkent on October 9. The meeting was co-chaired by Deputy Prime Minister of "
     "Uzbekistan Jamshid Khodjaev and Deputy Prime Minister of Kazakhstan Serik Zhumangarin.",
     [("commission", ("KZ", "UZ"), ["Jamshid Khodjaev", "Serik Zhumangarin"])]),
    ("A meeting of the CIS Council of Heads of State was held in Moscow on October 8. The event was attended by the "
     "leaders of Azerbaijan, Armenia, Belarus, Kazakhstan, Kyrgyzstan, Russia, Tajikistan, Turkmenistan and "
     "Uzbekistan.",
     [("multilateral", ("AM", "AZ", "BY", "CIS", "KG", "KZ", "RU", "TJ", "TM", "UZ"), [])]),
    ("On the sidelines of the CIS summit in Moscow on October 8, President Serdar Berdimuhamedov met with President "
     "of Russia Vladimir Putin. The leaders discussed energy cooperation. Later that day, the Turkmen leader also "
     "held talks with President of Belarus Alexander Lukashenko.",
     [("meeting", ("RU", "TM"), ["Serdar Berdimuhamedov", "Vladimir Putin"]),
      ("meeting", ("BY", "TM"), ["Serdar Berdimuhamedov", "Alexander Lukashenko"])]),
    ("Georgian Foreign Minister Ilia Darchiashvili, who is on an official visit to Baku, was received by President "
     "Ilham Aliyev on Wednesday.",
     [("meeting", ("AZ", "GE"), ["Ilia Darchiashvili", "Ilham Aliyev"])]),
    ("MOSCOW, October 10. /TASS/. Russian Foreign Minister Sergey Lavrov and his Uzbek counterpart Bakhtiyor Saidov "
     "discussed bilateral cooperation during talks in Moscow, the Russian Foreign Ministry said.",
     [("meeting", ("RU", "UZ"), ["Sergey Lavrov", "Bakhtiyor Saidov"])]),
    ("On October 9, in New York, Azerbaijani Foreign Minister Jeyhun Bayramov met with Foreign Minister of Singapore "
     "Vivian Balakrishnan and Foreign Minister of Malta Ian Borg.",
     [("meeting", ("AZ", "SG"), ["Jeyhun Bayramov", "Vivian Balakrishnan"]),
      ("meeting", ("AZ", "MT"), ["Jeyhun Bayramov", "Ian Borg"])]),
    ("The Kazakh-Uzbek talks took place in Tashkent on Wednesday.", [("meeting", ("KZ", "UZ"), [])]),
    ("Azerbaijan's Deputy Prime Minister Shahin Mustafayev and Russia's Deputy Prime Minister Alexei Overchuk "
     "co-chaired the 23rd meeting of the intergovernmental commission in Baku on October 9.",
     [("commission", ("AZ", "RU"), ["Shahin Mustafayev", "Alexei Overchuk"])]),
    ("The foreign ministers of Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan gathered in Astana "
     "for their consultative meeting. The ministers discussed water issues.",
     [("multilateral", ("KG", "KZ", "TJ", "TM", "UZ"), [])]),
    ("The presidents of Azerbaijan and Turkmenistan held a telephone conversation on October 9.",
     [("phone_call", ("AZ", "TM"), [])]),
    ("According to the press service of the Kazakh Foreign Ministry, Murat Nurtleu met with the Ambassador of "
     "Germany to Kazakhstan Monika Iwersen.", [("meeting", ("DE", "KZ"), ["Murat Nurtleu", "Monika Iwersen"])]),
    ("Azerbaijani Foreign Minister Jeyhun Bayramov took part in the meeting of the Council of Foreign Ministers of "
     "the Organization of Turkic States in Budapest on October 9.", [("multilateral", ("AZ", "HU", "OTS"),
                                                                     ["Jeyhun Bayramov"])]),
    ("The trilateral meeting of the foreign ministers of Azerbaijan, Georgia and Türkiye was held in Baku on "
     "October 9.", [("multilateral", ("AZ", "GE", "TR"), [])]),
    ("Ilham Aliyev, Recep Tayyip Erdogan and Serdar Berdimuhamedov held a trilateral summit in Awaza on Wednesday.",
     [("multilateral", ("AZ", "TM", "TR"), ["Ilham Aliyev", "Recep Tayyip Erdogan", "Serdar Berdimuhamedov"])]),
    ("Vladimir Putin held talks with President of Turkmenistan Serdar Berdimuhamedov, who arrived in Russia on an "
     "official visit. The talks took place in the Kremlin.",
     [("meeting", ("RU", "TM"), ["Vladimir Putin", "Serdar Berdimuhamedov"])]),
    ("President Tokayev received Chairman of the Board of the Eurasian Development Bank Nikolai Podguzov.",
     [("meeting", ("EDB", "KZ"), ["Tokayev", "Nikolai Podguzov"])]),
    ("Turkmen President Serdar Berdimuhamedov paid a state visit to Türkiye on 8-9 October.",
     [("visit", ("TM", "TR"), ["Serdar Berdimuhamedov"])]),
    ("President Ilham Aliyev received a phone call from President of Türkiye Recep Tayyip Erdogan.",
     [("phone_call", ("AZ", "TR"), ["Ilham Aliyev", "Recep Tayyip Erdogan"])]),
    ("In a phone call with Turkish President Recep Tayyip Erdogan, President Ilham Aliyev discussed regional issues.",
     [("phone_call", ("AZ", "TR"), ["Recep Tayyip Erdogan", "Ilham Aliyev"])]),
    ("The foreign ministers of Azerbaijan and Georgia are holding talks in Tbilisi today.",
     [("meeting", ("AZ", "GE"), [])]),
    ("Baku and Ashgabat held political consultations on Tuesday.", [("consultations", ("AZ", "TM"), [])]),
    ("The talks between Baku and Yerevan took place in Almaty.", [("meeting", ("AM", "AZ"), [])]),
    ("The Ambassador of Azerbaijan Khazar Ibrahim called on Prime Minister Shehbaz Sharif in Islamabad.",
     [("meeting", ("AZ", "PK"), ["Khazar Ibrahim", "Shehbaz Sharif"])]),
    ("Uzbek Foreign Minister Bakhtiyor Saidov sat down with his Kazakh counterpart Murat Nurtleu in Astana.",
     [("meeting", ("KZ", "UZ"), ["Bakhtiyor Saidov", "Murat Nurtleu"])]),
    ("In a meeting with Chinese Foreign Minister Wang Yi, Turkmen Foreign Minister Rashid Meredov stressed energy "
     "cooperation.", [("meeting", ("CN", "TM"), ["Wang Yi", "Rashid Meredov"])]),
    ("Georgian Foreign Minister Ilia Darchiashvili was hosted by Azerbaijani Foreign Minister Jeyhun Bayramov.",
     [("meeting", ("AZ", "GE"), ["Ilia Darchiashvili", "Jeyhun Bayramov"])]),
    ("Azerbaijani Foreign Minister Jeyhun Bayramov attended a meeting of the CIS Council of Foreign Ministers in "
     "Minsk on Tuesday.", [("multilateral", ("AZ", "BY", "CIS"), ["Jeyhun Bayramov"])]),
    ("Turkish Foreign Minister Hakan Fidan arrived in Baku on an official visit on Monday. Talks are planned.",
     [("visit", ("AZ", "TR"), ["Hakan Fidan"])]),
    ("The co-chairs of the Turkmen-Russian intergovernmental commission held a meeting in Moscow.",
     [("meeting", ("RU", "TM"), [])]),
    ("The foreign ministers of Azerbaijan, Georgia and Türkiye held trilateral consultations in Tbilisi.",
     [("multilateral", ("AZ", "GE", "TR"), [])]),
    ("President Ilham Aliyev receives Georgian Prime Minister Irakli Kobakhidze in Baku today.",
     [("meeting", ("AZ", "GE"), ["Ilham Aliyev", "Irakli Kobakhidze"])]),
    ("Talks with President of Turkmenistan Serdar Berdimuhamedov were held in the Kremlin.",
     [("meeting", ("RU", "TM"), ["Serdar Berdimuhamedov"])]),
    ("President Ilham Aliyev congratulated President Serdar Berdimuhamedov on his birthday in a phone call.",
     [("phone_call", ("AZ", "TM"), ["Ilham Aliyev", "Serdar Berdimuhamedov"])]),
    ("In a phone call, Turkish President Recep Tayyip Erdogan expressed condolences to President Ilham Aliyev.",
     [("phone_call", ("AZ", "TR"), ["Recep Tayyip Erdogan", "Ilham Aliyev"])]),
    ("The state visit of President of Kazakhstan Kassym-Jomart Tokayev to Turkmenistan began today with an official "
     "welcome ceremony.", [("visit", ("KZ", "TM"), ["Kassym-Jomart Tokayev"])]),
    ("The state visit of President of Kazakhstan Kassym-Jomart Tokayev to Turkmenistan began today. The presidents "
     "held talks in a narrow format.", [("meeting", ("KZ", "TM"), ["Kassym-Jomart Tokayev"])]),
    # not meetings
    ("The EU and Central Asia have held annual ministerial meetings since 2005.", []),
    ("A delegation of the Turkish company Calik Holding met with the Minister of Energy of Turkmenistan.", []),
    ("The Azerbaijani-Turkish business forum was held in Baku on Tuesday with the participation of over 200 "
     "companies.", []),
    ("The meeting of the CIS Council of Heads of Government, scheduled for March 10 in Moscow, has been postponed.",
     []),
    ("The last visit of President Tokayev to Turkmenistan took place in 2023.", []),
    ("The minister said the issue could be resolved by phone.", []),
    ("A meeting of the Security Council of Azerbaijan was held in Baku.", []),
    ("Leaders meet regularly, the minister said.", []),
    ("The Foreign Ministry expressed its position at a meeting of the UN Security Council.", []),
    ("President Ilham Aliyev attended the opening ceremony of the forum.", []),
    ("The European Union called on Azerbaijan and Armenia to resume talks.", []),
    ("President Ilham Aliyev called on the international community to support the peace agenda.", []),
    ("The meeting between Ilham Aliyev and Vladimir Putin in Moscow last week showed that relations remain "
     "pragmatic. Observers note that the two leaders have met more than twenty times since 2020.", []),
    ("Foreign Minister Jeyhun Bayramov is expected to visit Ashgabat on October 12, the ministry's spokesperson "
     "said. During the visit, Bayramov will meet with President Serdar Berdimuhamedov.", []),
    ("In an interview with Report, the Ambassador of Türkiye to Azerbaijan Cahit Bagci said that President Erdogan "
     "and President Aliyev met five times last year.", []),
    ("On October 9, President of Turkmenistan Serdar Berdimuhamedov received Deputy Chairman of the Cabinet of "
     "Ministers Rashid Meredov, who reported on the results of his recent trips.", []),
    ("Azerbaijani Foreign Minister Jeyhun Bayramov and his Armenian counterpart Ararat Mirzoyan had met in Almaty on "
     "October 8. The talks are expected to resume next month.", []),
    ("Kazakh Foreign Minister Murat Nurtleu visited the Embassy of Iran in Astana and signed the book of "
     "condolences.", []),
    ("Presidents of Uzbekistan and Kazakhstan will hold talks in Tashkent today.", []),
    ("President Ilham Aliyev met with representatives of the Azerbaijani community in France and Belgium.", []),
    ("A meeting of the Security Council of Azerbaijan was held under the chairmanship of President Ilham Aliyev.", []),
    ("The Azerbaijani side received a note from the Armenian side.", []),
    ("Ambassador Terhi Hakala took part in a series of high-level meetings and discussions with key partners.", []),
    ("President Ilham Aliyev held talks on the sidelines of the summit in Astana.", []),
    ("EU Special Representative Eduards Stiprais arrived in Ashgabat on Monday. Talks and meetings are planned.", []),
    ("Ambassadors of 14 countries have gathered in Astana for the forthcoming credentials ceremony.", []),
    ("President of Turkmenistan Serdar Berdimuhamedov sent a congratulatory message to President of Kazakhstan "
     "Kassym-Jomart Tokayev on the occasion of his birthday.", []),
    ("On October 9, President Shavkat Mirziyoyev held a meeting with the heads of regions and ministers on the "
     "harvest campaign.", []),
    ("Kazakh President Kassym-Jomart Tokayev will pay a state visit to Azerbaijan on October 14-15, the Akorda press "
     "service reported. During the visit, he is expected to hold talks with President Ilham Aliyev.", []),
    ("In an interview with Euronews, Foreign Minister Jeyhun Bayramov said that his meetings with Armenian Foreign "
     "Minister Ararat Mirzoyan had been constructive.", []),
    ("The national football teams of Turkmenistan and Uzbekistan played a friendly match in Ashgabat on Wednesday, "
     "ending in a 1-1 draw.", []),
    ("The opening ceremony of the Days of Culture of Uzbekistan in Turkmenistan took place in Ashgabat on October 9 "
     "with the participation of the ministers of culture of the two countries.", []),
    ("Azerbaijani Foreign Minister Jeyhun Bayramov met with students of ADA University on Tuesday.", []),
    ("A meeting between the foreign ministers of Armenia and Azerbaijan is scheduled for October 15 in Almaty.", []),
]


@pytest.mark.parametrize(("text", "expected"), REPORTS, ids=[f"r{i:02d}" for i in range(len(REPORTS))])
def test_report(text: str, expected: list[tuple[str, tuple[str, ...], list[str]]]) -> None:
    recs = parse(text, published=PUB)
    assert [(r.kind, r.countries, [n for n in names(r) if n]) for r in recs] == expected


def test_landmark_gives_the_city() -> None:
    rec = parse(REPORTS_BY_START["Vladimir Putin held talks"], published=PUB)[0]
    assert rec.location is not None and (rec.location.city, rec.location.country) == ("Moscow", "RU")


REPORTS_BY_START = {text[:25]: text for text, _ in REPORTS}


LONGER = [
    (date(2022, 11, 29),
     "The 10th meeting of the Turkmen-Azerbaijani Intergovernmental Commission on Economic Cooperation took place in "
     "Baku on November 29.\n\nThe Turkmen delegation was led by Deputy Chairman of the Cabinet of Ministers Khojamyrat "
     "Geldimyradov, and the Azerbaijani side by Deputy Prime Minister Shahin Mustafayev.\n\nFollowing the meeting, the "
     "sides signed a protocol. The previous meeting of the Commission was held in Ashgabat in 2021.",
     [("commission", ("AZ", "TM"), ["Khojamyrat Geldimyradov", "Shahin Mustafayev"], "Baku")]),
    (date(2024, 1, 18),
     "Davos, January 18, AZERTAC\n\nPresident of the Republic of Azerbaijan Ilham Aliyev has met with President of the "
     "World Economic Forum Borge Brende in Davos.\n\nNoting that he is attending the Davos Forum for the 12th time, "
     "the head of state said he had met with Klaus Schwab many times.\n\nOn the same day, President Ilham Aliyev "
     "also met with Prime Minister of Georgia Irakli Garibashvili.",
     [("meeting", ("AZ", "WEF"), ["Ilham Aliyev", "Borge Brende"], "Davos"),
      ("meeting", ("AZ", "GE"), ["Ilham Aliyev", "Irakli Garibashvili"], "Davos")]),
    (date(2019, 5, 24),
     "Uzbek Foreign Minister Abdulaziz Kamilov, who is on a working visit to Kazakhstan, held talks with his Kazakh "
     "counterpart Beibut Atamkulov in Nur-Sultan on Friday.\n\nThe ministers discussed preparations for the upcoming "
     "visit of President Shavkat Mirziyoyev to Kazakhstan. Kamilov was also received by First President Nursultan "
     "Nazarbayev.\n\nThe ministers will meet again in Tashkent in September.",
     [("meeting", ("KZ", "UZ"), ["Abdulaziz Kamilov", "Beibut Atamkulov"], "Nur-Sultan"),
      ("meeting", ("KZ", "UZ"), ["Abdulaziz Kamilov", "Nursultan Nazarbayev"], "Nur-Sultan")]),
    (date(2024, 3, 8),
     "H.E. Ambassador Kaha Imnadze, UN Special Representative for Central Asia, made an official visit to Kyrgyzstan "
     "from 4 to 6 March 2024.\n\nDuring the visit he met Mr. Jeenbek Kulubaev, Minister of Foreign Affairs, the "
     "Minister of Health, and Mr. Daniyar Amangeldiev, Minister of Economy and Commerce. He also held meetings with "
     "OSCE Head of Programme Alexey Rogov and the Ambassadors of France and Germany.\n\nOn 5 March, he gave a "
     "lecture at the Diplomatic Academy.",
     [("meeting", ("KG", "UN"), ["Kaha Imnadze", "Jeenbek Kulubaev"], None),
      ("meeting", ("KG", "UN"), ["Kaha Imnadze"], None),
      ("meeting", ("KG", "UN"), ["Kaha Imnadze", "Daniyar Amangeldiev"], None),
      ("meeting", ("OSCE", "UN"), ["Kaha Imnadze", "Alexey Rogov"], None),
      ("meeting", ("FR", "UN"), ["Kaha Imnadze"], None),
      ("meeting", ("DE", "UN"), ["Kaha Imnadze"], None)]),
    (date(2024, 3, 6),
     "Tashkent, March 6, UzA\n\nThe Ministry of Foreign Affairs of Uzbekistan and the Ministry of Foreign Affairs of "
     "Latvia held the second round of political consultations in Riga, the Latvian capital.\n\nDeputy Foreign "
     "Minister Bakhrom Aloev headed the Uzbek delegation, and State Secretary of the Ministry of Foreign Affairs "
     "Andzejs Viluma led the Latvian side.\n\nDuring his visit, Bakhrom Aloev also met a number of Latvian officials "
     "and visited the University of Latvia.",
     [("consultations", ("LV", "UZ"), ["Bakhrom Aloev", "Andzejs Viluma"], "Riga"),
      ("meeting", ("LV", "UZ"), ["Bakhrom Aloev"], "Riga")]),
    (date(2024, 5, 3),
     "By Staff reporter\n\nAzerbaijan's Foreign Ministry has expressed concern over the statement of the French "
     "Foreign Minister. Spokesperson Aykhan Hajizada said that the statement contradicts the spirit of the Paris talks "
     "held in February. The ministry recalled that Foreign Minister Jeyhun Bayramov met his French counterpart in "
     "Paris on February 20.", []),
]


@pytest.mark.parametrize(("published", "text", "expected"), LONGER, ids=[f"l{i}" for i in range(len(LONGER))])
def test_longer_report(published: date, text: str, expected: list[tuple[str, tuple[str, ...], list[str], str]]) -> None:
    recs = parse(text, published=published)
    got = [(r.kind, r.countries, [n for n in names(r) if n], r.location.city if r.location else None) for r in recs]
    assert got == expected


def test_council_of_an_organisation_meeting_as_such() -> None:
    recs = parse("The Council of Foreign Ministers of the member states of the OTS met on 7 October 2024 in Istanbul "
                 "and held detailed consultations on regional developments.", published=PUB)
    assert [(r.kind, r.countries) for r in recs] == [("multilateral", ("OTS", "TR"))]


def test_a_day_of_the_head_of_state() -> None:
    recs = parse("On October 9, President of Turkmenistan Serdar Berdimuhamedov received the Minister of Foreign "
                 "Affairs of the Republic of Korea Cho Tae-yul, who arrived in Ashgabat on a working visit.\n\nOn the "
                 "same day, the President of Turkmenistan received the Chairman of the Board of Directors of Hyundai "
                 "Engineering Kim Young-ki.\n\nLater, the head of state held a telephone conversation with the "
                 "President of the Republic of Tajikistan Emomali Rahmon.", published=PUB)
    assert [(r.kind, r.countries, names(r), r.location.city if r.location else None) for r in recs] == [
        ("meeting", ("KR", "TM"), ["Serdar Berdimuhamedov", "Cho Tae-yul"], "Ashgabat"),
        ("phone_call", ("TJ", "TM"), ["Serdar Berdimuhamedov", "Emomali Rahmon"], None),
    ]
