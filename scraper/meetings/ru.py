"""Russian rules: the words and sentence patterns of Russian-language press releases.

Everything Russian lives here, in ``ru_people.py`` / ``ru_gazetteer.py`` / ``ru_morph.py`` and
in the ``ru_*.toml`` data files: month names, meeting verbs and nouns ("встретился", "провел
переговоры", "состоялись политические консультации", "позвонил", "вручил копии верительных
грамот"), the cues that make a mention not a meeting (future tense, "напомнили о визите",
"договорились провести"), datelines ("БАКУ, 30 марта.", "БАКУ /Trend/ -") and attributions
("сообщает Report"). The calendar, record assembly and merging are shared with English.

``parse_meetings(language="ru")`` finds this module through ``Rules``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from scraper.meetings import memo
from scraper.meetings.analysis import BACKREF, STRONG, VISIT, Place, SentenceInfo, Trigger
from scraper.meetings.dates import (
    EXPLICIT,
    MONTH,
    RELATIVE,
    DateMention,
    DatePatterns,
    DateWords,
    find_dates,
    infer_year,
    pick_date,
)
from scraper.meetings.gazetteer import CITY, COUNTRY, PlaceMention, fold_surname, load
from scraper.meetings.matching import gated
from scraper.meetings.people import GROUP, PERSON, STATE, TITLE, Entity
from scraper.meetings.ru_gazetteer import _read, load_ru, tokenize
from scraper.meetings.ru_morph import readings
from scraper.meetings.ru_people import EntityFinder
from scraper.meetings.text import Sentence
from scraper.meetings.topics import KeywordTagger

_MONTHS = {
    "января": 1, "январь": 1, "январе": 1, "янв": 1, "февраля": 2, "февраль": 2, "феврале": 2, "фев": 2,
    "марта": 3, "март": 3, "марте": 3, "мар": 3, "апреля": 4, "апрель": 4, "апреле": 4, "апр": 4,
    "мая": 5, "май": 5, "мае": 5, "июня": 6, "июнь": 6, "июне": 6, "июн": 6, "июля": 7, "июль": 7,
    "июле": 7, "июл": 7, "августа": 8, "август": 8, "августе": 8, "авг": 8, "сентября": 9,
    "сентябрь": 9, "сентябре": 9, "сен": 9, "сент": 9, "октября": 10, "октябрь": 10, "октябре": 10,
    "окт": 10, "ноября": 11, "ноябрь": 11, "ноябре": 11, "ноя": 11, "нояб": 11, "декабря": 12,
    "декабрь": 12, "декабре": 12, "дек": 12,
}
_WEEKDAYS = {
    "понедельник": 0, "вторник": 1, "среду": 2, "среда": 2, "четверг": 3, "пятницу": 4, "пятница": 4,
    "субботу": 5, "суббота": 5, "воскресенье": 6,
}
DATE_WORDS = DateWords(
    months=_MONTHS,
    weekdays=_WEEKDAYS,
    relative={"сегодня": 0, "вчера": -1, "позавчера": -2, "накануне": -1, "сегодня утром": 0,
              "этим утром": 0, "вчера вечером": -1},
    same_day=(r"\bв\s+(?:тот|этот)\s+же\s+день\b", r"\bтогда\s+же\b", r"\bв\s+тот\s+день\b",
              r"\bв\s+(?:первой|второй)\s+половине\s+(?:того\s+же\s+)?дня\b",
              r"\b(?:позднее|позже|ранее)\s+в\s+(?:тот|этот)\s+же\s+день\b", r"\bв\s+этот\s+день\b"),
    day_offsets=((r"\bна\s+следующий\s+день\b", 1), (r"\bд[её]нь\s+спустя\b|\bдн[её]м\s+позже\b", 1),
                 (r"\bдн[её]м\s+ранее\b|\bза\s+день\s+до\s+этого\b", -1),
                 (r"\bчерез\s+два\s+дня\b", 2), (r"\bчерез\s+три\s+дня\b", 3)),
    ordinal_suffix=r"(?:-?(?:го|е|ого))?",
)
MAX_SENTENCE = 1500  # no report sentence is longer; work per sentence stays bounded
_RU_RANGE = gated(
    r"\b(?:с\s+)?(?P<d1>[0-3]?\d)\s+(?:по|и|до)\s+(?P<d2>[0-3]?\d)\s+(?P<month>[а-яё]{3,8})\b"
    r"(?:\s+(?P<year>(?:19|20)\d\d))?", re.I)
_MONTH_ONLY = gated(
    r"\b(?:в|во)\s+(?:(?:начале|середине|конце|первой\s+половине|второй\s+половине)\s+)?"
    r"(?P<month>январ[ея]|феврал[ея]|марте|марта|апрел[ея]|ма[ея]|июн[ея]|июл[ея]|августе|августа|сентябр[ея]|"
    r"октябр[ея]|ноябр[ея]|декабр[ея])(?:\s+(?P<year>(?:19|20)\d\d))?\b(?!\s+[0-3]?\d\b)",
    re.I,
)
_NUMERIC_DATE = gated(r"\b(?P<d>[0-3]?\d)\.(?P<m>[01]\d)\.(?P<y>(?:19|20)?\d\d)\b")

# --- triggers -------------------------------------------------------------------------------
_EVENT_NOUN = (r"(?:встреч[аиуеой]\w*|переговор\w*|консультаци\w*|политконсультаци\w*|беседы?|беседой|беседе|"
               r"беседу|разговор\w*|заседани\w*|саммит\w*|видеоконференци\w*|совещани\w*|сесси[ияюей]\w*|"
               r"раунд\w*|обмен\w* мнениями)")
# (the present, "Лавров проводит в Москве переговоры", is the day's news in a report; a habit
# ("регулярно проводит встречи") is told by its adverb: see _HABITUAL)
_MET = gated(r"\b(?:встретил(?:ся|ась|ись)|встречают?ся\s+с|(?:провел[аи]?|провод(?:ит|ят))\s+(?:[\w-]+,?\s+){0,7}?"
                  r"(?:(?:онлайн-|видео)?встреч[уи]?|переговоры|"
                  r"беседу|беседы|обмен мнениями|(?:[\w-]+\s+){0,2}консультации|телефонн\w+ разговор|"
                  r"заседани[ея]\s+(?:[\w-]+\s+){0,3}?комиссии|саммит|заседани[ея]\s+(?:[\w-]+\s+){0,2}?"
                  r"(?:Совета|СМИД|глав))|(?:по)?беседовал[аи]?|провели\s+(?:[\w-]+\s+){0,3}?"
                  r"(?:встречу|переговоры|консультации|беседу|обмен мнениями)|имел[аи]?\s+беседу|"
                  r"пообщал(?:ся|ась|ись)|"
                  # "Путин успел коротко побеседовать с X": "managed to" tells what was done
                  r"(?:успел[аи]?|смог(?:ла|ли)?)\s+(?:[\w-]+\s+){0,2}?(?:по)?(?:беседовать|встретиться)|"
                  # "Оверчук обсудил с вице-премьером Рашидом Мередовым ...": a talk with someone named
                  r"обсудил[аи]?\s+со?(?=\s+(?:[а-яё,-]+\s+){0,4}[А-ЯЁ])|"
                  r"провел[аи]?\s+(?:[\w-]+\s+){0,4}?(?:серию|ряд|несколько)\s+(?:[\w-]+\s+)?встреч)\b", re.I)
_RECEIVED = gated(r"\bпринял[аи]?\b(?!\s+(?:участие|решени|мер|заявлени|закон|постановлени|документ|"
                       r"резолюци|поздравлени|к сведению|во внимание|присяг|экзамен|парад|программ|план|"
                       r"обращени|предложени|приглашени|бюджет|указ|итогов))", re.I)
_RECEIVED_PASSIVE = gated(r"\bбыл[аи]?\s+(?:(?:также|затем|позднее|тепло)\s+)?принят[аы]?\b(?=\s+[А-ЯЁ])", re.I)
_CREDENTIALS = gated(r"\b(?:принял[аи]?|вручил[аи]?|получил[аи]?)\s+(?:[\w-]+\s+){0,2}?(?:копи[июя]\s+)?"
                          r"верительн\w+\s+грамот\w*|\bвручени\w+\s+(?:копий\s+)?верительн\w+\s+грамот\w*", re.I)
# "Верительные грамоты главе государства вручили послы X, Y и Z": the ones who present them follow
_CREDENTIALS_INVERTED = gated(r"\b(?:копии\s+)?верительн\w+\s+грамот\w*\s+(?:[\w-]+\s+){0,3}?"
                              r"(?:вручил[аи]?|передал[аи]?|предъявил[аи]?)\b", re.I)
# "Также грамоты главе государства передал посол X": letters an ambassador hands over are his
# credentials, even without "верительные" (an award, "почётные грамоты", goes the other way)
_BARE_CREDENTIALS = gated(r"(?<!почетные )(?<!почётные )\bграмот[ыу]\s+(?:[\w-]+\s+){0,3}?"
                          r"(?:вручил[аи]?|передал[аи]?)\s+(?:[\w-]+\s+){0,2}?(?:посол|послы|послов)\b", re.I)
# the guest who presents them, told by a participle: "вручившего копии верительных грамот"
_CREDENTIALS_BY = gated(r"\b(?:вручивш|вручающ|передавш)\w+\s+(?:[\w-]+\s+){0,2}?(?:копи\w+\s+)?"
                             r"верительн\w+\s+грамот", re.I)
_PHONE_VERB = gated(r"\b(?:позвонил[аи]?|созвонил(?:ся|ась|ись)|поговорил[аи]?\s+по\s+телефону|"
                         r"(?:провел[аи]?|имел[аи]?)\s+телефонн\w+\s+(?:разговор|переговоры|беседу))\b", re.I)
_CONTACT_VERB = gated(r"\b(?:обсудил[аи]?|поговорил[аи]?|беседовал[аи]?|обменял(?:ся|ась|ись)\s+мнениями|"
                           r"провел[аи]?|пообщал(?:ся|ась|ись)|связал(?:ся|ась|ись))\b", re.I)
_PHONE_CUE = gated(r"\bпо\s+телефону\b|\bтелефонн\w+\s+(?:разговор|беседы?|переговор|контакт|звон)\w*", re.I)
_VIDEO_CUE = gated(r"\bвидеоконференц\w*|\bвидеосвяз\w*|\bв\s+(?:режиме|формате)\s+онлайн\b|"
                        r"\bв\s+онлайн-формате\b|\bдистанционно\w*|\bонлайн-(?:встреч|переговор|беседы?)\w*|"
                        r"\bвидеовстреч\w*", re.I)
_PREDICATE = gated(r"\b(?:состоял(?:ся|ась|ось|ись)|прош(?:ел|ёл|ла|ло|ли)|проход(?:ит|ят|ил|ила|ило|или)|"
                        r"заверш(?:ил(?:ся|ась|ось|ись)|ает(?:ся)?|аются)|закончил(?:ся|ась|ось|ись)|"
                        r"начал(?:ся|ась|ось|ись)|открыл(?:ся|ась|ось|ись)|был[аио]?\s+проведен[аы]?|"
                        r"организован[аы]?|собрал(?:ся|ись|ась))\b", re.I)
_ADJ_WORD = r"(?:[\w-]+(?:ом|ой|ем|ей|ых|их|ого|его|ым|им|ую|ый|ий|ая|ое|ые|ие)|\d+-?\w*|[IVXLC]+(?:-?[а-я]+)?)"
_AFTER_EVENT = gated(r"\b(?:после|по\s+итогам|по\s+завершении|в\s+ходе|во\s+время|на|в(?=\s+телефонн))\s+(?:" +
                     _ADJ_WORD +
                          r"\s+){0,3}?(?P<n>" + _EVENT_NOUN + r")", re.I)
_VISIT = gated(r"\b(?:прибыл[аи]?|прилетел[аи]?|отбыл[аи]?(?=\s+с\s+(?:[\w-]+\s+)?визитом)|"
               r"посетил[аи]?|находится|находятся|находил(?:ся|ась|ись)|"
                    r"совершил[аи]?|совершает|нанес\w*|завершил[аи]?|побывал[аи]?)\b", re.I)
_COUNCIL = (r"(?:Совета?\s+(?:министров\s+иностранных\s+дел|глав|министров\s+обороны)|СМИД|СГГ|СГП|"
            # the councils of unions of states: "Высшего Евразийского экономического совета"
            r"(?:Высш|Евразийск|Межгосударственн)\w+\s+(?:[\w-]+\s+){0,2}?[Сс]овета?\b|"
            r"глав\s+(?:государств|правительств|МИД|внешнеполитических)|министров\s+иностранных\s+дел\s+"
            r"(?:[\w-]+\s+){0,2}?(?:государств|стран))")
_MULTI_NP = gated(r"(?:саммит|(?:заседани|совещани|встреч|сесси)\w*\s+(?:[\w-]+\s+){0,2}?" + _COUNCIL +
                       r"|СМИД|министерск\w+\s+(?:встреч|заседани|конференци)\w*"
                       # "сессия Совета коллективной безопасности ОДКБ": a council of states in session
                       r"|сесси\w*\s+(?:[\w-]+\s+){0,2}?Совета\b)", re.I)
_TOOK_PART = gated(r"\b(?:принял[аи]?\s+участие|участвовал[аи]?|выступил[аи]?)\s+(?:в|во|на)\s+(?:работе\s+)?"
                        r"(?:" + _ADJ_WORD + r"\s+){0,3}?(?P<n>" + _EVENT_NOUN + r")", re.I)
# "Министры иностранных дел государств-членов ОТГ", "лидеры стран СНГ": several states' holders
_PLURAL_HEADS = gated(r"\b(?:министр(?:ы|ов|ам|ами)|главы|глав|лидер(?:ы|ов)|президент(?:ы|ов))\s+"
                           r"(?:[\w-]+\s+){0,3}?(?:государств|стран)\w*\b", re.I)
_ASSEMBLED = gated(r"\b(?:Совет\w*\s+(?:министров|глав)|СМИД)\b[^.;]{0,80}?\bсобрал(?:ся|ись|ась)\b", re.I)

# --- cues -----------------------------------------------------------------------------------
_FUTURE_WORDS = gated(r"\b(?:будет|будут|буду|предстоящ\w*|предстоит|запланирован\w*|планиру\w+|"
                           r"намечен\w*|намечено|ожидается|ожидаются|намерен\w*|собира\w+|готовит\w*|"
                           r"анонсир\w+|договорил(?:ся|ись|ась)|условил(?:ся|ись)|должен|должна|должны|"
                           r"рассчитыва\w+|пригласил\w*|приглашени\w+|предложил\w*|следующ\w+|очередн\w+\s+"
                           r"(?:раунд|заседани)\w*\s+(?:пройд|состо)\w*|может|могут|смогут?)\b", re.I)
_NEGATION = gated(r"\bне\s+(?:[\w-]+\s+)?$", re.I)
# "заседания комиссии проходили ежегодно", "регулярно проводят консультации": a habit, not a meeting
_HABITUAL = gated(r"\b(?:ежегодно|ежемесячно|ежеквартально|регулярно|периодически|систематически|"
                  r"как правило|каждый год|каждые\s+(?:два|три|полгода)|из года в год)\b", re.I)
_RECENT_AFTER_EARLIER = (r"(?!\s+в\s+(?:тот|этот)\s+(?:же\s+)?день|\s+в\s+течение\s+дня|\s+сегодня|"
                         r"\s+на\s+этой\s+неделе|"
                         r"\s+(?:в|во)\s+(?:понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье))")
_RECALL_BEFORE = gated(r"\b(?:напомнил\w*|напомина\w+|вспомнил\w*|вспомина\w+|прошлогодн\w+|"
                            r"ранее" + _RECENT_AFTER_EARLIER + r"|"
                            r"в прошлом (?:году|месяце)|упомянут\w*|предыдущ\w+|прошедш\w+|бывш\w+|когда-то|"
                            r"в свое время|в своё время|неоднократн\w+|впервые с|"
                            # "договоренностей, достигнутых на саммите": the summit is their source
                            r"достигнут\w*|"
                            # "Ровно год назад, 22-23 августа, ...": an anniversary, not the news
                            r"(?:год|года|лет|месяц\w*|полгода)\s+назад)\b[^.;]*$", re.I)
_RECALL_SENTENCE = gated(r"^(?:Ранее" + _RECENT_AFTER_EARLIER + r"|"
                              r"Напомним|Напомню|Как известно|Перед этим|До этого|Прежде|(?:В\s+)?[Пп]оследний раз|"
                              r"В прошлом году|В (?:19|20)\d\d году|Справка|Для справки|Отметим, что ранее|"
                              # ("Как сообщалось, накануне X провел переговоры": the day before, more of this news)
                              r"(?:Как (?:ранее )?сообщалось|Как сообщал[аи]? ранее|Как (?:ранее )?сообщал[аи]?)\b"
                              r"(?!,?\s+(?:накануне|вчера|сегодня|позавчера)\b))\b",
                              re.I)
_COMMENTARY = gated(r"^(?:Мнение|Интервью|Колонка|Комментарий|Аналитика|Блог|Точка зрения|Эксперт)\b", re.I)

# --- zones that hold no participants ----------------------------------------------------------
_ATTRIBUTION = gated(
    # "Как сообщает пресс-служба МИД Туркменистана, ...": up to the comma that ends it
    r"^\s*как\s+(?:сообщает|сообщают|сообщили|передает|передают|информирует|пишет|отмечает)\b[^,.;]*|"
    r"(?:,\s*|\s[-–—]\s*|^)(?:как\s+)?(?:сообщает|сообщают|сообщил[аи]?|передает|передают|передаёт|информирует|"
    r"пишет|написал[аи]?|рассказал[аи]?|заявил[аи]?|отмечает|отметил[аи]?|проинформировал[аи]?|"
    r"говорится|сообщается)\b[^.;]*?(?=[.!]?\s*$|;|,\s*(?:что|как)\b)|"
    r"\bсо\s+ссылкой\s+на\b[^,.;]*|\b(?:по\s+данным|согласно\s+(?:сообщению|данным|информации)|по\s+информации|"
    r"по\s+словам)\b[^,.;]*|\bоб\s+этом\s+(?:\w+\s+)?(?:сообщил\w*|сообщает\w*|информирует|проинформирова\w+|"
    r"рассказал\w*|написал\w*)[^.;]*",
    re.I,
)
_IN_CAPITAL = gated(r"\bв\s+(?:(?P<adj>[а-яё-]+(?:ой|ей))\s+столице|"
                    r"столице\s+(?P<of>[А-ЯЁ][\w-]+(?:\s+[А-ЯЁ][\w-]+){0,3}))", re.I)
_TOPIC = gated(
    r"\b(?:об?|обо|по\s+вопросам|по\s+поводу|касающ\w+|связанн\w+\s+с|на\s+тему|в\s+связи\s+с|относительно|"
    r"в\s+том\s+числе|включая|с\s+учетом|с\s+учётом|из-за|от\s+имени|по\s+случаю|"
    r"(?:атак|удар|нападени|обстрел|пуск|запуск)\w*|территори\w+|приветстви\w*|пожелани\w*)\b[^;]*?"
    r"(?=,\s|;|$|\s(?-i:[А-ЯЁ][а-яё]+\s[А-ЯЁ][а-яё]+))",  # a topic ends where a full name begins
    re.I,
)
_SETTING = gated(r"\b(?:в\s+рамках|на\s+полях|по\s+приглашению|в\s+присутствии)(?:\s+(?:[\w-]+|«[^»]{1,60}»)){1,4}?"
                      r"(?=\s*[,;.]|\s*$|\s+(?:[А-ЯЁ]|министр|глав|президент|посол|стороны|собеседники|он|она|они)\b)",
                      re.I)
# "Заседание под председательством главы МИД ... прошло": the chair is named, not new parties
_CHAIRED_BY = re.compile(r"\s+под\s+председательством\b", re.I)
# "дал рабочий обед в честь Каи Каллас": the host and the guest of honour meet
_MEAL_IN_HONOUR = gated(r"\b(?:дал[аи]?|устроил[аи]?)\s+(?:(?:рабочий|официальный|торжественный)\s+)?"
                        r"(?:обед|ужин|завтрак)\s+в\s+честь\b", re.I)
_PARTICIPLE_BEFORE = re.compile(r"\b(?:состоявш|прошедш|проходивш|проведенн|проведённ|организованн|подписанн|"
                                r"заключенн|заключённ|принят)\w*\s+"
                                r"(?:[\w-]+\s+){0,2}$", re.I)
# a participle of signing or adopting: the place after it is where a document was made
_SIGNED_PARTICIPLE = re.compile(r",\s*(?:подписанн|заключенн|заключённ|принят|утвержденн|утверждённ)\w*\s+"
                                r"(?:[\w-]+\s+){0,3}(?:в|во)\s+$", re.I)
# "Первой стала встреча с председателем КНР": one of a series of meetings, told by its noun
_SERIES_ITEM = gated(r"\b(?:Первой|Второй|Третьей|Следующей|Затем|Потом|Последней)\s+(?:стала|была|состоялась)\s+"
                     r"(?P<n>встреча|беседа|переговоры)\b(?=\s+с\b)", re.I)
_NOUN_PARTICIPLE = gated(r"\b(?:встреч[аиу]|переговоры|беседа|беседу|консультации)\b[^.;,]{0,160}?,\s*"
                        r"(?P<p>(?:состоявш|прошедш)\w*)", re.I)
_MANAGED = gated(r"\b(?:успел[аи]?|смог(?:ла|ли)?)\b", re.I)
_PLANNED = gated(r"\b(?:запланирован[аоы]?|планируется|планируются|предстоит|предстоят|намечен[аоы]?)\b", re.I)
# reported speech, and a day of the month right after a participle
_SAID_THAT = gated(r"\b(?:отметил[аи]?|заявил[аи]?|сказал[аи]?|подчеркнул[аи]?|сообщил[аи]?|указал[аи]?)\s*,?\s*что\b",
                   re.I)
_NUMBER_DATE_AFTER = re.compile(r"\s+[0-3]?\d\s+[а-яё]+")
_PAST_SESSION = re.compile(r"[^.;]{0,120}?,\s*(?:прошедш|состоявш)\w*\s+(?:[0-3]?\d\s+[а-яё]+|в\s+[А-ЯЁ])", re.I)
_SAME_PLACE = gated(r"\bтам\s+же\b", re.I)
_RELATIVE = gated(r",\s*(?:где|который|которая|которое|которые|которого|которой|которым|которую|"
                       r"чтобы|в\s+ходе\s+котор\w+|после\s+чего)\b", re.I)
# a relative clause on the meeting noun that tells where it was held
_TOLD_WHERE = gated(r",\s*(?:котор(?:ая|ый|ое|ые))\s+(?:[\w-]+\s+){0,2}?" + _PREDICATE.pattern, re.I)
_CLAUSE_BREAK = gated(r";|,\s+(?:а(?!\s+также\s+[А-ЯЁ])|но|однако|при\s+этом)\s+|"
                      r"(?<!\b[А-ЯЁA-Z])(?<!\b[А-ЯЁ][а-яё])\.\s|"
                           # (", а также Посла Венгрии X": the list goes on; ", а также посетил": a new clause)
                           r",\s+а\s+также\s+(?![А-ЯЁ])")

_SUBJECT_REFS = {
    "он": "he", "она": "she", "они": "the parties", "стороны": "the parties", "собеседники": "the parties",
    "министры": "the parties", "лидеры": "the parties", "президенты": "the parties", "участники": "the parties",
}
_HEAD = gated(r"\b(?:возглавлял[аи]?|возглавил[аи]?|возглавляют|возглавляемой|возглавляемую|возглавляемая|"
                   r"под\s+(?:со)?председательством|"
                   r"возглавляемым|во\s+главе\s+с|под\s+руководством|председательствовал[аи]?|"
                   r"сопредседательствовал[аи]?|руководил[аи]?|сопредседател(?:и|ями|ь|ем))\b", re.I)
_ATTEND = gated(r"\b(?:участвовал[аи]?|участвуют|участвует|(?:принял[аи]?|принима(?:ет|ют))\s+участие|"
                     r"присутствовал[аи]?|присутству(?:ет|ют)|в\s+составе|"
                     # "Саммит открыл Президент X": who opens a session takes part in it
                     r"(?:саммит|заседани\w*|сесси\w*)\s+открыл[аи]?|открыл[аи]?\s+(?:саммит|заседани\w*|сесси\w*)|"
                     r"сопровожда\w+|входят|входили|вошли|встречали|встречал[аи]?\s+в\s+аэропорту|"
                     r"также\s+участвовал\w*)\b", re.I)
_DELEGATION = gated(r"\b(?:сопровожда\w+|в\s+составе|(?:входят|входили|вошли)\s+(?:в\s+)?|делегаци\w+\s+"
                         r"(?:входят|входили|вошли))", re.I)
_NOT_SPEAKER_BEFORE = frozenset({"от", "из", "для", "к", "о", "об", "про"})
_BACK_NOUN = gated(r"\b(?:встреч|переговор|бесед|заседани|консультаци)\w*", re.I)
_TALK_VERB = gated(r"\b(?:обсудил[аи]?|отметил[аи]?|подчеркнул[аи]?|выразил[аи]?|рассказал[аи]?|"
                        r"проинформировал[аи]?|обменял(?:ся|ись)|поблагодарил[аи]?|заявил[аи]?|сказал[аи]?|"
                        r"указал[аи]?|констатировал[аи]?|рассмотрел[аи]?)\b", re.I)
_DATELINE = gated(
    r"^\s*(?P<place>[А-ЯЁ][А-ЯЁа-яё-]+(?:[ -][А-ЯЁ][А-ЯЁа-яё-]+)?)"
    r"(?P<rest>(?:\s*[,.]\s*(?P<date>[0-3]?\d\s+[а-яё]{3,9}\.?(?:\s+(?:19|20)\d\d(?:\s+(?:года?|г\.))?)?|"
    r"[0-3]?\d\.[01]\d\.\d{2,4}))?"
    # the agency: "/Trend/", "(ТДХ)", "— Sputnik.", "REPORT.AZ/", "КАЗИНФОРМ –", "INTERFAX.RU -"
    r"\s*[.,]?\s*(?:[-–—]\s*)?(?:/\s*[^/\n]{1,25}/|\([^)]{1,30}\)|"
    r"(?:[A-Z][\w.-]*|[А-ЯЁ]{3,}[\w.-]*)/?(?=\s*[-–—.:/])|(?<=[-–—] )[А-ЯЁ][а-яё]+(?=\.))?\s*[.:/]?\s*"
    r"(?:[-–—]\s*)?(?:/\s*[^/\n]{1,25}/\s*\.?\s*)?)"
)


def _tenses_in(text: str) -> set[str]:
    out: set[str] = set()
    for m in re.finditer(r"[а-яё]+", text.lower()):
        rs = readings(m.group(0))
        if rs and rs[0].pos == "VERB" and rs[0].tense:
            out.add(rs[0].tense)
    return out


def _verb_tense(word: str) -> str | None:
    rs = readings(word)
    for r in rs[:2]:
        if r.pos == "VERB" and r.tense:
            return r.tense
        if r.pos == "INFN":
            return "infn"
    return None


def _not_visit_predicate(verb: str) -> bool:
    """A visit that "began" or "is under way" is not yet one that took place; "состоялся",
    "прошел", "завершился" report it."""
    return bool(re.match(r"(?:начал|открыл|проход)", verb, re.I))


def _up_to_verb(np_text: str) -> str:
    """The noun phrase before its clause's verb: in "встрече с генсеком ОТГ обсуждалась
    подготовка к саммиту" the summit is what was discussed, not what the meeting was."""
    for m in re.finditer(r"[а-яё]+", np_text, re.I):
        rs = readings(m.group(0).lower())
        if rs and rs[0].pos == "VERB":
            return np_text[: m.start()]
    return np_text


def _kind_from_np(np_text: str) -> str:
    low = np_text.lower()
    if "верительн" in low:
        return "credentials"
    if re.search(r"комисси", low) and re.search(r"заседани|сесси", low):
        return "commission"
    if "консультац" in low:
        return "consultations"
    if re.search(r"телефон", low):
        return "phone_call"
    if re.search(r"видео", low):
        return "video_call"
    return "meeting"


@dataclass(slots=True)
class _Span:
    start: int
    end: int
    kind: str
    strength: str
    noun: bool = False  # a noun-phrase report: parties sit around the noun
    multi: bool = False


class RussianRules:
    """The Russian rule set (see the module docstring)."""

    language = "ru"

    def __init__(self) -> None:
        self.gaz = load("ru")
        self.rgaz = load_ru()
        self.finder = EntityFinder(self.rgaz, self._person_country)
        self.date_patterns = DatePatterns(DATE_WORDS)

    def _person_country(self, name: str) -> str | None:
        return self.gaz.person_country(fold_surname(name.split()[-1])) if name.split() else None

    # --- document-level -------------------------------------------------------------------
    def is_commentary(self, sentences: list[Sentence], title: str) -> bool:
        """Interviews, op-eds and analyses report no meeting of their own."""
        if _COMMENTARY.match(title or ""):
            return True
        return any(_COMMENTARY.match(s.text) for s in sentences[:2])

    def topics(self, text: str) -> tuple[str, ...]:
        return _tag_topics(text)

    # --- datelines --------------------------------------------------------------------------
    def _dateline(self, text: str, published: date | None) -> tuple[int, Place | None, date | None]:
        m = _DATELINE.match(text)
        if not m:
            return 0, None, None
        place = m.group("place")
        pms = self.rgaz.find_places(place)
        ref = pms[0] if pms and pms[0].start == 0 and pms[0].end == len(place) else None
        if ref is None:
            return 0, None, None
        rest = m.group("rest") or ""
        if not rest.strip():
            return 0, None, None
        marker = bool(m.group("date")) or "/" in rest or bool(re.search(r"[-–—]", rest))
        if not place.isupper() and not marker:
            return 0, None, None
        if not marker and not re.match(r"\s*\.", rest):
            return 0, None, None
        after = text[m.end() :]
        if after and not re.match(r"[А-ЯЁA-Z0-9«\"]", after):
            return 0, None, None
        dl_date = None
        if m.group("date"):
            ds = self._dates(m.group("date"), published)
            if ds and ds[0].value:
                dl_date = ds[0].value
        city = ref.ref.city if ref.ref.type == CITY else None
        return m.end(), Place(city, ref.ref.code), dl_date

    def _dates(self, text: str, published: date | None) -> list[DateMention]:
        found = find_dates(text, self.date_patterns, published)
        out = []
        # "с 13 по 15 мая", "2 и 3 мая": day ranges the shared patterns do not join
        spans: list[DateMention] = []
        for m in _RU_RANGE.finditer(text):
            month = _MONTHS.get(m["month"].lower())
            if month is None:
                continue
            d1, d2 = int(m["d1"]), int(m["d2"])
            if re.search(r"\sи\s", m.group(0)) and d2 != d1 + 1:
                continue  # "5 и 7 мая" are two days, not a span
            year = int(m["year"]) if m["year"] else infer_year(month, d1, published)
            try:
                first = date(year, month, d1) if year else None
                last = date(year, month, d2) if year else None
            except ValueError:
                continue
            if first and last and last > first:
                spans.append(DateMention(m.start(), m.end(), EXPLICIT, first, last, bool(m["year"]), month, year))
        found = spans + [d for d in found if not any(s_.start <= d.start < s_.end for s_ in spans)]
        for d in found:
            if d.kind == RELATIVE and text[d.start : d.end].lower() == "накануне":
                nxt = re.match(r"\s+([а-яё]+)", text[d.end :])
                rs = readings(nxt.group(1))[:2] if nxt else []
                if rs and rs[0].pos not in ("PREP", "CONJ", "PRCL") and any(
                        r.pos in ("NOUN", "ADJF") and r.case == "gent" for r in rs):
                    continue  # "накануне заседания": the eve of something, not a day ("накануне в Баку" is one)
            out.append(d)
        for m in _MONTH_ONLY.finditer(text):
            # "в октябре", "в начале мая": a month without a day; this month's news, or earlier
            if any(not (m.end() <= d.start or m.start() >= d.end) for d in out):
                continue
            month = _MONTHS.get(m["month"].lower())
            if month is None or published is None:
                continue
            year = int(m["year"]) if m["year"] else (
                published.year if month <= published.month else published.year - 1)
            out.append(DateMention(m.start(), m.end(), MONTH, None, None, bool(m["year"]), month, year))
        for m in _NUMERIC_DATE.finditer(text):
            if any(d.start <= m.start() < d.end for d in out):
                continue
            y = int(m["y"])
            y = y + 2000 if y < 100 else y
            try:
                value = date(y, int(m["m"]), int(m["d"]))
            except ValueError:
                continue
            out.append(DateMention(m.start(), m.end(), EXPLICIT, value, None, True, value.month, value.year))
        out.sort(key=lambda d: d.start)
        return out

    # --- per sentence -----------------------------------------------------------------------
    def analyse(self, sentences: list[Sentence], published: date | None) -> list[SentenceInfo]:
        known = self._known_names(sentences)
        # the dateline gives the publication day: "сегодня", "вчера" count from it
        ref = published
        for s in sentences[:3]:
            dl_date = self._dateline(s.text, published)[2]
            if dl_date is not None and published is not None and abs((dl_date - published).days) <= 3:
                ref = dl_date
                break
        infos: list[SentenceInfo] = []
        background = False
        for s in sentences:
            info = self._sentence(s, ref, known, len(infos) < 3)
            if s.first_in_paragraph:
                background = bool(_RECALL_SENTENCE.match(info.body))
            info.background = background or bool(_RECALL_SENTENCE.match(info.body))
            infos.append(info)
        self._attach(infos, ref)
        return infos

    def tells_meeting(self, sentences: list[Sentence], published: date | None) -> bool:
        """Does any sentence hold a meeting expression (read as :meth:`_sentence` reads it)?"""
        for n, s in enumerate(sentences):
            if s.heading:
                continue
            cut = self._dateline(s.text, published)[0] if n < 3 else 0
            body = s.text[cut:][:MAX_SENTENCE]
            if body.strip() and self._spans_of(body.replace("ё", "е").replace("Ё", "Е")):
                return True
        return False

    def _spans_of(self, scan: str) -> list[_Span]:
        """:meth:`_spans`, remembered: the screen and the analysis both ask."""
        return memo.scan(("ru-spans", scan), lambda: self._spans(scan))

    def _known_names(self, sentences: list[Sentence]) -> set[str]:
        """Surnames (and full names) the report writes with a first name or initial somewhere,
        so that "Мередов" alone is known later."""
        known: set[str] = set()
        votes: dict[str, float] = {}
        self.finder.votes = {}
        for s in sentences:
            head = s.text[:MAX_SENTENCE]
            for nm in self.finder.find(head, set(), tokenize(head)).names:
                words = [w for w in nm.tokens if not w.endswith(".")]
                if len(nm.tokens) > 1 and words:
                    for cand in nm.candidates or [" ".join(words)]:
                        known.add(cand.split()[-1].lower())
                for k, cand in enumerate(nm.candidates):
                    # a reading read with its title's case counts double
                    w = (1.0 if k == 0 else 0.4) * (2.0 if nm.context else 1.0)
                    votes[cand.lower()] = votes.get(cand.lower(), 0.0) + w
                    sur = "~" + cand.lower().split()[-1]
                    votes[sur] = votes.get(sur, 0.0) + w
        self.finder.votes = votes
        return known

    def _sentence(self, s: Sentence, published: date | None, known: set[str], early: bool) -> SentenceInfo:
        cut, dl_place, dl_date = self._dateline(s.text, published) if early else (0, None, None)
        body = s.text[cut:][:MAX_SENTENCE]
        info = SentenceInfo(sentence=s, body=body, dateline_place=dl_place, dateline_date=dl_date)
        if s.heading or not body.strip():
            return info
        ments = self.finder.find(body, known)
        info.entities = ments.entities
        info.places = ments.places
        # the cue patterns are written with е; ё has the same length, so offsets stay
        scan = body.replace("ё", "е").replace("Ё", "Е")
        # zones matter only to meeting expressions and attendance lists: most sentences have neither
        need_zones = bool(self._spans_of(scan)) or _ATTEND.search(scan) is not None
        zones = self._zones(scan, info.entities) if need_zones else []
        info.triggers = self._triggers(scan, info, zones, ments.places, published)
        self._side(scan, info, zones, ments.places)
        return info

    def _zones(self, body: str, entities: list[Entity]) -> list[tuple[int, int]]:
        spans: list[tuple[int, int]] = []
        for rx in (_ATTRIBUTION, _TOPIC):
            spans += [(m.start(), m.end()) for m in rx.finditer(body)]
        for m in _SETTING.finditer(body):
            end = m.end()
            if not body[: m.start()].strip():
                # a setting that opens the sentence runs up to its subject: "На полях заседания
                # Совета глав государств – членов ШОС в Астане Владимир Путин провел встречу ..."
                end = min((e.start for e in entities if e.kind in (PERSON, TITLE) and e.start >= m.end()),
                          default=end)
            spans.append((m.start(), end))
        return spans

    # --- triggers ---------------------------------------------------------------------------
    def _spans(self, body: str) -> list[_Span]:
        found: list[_Span] = []

        def free(a: int, b: int) -> bool:
            return all(b <= s.start or a >= s.end for s in found)

        video = _VIDEO_CUE.search(body) is not None
        for m in _CREDENTIALS.finditer(body):
            found.append(_Span(m.start(), m.end(), "credentials", STRONG))
        for m in _CREDENTIALS_INVERTED.finditer(body):
            if free(m.start(), m.end()):
                found.append(_Span(m.start(), m.end(), "credentials", STRONG))
        for m in _BARE_CREDENTIALS.finditer(body):
            if free(m.start(), m.end()):
                end = m.end() - len(m.group(0).split()[-1])  # the ambassador is the subject, after the verb
                found.append(_Span(m.start(), end, "credentials", STRONG))
        for m in _PHONE_VERB.finditer(body):
            if free(m.start(), m.end()):
                found.append(_Span(m.start(), m.end(), "phone_call", STRONG))
        for m in _MET.finditer(body):
            if free(m.start(), m.end()):
                kind = _kind_from_np(m.group(0))
                clause = body[max(body.rfind(";", 0, m.start()), body.rfind(".", 0, m.start()), 0) : m.start()]
                multi = bool(re.search(r"саммит|Совета|СМИД|глав", m.group(0), re.I)) or bool(
                    _PLURAL_HEADS.search(clause))
                if multi:
                    kind = "meeting"  # consultations or talks held by a council are its session
                elif kind == "meeting":
                    window = body[m.start() : m.end() + 40]
                    if _PHONE_CUE.search(window) or _PHONE_CUE.search(body, max(0, m.start() - 16), m.start()):
                        # ("... по телефону побеседовал ...": the cue right before the verb)
                        kind = "phone_call"
                    elif video:
                        kind = "video_call"
                    elif re.search(r"консультаци", window, re.I):
                        kind = "consultations"
                found.append(_Span(m.start(), m.end(), kind, STRONG, noun=multi, multi=multi))
        for m in _RECEIVED.finditer(body):
            if free(m.start(), m.end()):
                kind = "video_call" if video else "meeting"
                if _PHONE_CUE.match(body, m.end() + 1) or _PHONE_CUE.match(body, m.end()):
                    kind = "phone_call"  # "принял телефонный звонок от ...": a call, not a reception
                # "принял посла X, вручившего копии верительных грамот": the reception is the presentation
                stop = _CLAUSE_BREAK.search(body, m.end())
                if _CREDENTIALS_BY.search(body, m.end(), stop.start() if stop else len(body)):
                    kind = "credentials"
                found.append(_Span(m.start(), m.end(), kind, STRONG))
        for m in _RECEIVED_PASSIVE.finditer(body):
            if free(m.start(), m.end()):
                found.append(_Span(m.start(), m.end(), "meeting", STRONG))
        for m in _MEAL_IN_HONOUR.finditer(body):
            if free(m.start(), m.end()):
                found.append(_Span(m.start(), m.end(), "meeting", STRONG))  # a working lunch is a meeting
        for m in _PREDICATE.finditer(body):
            if not free(m.start(), m.end()):
                continue
            # the event noun after ("прошла встреча") or before ("Беседа состоялась") the verb
            clause_start = max(body.rfind(";", 0, m.start()), body.rfind(",", 0, m.start())) + 1
            after = re.match(r"\s+(?:(?:[\w-]+|\d+-?\w*)\s+){0,4}?(?P<n>" + _EVENT_NOUN + r")", body[m.end() :], re.I)
            before = list(re.finditer(_EVENT_NOUN, body[clause_start : m.start()], re.I))
            if after:
                n_start, n_end = m.end() + after.start("n"), m.end() + after.end("n")
                np_text = body[n_start : min(len(body), n_end + 120)]
                np_text = re.split(r"[;.]|,\s", np_text)[0]
                lead = body[clause_start:m.start()]
                span_start = m.start()
            elif before:
                b = before[0]
                n_start, n_end = clause_start + b.start(), clause_start + b.end()
                np_text = body[n_start : m.start()]
                lead = body[clause_start:n_start]
                span_start = n_start
            else:
                # "состоялся официальный визит Президента ... в Казахстан", "Визит ... состоялся"
                va = re.match(r"\s+(?:[\w-]+\s+){0,2}?(?P<n>визит\w*)", body[m.end() :], re.I)
                vb = re.search(r"\bвизит\w*", body[clause_start : m.start()], re.I)
                if va is not None:
                    a_, b_ = m.start(), m.end() + va.end()
                elif vb is not None:
                    a_, b_ = clause_start + vb.start(), m.end()
                else:
                    continue
                if not _not_visit_predicate(m.group(0)):
                    found.append(_Span(a_, b_, "visit", VISIT, noun=True))
                continue
            if before and not after and re.search(r"\bкотор(?:ого|ой|ых)\b", body[n_end : m.start()], re.I):
                continue  # "формат, саммиты которого состоялись в Берлине": the history of the format
            kind = _kind_from_np(np_text)
            if kind == "meeting" and (_PHONE_CUE.search(body[m.start() : m.end() + 60]) or _PHONE_CUE.search(np_text)):
                kind = "phone_call"
            elif kind == "meeting" and video:
                kind = "video_call"
            multi = bool(_MULTI_NP.search(np_text))
            # "Беседа состоялась в Стамбуле": more about the meeting already told
            strength = STRONG
            noun = body[n_start:n_end].lower()
            if before and not after and re.fullmatch(r"\s*(?:(?:эта|этот|данная|данный|сама)\s+)?", lead, re.I) \
                    and not multi and not re.search(r"раунд|перв|втор|очередн", np_text, re.I) \
                    and not re.search(r"[А-ЯЁ]", _CHAIRED_BY.split(np_text)[0][1:]):
                strength = BACKREF  # a bare "Беседа состоялась": the meeting told before
            if noun.startswith(("раунд", "обмен")) and kind == "meeting" and "консультац" in np_text.lower():
                kind = "consultations"
            if noun.startswith("обмен") and re.match(r"обмен\w*\s+мнени", np_text, re.I):
                # "Кроме того, состоялся обмен мнениями о ...": more of the meeting told before
                strength, multi = BACKREF, False
            if multi and kind in ("video_call", "phone_call"):
                kind = "meeting"  # a council session by video is a session: the record decides
            found.append(_Span(span_start, max(m.end(), n_end), kind, strength, noun=True, multi=multi))
        for m in _SERIES_ITEM.finditer(body):
            if free(m.start(), m.end()):
                found.append(_Span(m.start(), m.end(), "meeting", STRONG, noun=True))
        for m in _NOUN_PARTICIPLE.finditer(body):
            # "Встреча Путина с Алиевым, состоявшаяся в четверг в Душанбе, прошла ...": the meeting
            # told by its noun, with a participle that says it took place
            if free(m.start(), m.end()) and not re.search(r"\bкотор", body[m.start() : m.end()], re.I):
                if _SAID_THAT.search(body, 0, m.start()) and _NUMBER_DATE_AFTER.match(body, m.end()):
                    continue  # "она отметила, что переговоры ..., прошедшие 6 октября, подтвердили": known, not news
                np_text = body[m.start() : m.start("p")]
                found.append(_Span(m.start(), m.end(), _kind_from_np(np_text), STRONG, noun=True,
                                   multi=bool(_MULTI_NP.search(np_text))))
        for m in _AFTER_EVENT.finditer(body):
            if not free(m.start(), m.end()):
                continue
            np_text = _up_to_verb(re.split(r"[;.]|,\s", body[m.start("n") : m.start("n") + 120])[0])
            kind = _kind_from_np(np_text + " " + body[m.start() : m.start("n")])
            multi = bool(_MULTI_NP.search(np_text)) or bool(
                re.search(_COUNCIL, body[max(0, body.rfind(";", 0, m.start()) + 1) : m.start()], re.I))
            prep = body[m.start() : m.start("n")].lower()
            if multi and prep.startswith(("по итогам", "после", "по завершении")) \
                    and _PAST_SESSION.match(body, m.end()):
                continue  # "по итогам саммита ..., прошедшего 7 октября в Габале": the talk's subject, told before
            if prep.startswith(("в ходе", "во время", "по итогам", "по завершении", "после")) and not multi:
                # "По итогам переговоров министры подписали ...": the talks told before (a first
                # mention still makes a meeting of its own)
                found.append(_Span(m.start(), m.end(), kind, BACKREF, noun=True))
            elif prep.startswith("на") and re.search(r"(?i)\bвыступ\w*\s*$", body[max(0, m.start() - 24) : m.start()]):
                # "Выступая на саммите, ... подчеркнул": a speech at the session told before
                found.append(_Span(m.start(), m.end(), kind, BACKREF, noun=True, multi=multi))
            elif prep.startswith("на") and not multi:
                # "на переговорах с X заявил": the talks are the setting of what he said
                if re.match(r"\s+с\s+", body[m.end() :]) and "past" in _tenses_in(body):
                    found.append(_Span(m.start(), m.end(), kind, STRONG, noun=True))
            elif multi or not prep.startswith("на"):
                found.append(_Span(m.start(), m.end(), kind, STRONG, noun=True, multi=multi))
        for m in _TOOK_PART.finditer(body):
            np_text = re.split(r"[;.]|,\s", body[m.start("n") : m.start("n") + 120])[0]
            # (or of "глав внешнеполитических ведомств стран Центральной Азии": several states' holders)
            if free(m.start(), m.end()) and (_MULTI_NP.search(np_text) or _PLURAL_HEADS.search(np_text)):
                found.append(_Span(m.start(), m.end(), "meeting", STRONG, noun=True, multi=True))
        for m in _ASSEMBLED.finditer(body):
            if free(m.start(), m.end()):
                found.append(_Span(m.start(), m.end(), "meeting", STRONG, noun=True, multi=True))
        for m in _VISIT.finditer(body):
            # "прибыл с визитом в Ашхабад", "с рабочим визитом в Ашхабад прибыла делегация",
            # "прилетел в Баку"
            near = re.search(r"\bвизит", body[max(0, m.start() - 60) : m.end() + 60], re.I)
            if free(m.start(), m.end()) and (near or re.match(r"\s+(?:в|во)\s+[А-ЯЁ]", body[m.end() :])):
                found.append(_Span(m.start(), m.end(), "visit", VISIT))
        for cue in list(_PHONE_CUE.finditer(body)) + list(_VIDEO_CUE.finditer(body)):
            lo = max(0, cue.start() - 80)
            verbs = [v for v in _CONTACT_VERB.finditer(body, lo, cue.start() + 1)]
            if verbs and free(verbs[-1].start(), verbs[-1].end()) and not any(
                    s.start <= cue.start() <= s.end + 40 for s in found):
                v = verbs[-1]
                kind = "phone_call" if _PHONE_CUE.match(body, cue.start()) else "video_call"
                found.append(_Span(v.start(), v.end(), kind, STRONG))
        if video and not found:
            for m in re.finditer(r"\b(?:обсудил[аи]?|провел[аи]?)\b", body, re.I):
                found.append(_Span(m.start(), m.end(), "video_call", STRONG))
                break
        found.sort(key=lambda s: s.start)
        return found

    def _not_held(self, body: str, sp: _Span, cstart: int, cend: int) -> bool:
        """Announced, planned, recalled or negated: not a meeting that took place."""
        before = body[cstart : sp.start]
        words = re.findall(r"[а-яёА-ЯЁ]+", body[sp.start : sp.end])
        head_tense = next((t for t in (_verb_tense(w) for w in words) if t), None)
        if head_tense in ("futr", "infn") and not _MANAGED.search(body, sp.start, sp.end):
            return True
        clause = body[cstart:cend]
        if sp.noun and head_tense is None:
            tenses = _tenses_in(clause)
            if "futr" in tenses and "past" not in tenses:
                return True
        plan = _PLANNED.search(body, 0, sp.start)
        if plan is not None and head_tense is None and "past" not in _tenses_in(body[plan.end() : sp.start]):
            return True  # "запланированы встреча с X, ..., а после саммита - контакты с Y": all of it ahead
        near = " ".join(re.findall(r"[\w-]+", before)[-3:])
        if _FUTURE_WORDS.search(near) or _FUTURE_WORDS.search(body[sp.start : sp.end]):
            return True
        if _NEGATION.search(body[max(0, sp.start - 12) : sp.start]):
            return True
        for neg in re.finditer(r"\bне\s+([а-яё]+)", body[sp.start : sp.end + 20], re.I):
            if any(r.pos == "VERB" for r in readings(neg.group(1))[:1]):
                return True  # "Встреча ... не состоялась"
        if sp.strength != BACKREF and _RECALL_BEFORE.search(before):
            return True
        if _HABITUAL.search(body, cstart, cend):
            return True
        # "..., где проходила встреча": an ongoing event named as the setting of another
        rel = list(_RELATIVE.finditer(body, 0, sp.start))
        if rel and rel[-1].end() <= sp.start and sp.noun:
            aspect = [r.aspect for w in words for r in readings(w)[:1] if r.pos == "VERB"]
            if "impf" in aspect and head_tense == "past":
                return True
        return False

    def _triggers(self, body: str, info: SentenceInfo, zones: list[tuple[int, int]],
                  places: list[PlaceMention], published: date | None) -> list[Trigger]:
        spans = self._spans_of(body)
        if spans:  # dates are read where a meeting is told (and, on demand, by _attach)
            info.dates = self._dates(info.body, published)
        out: list[Trigger] = []
        ents = info.entities
        prev_subject: list[Entity] = []
        for n, sp in enumerate(spans):
            cstart = 0
            for cb in _CLAUSE_BREAK.finditer(body, 0, sp.start):
                cstart = cb.end()
            rel_before = [r for r in _RELATIVE.finditer(body, cstart, sp.start)]
            nxt = spans[n + 1].start if n + 1 < len(spans) else len(body)
            cend = nxt
            cb2 = _CLAUSE_BREAK.search(body, sp.end)
            if cb2 and cb2.start() < cend:
                cend = cb2.start()
            rel = _RELATIVE.search(body, sp.end)
            if rel and rel.start() < cend and not re.match(r",\s*(?:которую|которой|которая|которые|которым)\s+"
                                                            r"(?:возглав|руковод)", body[rel.start() :], re.I):
                cend = rel.start()
            if self._not_held(body, sp, cstart, cend):
                continue

            own = [(za, zb) for za, zb in zones if not (za <= sp.start < zb)]

            def usable(e: Entity, a: int, b: int, own: list[tuple[int, int]] = own) -> bool:
                if not (a <= e.start and e.end <= b):
                    return False
                if any(za <= e.start and e.end <= zb for za, zb in own):
                    return False
                return e.kind in (PERSON, TITLE, GROUP) or (e.kind == STATE and e.country is not None)

            subj_lo = cstart
            if rel_before:
                # "X, который находится с визитом в Баку, встретился": a closed relative clause
                # sits inside the subject; an open one ("..., где провел переговоры") starts it
                closed = "," in body[rel_before[-1].end() : sp.start]
                subj_lo = cstart if closed else rel_before[-1].end()
            subj = [e for e in ents if usable(e, subj_lo, sp.start)]
            inside = [e for e in ents if usable(e, sp.start, sp.end)]
            objs = inside + [e for e in ents if usable(e, sp.end, cend)]
            ref = None
            if not subj:
                lead_words = re.findall(r"[А-ЯЁа-яё]+", body[subj_lo : sp.start].lower())
                for w in reversed(lead_words):
                    if w in _SUBJECT_REFS:
                        ref = _SUBJECT_REFS[w]
                        break
                if ref is None and rel_before and prev_subject:
                    subj = list(prev_subject)  # "..., где провел переговоры с ...": the visitor
                elif ref is None and n and prev_subject and not sp.noun:
                    subj = list(prev_subject)
            inverted = sp.kind == "credentials" and (_CREDENTIALS_INVERTED.fullmatch(body, sp.start, sp.end)
                                                     or _BARE_CREDENTIALS.match(body, sp.start))
            if inverted and not subj:
                # "... главе государства вручили послы X и Y": to the one just spoken of, by each of
                # them; "Верительные грамоты Александру Лукашенко вручили ...": to the one named
                receiver = [e for e in ents if e.kind == PERSON and usable(e, sp.start, sp.end)]
                subj, objs = receiver, [e for e in ents if usable(e, sp.end, cend)]
                ref = None if receiver else "he"
            trig = Trigger(kind=sp.kind, start=sp.start, end=sp.end, strength=sp.strength,
                           multilateral_hint=sp.multi)
            trig.subject = subj
            trig.subject_ref = ref
            trig.objects = [] if sp.kind == "visit" else objs
            if sp.kind == "visit" and sp.noun:
                # "состоялся визит Президента X в Y": the visitor follows the noun
                trig.subject = subj + [e for e in objs if e.kind in (PERSON, TITLE, GROUP)]
            if sp.kind == "visit":
                trig.location = self._visit_place(body, sp.start if sp.noun else sp.end, cend, places) or \
                    self._visit_place(body, cstart, sp.start - 60, places)  # "с визитом в Ашхабад прибыла"
            else:
                reach = cend
                if sp.strength == BACKREF:
                    # "Беседа состоялась в Стамбуле": anywhere after it, up to another meeting noun
                    # ("..., выразив удовлетворение итогами переговоров министров в Москве": theirs)
                    other = re.compile(_EVENT_NOUN, re.I).search(body, sp.end)
                    reach = other.start() if other is not None else len(body)
                trig.location = self._location(body, cstart, reach, places)
                told = _TOLD_WHERE.match(body, cend) if sp.noun and trig.location is None else None
                if told:
                    # "на встрече с X, которая состоялась во Вьентьяне": the clause tells where it was
                    stop = _CLAUSE_BREAK.search(body, told.end())
                    trig.location = self._location(body, told.start(), stop.start() if stop else len(body), places)
            trig.split_objects = bool(inverted) or (
                sp.kind in ("meeting", "video_call", "credentials") and sp.strength == STRONG and not sp.noun)
            # "форума, состоявшегося 12 декабря": the participle's own event, not the meeting's day
            own_dates = [d for d in info.dates if not _PARTICIPLE_BEFORE.search(body, max(0, d.start - 40), d.start)
                         or d.start <= sp.start < d.end or (sp.noun and sp.end <= d.start < sp.end + 40
                                                            and _NOUN_PARTICIPLE.fullmatch(body, sp.start, sp.end))]
            trig.date = pick_date(own_dates, sp.start, sp.end, anchor=RELATIVE, gap=3)
            self._posting(body, trig, places)
            out.append(trig)
            if subj:
                prev_subject = subj
        return out

    def _posting(self, body: str, trig: Trigger, places: list[PlaceMention]) -> None:
        """"посол Японии в Туркменистане ... министру Мередову": where the ambassador serves is
        the country of a counterpart the text gives no country."""
        people = trig.subject + trig.objects
        known = {e.country for e in people if e.country}
        if len(known) != 1 or all(e.country for e in people if e.kind == PERSON):
            return
        for m in re.finditer(r"\b(?:посол|посла|послу|послом|после|послы|послов|постпред\w*)\b[^,.;]{0,60}?\bв[о]?\s+",
                             body, re.I):
            pm = next((p for p in places if p.start == m.end() and p.ref.type in (COUNTRY, CITY)), None)
            if pm is None or pm.ref.code in known:
                continue
            for lst in (trig.subject, trig.objects):
                for k, e in enumerate(lst):
                    if e.kind == PERSON and not e.country:
                        lst[k] = e.with_country(pm.ref.code)
            return

    def _location(self, body: str, lo: int, hi: int, places: list[PlaceMention]) -> Place | None:
        for pm in places:
            if pm.ref.type != CITY or not (lo <= pm.start < hi):
                continue
            pre = body[max(0, pm.start - 40) : pm.start]
            if _SIGNED_PARTICIPLE.search(pre):
                continue  # "Декларации, подписанной год назад в Москве": where the document was signed
            if re.search(r"\b(?:в|во)\s+(?:(?:[\w-]+|«[^»]*»)\s+){0,2}?$", pre, re.I) and not re.search(
                    r"\b(?:посол\w*|послом|посла|представител\w*)\s+[^,]*$|\bрезиденци\w*\s+(?:в|во)\s+$", pre):
                # (an ambassador "в Туркменистане с резиденцией в Ташкенте" serves from there)
                return Place(pm.ref.city, pm.ref.code)
        m = re.search(r"\bв\s+(?:здании\s+)?(?:МИД|Министерств\w+\s+иностранных\s+дел)\s+(?P<c>[А-ЯЁ][\w-]+"
                      r"(?:\s+[А-ЯЁ][\w-]+)?)", body[lo:hi], re.I)
        if m:
            for pm in places:
                if pm.ref.type == COUNTRY and lo + m.start("c") <= pm.start < lo + m.end("c"):
                    cap = _capital(pm.ref.code)
                    return Place(cap, pm.ref.code)
        # "в катарской столице", "в столице Катара": the capital of the state named
        m = _IN_CAPITAL.search(body, lo, hi)
        if m:
            group = "adj" if m.group("adj") else "of"
            for pm in places:
                if pm.ref.type == COUNTRY and m.start(group) <= pm.start and pm.end <= m.end(group):
                    cap = _capital(pm.ref.code)
                    return Place(cap, pm.ref.code) if cap else None
        return None

    def _visit_place(self, body: str, lo: int, hi: int, places: list[PlaceMention]) -> Place | None:
        for pm in places:
            if not (lo <= pm.start < hi + 60) or pm.ref.form == "adj":
                continue
            if not re.search(r"\b(?:в|во)\s+$", body[max(0, pm.start - 4) : pm.start]):
                continue
            if pm.ref.type == CITY:
                return Place(pm.ref.city, pm.ref.code)
            if pm.ref.type == COUNTRY:
                return Place(None, pm.ref.code)
        return None

    # --- side information -------------------------------------------------------------------
    def _side(self, body: str, info: SentenceInfo, zones: list[tuple[int, int]],
              places: list[PlaceMention]) -> None:
        """Delegation heads, attendance lists and the visit this sentence tells of."""
        persons = [e for e in info.entities if e.kind in (PERSON, TITLE)]
        if _HEAD.search(body) and all(t.strength == BACKREF for t in info.triggers):
            heads = []
            for e in persons:
                if e.kind != PERSON:
                    continue
                side = None
                for pm in places:
                    if pm.ref.form == "adj" and pm.end <= e.start and pm.start >= e.start - 120 and re.search(
                            r"^(?:\s+(?:делегаци\w+|сторон\w+))?\s*(?:возглав\w*|руковод\w*|[-–—])",
                            body[pm.end : pm.end + 30]):
                        side = pm.ref.code
                heads.append(e if e.country or side is None else e.with_country(side))
            info.heads = heads
        if _ATTEND.search(body) and not any(t.kind != "visit" for t in info.triggers):
            m = _ATTEND.search(body)
            assert m is not None
            if not _FUTURE_WORDS.search(body[: m.end()]) and "futr" not in _tenses_in(body[m.start() : m.end()]):
                info.attendance = [e for e in info.entities if e.kind in (PERSON, TITLE, GROUP, STATE)
                                   and not any(za <= e.start and e.end <= zb for za, zb in zones)]
        for t in info.triggers:
            if t.kind == "visit" and t.location is not None:
                info.visit_place = t.location
                break
        if info.visit_place is None:
            vm = re.search(r"\b(?:прибывш\w+|находящ\w+|прибыл\w*)\s+(?:[\w-]+\s+){0,3}?(?:с\s+\w+\s+визитом\s+)?"
                           r"(?:в|во)\s+", body, re.I)
            if vm:
                vp = self._visit_place(body, vm.start(), vm.end() + 40, places)
                if vp is not None:
                    info.visit_place = vp

    def _title_coreference(self, infos: list[SentenceInfo]) -> None:
        """"Затем министр провел переговоры с ...": a bare title without a country as the
        subject is the person of that office the report named last (not the counterpart). A
        party to an earlier meeting comes first: "Затем глава государства принял ..." is the
        host, not a president who only sent him greetings."""
        recent: list[Entity] = []
        parties: list[Entity] = []
        hosts: list[Entity] = []  # the subjects of earlier meetings come before their counterparts
        guests: list[Entity] = []
        for info in infos:
            for t in info.triggers:
                for lst in (t.subject, t.objects):
                    # "гость был принят Министром": the guest is the visitor told of before
                    for k, e in enumerate(lst):
                        if e.kind == TITLE and e.office == "guest" and guests:
                            lst[k] = guests[-1]
                if len(t.subject) != 1 or t.subject[0].kind != TITLE or t.subject[0].country or t.subject[0].plural:
                    continue  # ("лидеры двух стран": both sides, resolved with the meeting before)
                office = t.subject[0].office
                others = {e.country for e in t.objects if e.country}
                same = {"minister", "foreign_minister", "deputy_foreign_minister"} if office in (
                    "minister", "foreign_minister", "counterpart") else {office}
                cand = next((e for e in [*reversed(hosts), *reversed(parties), *reversed(recent)]
                             if e.office in same and e.country and e.country not in others), None)
                if cand is not None:
                    t.subject = [cand]
            if info.visit_place is not None and not info.background:
                # "принял X, прибывшего в Ашхабад с визитом": the one from elsewhere is the guest
                guests.extend(e for e in info.entities if e.kind == PERSON and e.country
                              and e.country != info.visit_place.country)
            recent.extend(e for e in info.entities if e.kind == PERSON and e.name)
            parties.extend(e for tr in info.triggers if tr.strength != BACKREF and tr.kind != "visit"
                           for e in tr.subject + tr.objects if e.kind == PERSON and e.name)
            hosts.extend(e for tr in info.triggers if tr.strength != BACKREF and tr.kind != "visit"
                         for e in tr.subject if e.kind == PERSON and e.name)
            for t in info.triggers:
                if t.kind == "visit":
                    host = t.location.country if t.location else None
                    guests.extend(e for e in info.entities if e.kind == PERSON and e.country != host)

    def _own_officials(self, infos: list[SentenceInfo]) -> None:
        """"Президент X принял министра иностранных дел Y": a minister named with no country,
        received by a head of state or government, is his own minister where the report tells
        of no visit and knows the minister's country from nowhere else; a meeting within one
        state is then no record."""
        elsewhere = {_surname_key(e.name) for info in infos for e in info.entities
                     if e.kind == PERSON and e.name and e.country}
        for info in infos:
            if info.visit_place is not None or any(t.kind == "visit" for t in info.triggers):
                return  # a visitor may be the minister: the records decide whose he is
            for t in info.triggers:
                if t.kind != "meeting" or t.strength != STRONG or len(t.subject) != 1 or not t.objects:
                    continue
                host = t.subject[0]
                if host.office not in _HEADS or not host.country:
                    continue
                if any(e.kind != PERSON or e.country or e.office not in _OWN_OFFICES or not e.name
                       or _surname_key(e.name) in elsewhere or self._person_country(e.name)
                       for e in t.objects):
                    continue
                t.objects = [e.with_country(host.country) for e in t.objects]

    def _attach(self, infos: list[SentenceInfo], published: date | None) -> None:
        """People told in the sentences after a meeting join it: delegation heads, those who
        "took part", the accompanying delegation of a visit, and the interlocutors who
        "discussed" or "noted" right after the meeting sentence."""
        self._title_coreference(infos)
        self._own_officials(infos)
        last: tuple[int, Trigger] | None = None
        last_place: Place | None = None
        for i, info in enumerate(infos):
            held = [t for t in info.triggers if t.strength != BACKREF]  # "Заседание прошло ..." tells more
            if held:
                if last_place is not None and _SAME_PLACE.search(info.body):
                    for t in held:  # "Затем там же прошел саммит": where the meeting before was
                        t.location = t.location or last_place
                last_place = next((t.location for t in reversed(held) if t.location is not None), last_place)
                last = (i, held[-1])
                if info.heads:
                    # heads in the meeting sentence itself are its participants
                    for h in info.heads:
                        if all(h.name != e.name for e in held[-1].objects + held[-1].subject):
                            held[-1].objects.append(h)
                    info.heads = []
                continue
            if last is None or info.background:
                continue
            gap = i - last[0]
            trig = last[1]
            have = {_surname_key(e.name) for e in trig.subject + trig.objects if e.name}
            add: list[Entity] = []
            if info.heads and gap <= 2:
                add = info.heads
                info.heads = []
            elif info.attendance and (gap <= 3 or (
                    gap <= 6 and (trig.kind == "visit" or _BACK_NOUN.search(info.body)))):
                add = [e for e in info.attendance if e.kind in (PERSON, TITLE, GROUP, STATE)]
                if trig.kind == "visit":
                    # the accompanying delegation: everyone listed belongs to the visiting side
                    side = next((e.country for e in info.attendance if e.kind == GROUP and e.country), None)
                    side = side or next((e.country for e in trig.subject if e.country), None)
                    delegation = _DELEGATION.search(info.body) is not None
                    add = [e if side is None or (e.country and not delegation) else e.with_country(side)
                           for e in add if e.kind == PERSON]
                info.attendance = []
            elif gap <= 2 and _TALK_VERB.search(info.body) and trig.kind != "visit" and not (
                    info.dates or self._dates(info.body, published)):
                verb = _TALK_VERB.search(info.body)
                assert verb is not None
                countries = {e.country for e in trig.subject + trig.objects if e.country}
                for e in info.entities:
                    if e.kind != PERSON or e.end > verb.start() or not e.name:
                        continue
                    words_before = info.body[: e.start].split()
                    lead = words_before[-(len((e.role or "").split()) + 1)] if len(words_before) > len(
                        (e.role or "").split()) else ""
                    if lead.lower() in _NOT_SPEAKER_BEFORE:
                        continue  # "приветствия от Президента X": whose greetings, not who spoke
                    c = e.country or self._person_country(e.name)
                    if c and c in countries:
                        add.append(e if e.country else e.with_country(c))
            for e in add:
                key = _surname_key(e.name) if e.name else None
                if key and key in have:
                    continue
                if key:
                    have.add(key)
                # beside the subject: they join every meeting the trigger gives, not one of their own
                trig.subject.append(e)


_HEADS = frozenset({"president", "prime_minister", "national_leader", "halk_chairman"})
# the offices of a state's own government: unqualified, they are the host's
_OWN_OFFICES = frozenset({"minister", "foreign_minister", "deputy_foreign_minister", "prime_minister",
                          "deputy_prime_minister", "defence"})


def _surname_key(name: str) -> str:
    """The folded surname of a name written with initials in either order ("Гурбанов А.")."""
    return fold_surname(max(re.split(r"[.\s]+", name), key=len))


@cache
def _capitals() -> dict[str, str]:
    return dict(load("en").capitals)


def _capital(code: str) -> str | None:
    return _capitals().get(code)


@cache
def _topic_tagger() -> KeywordTagger:
    data = _read("ru_topics.toml").get("topic", {})
    return KeywordTagger({topic: entry.get("ru", []) for topic, entry in data.items()}, r"(?<![а-яё])")


def _tag_topics(text: str) -> tuple[str, ...]:
    from scraper.meetings.model import TOPICS

    found = _topic_tagger().tag(text.lower())
    return tuple(t for t in TOPICS if t in found)


Rules = RussianRules
__all__ = ["DATE_WORDS", "Rules", "RussianRules"]
