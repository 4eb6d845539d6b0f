"""The sample set: about a year of invented records that show every feature.

Nothing here is a fact. Countries, parliaments, donors and institutions are
real names (public facts), but what happened at each sample meeting or visit,
and every amount, is invented. Every record made from this module carries
``is_sample=True``: the site labels it "Sample record", shows it only in
development (``SHOW_SAMPLE_RECORDS``), and ``manage.py remove_samples``
deletes it. The facts of DOMAIN.md live in ``content.py`` and are never mixed
with these.
"""

from __future__ import annotations

import datetime as dt

from backoffice.demo.content import tr

D = dt.date

# --- Topics -----------------------------------------------------------------

TOPICS = {
    "trade-and-economic-cooperation": tr(
        "name",
        "Trade and economic cooperation",
        "Торгово-экономическое сотрудничество",
        "Гандлёва-эканамічнае супрацоўніцтва",
    ),
    "education-and-science": tr(
        "name", "Education and science", "Образование и наука", "Адукацыя і навука"
    ),
    "international-security": tr(
        "name", "International security", "Международная безопасность", "Міжнародная бяспека"
    ),
}

# --- Countries the sample meetings and visits deal with ---------------------
# code -> (the parliament's slug, "of <country>" in en/ru/be, the capital en/ru/be)
COUNTRIES = {
    "KZ": ("senate-of-kazakhstan", ("Kazakhstan", "Казахстана", "Казахстана"),
           ("Astana", "Астана", "Астана")),
    "CN": ("national-peoples-congress-of-china", ("China", "Китая", "Кітая"),
           ("Beijing", "Пекин", "Пекін")),
    "TR": ("grand-national-assembly-of-turkiye", ("Türkiye", "Турции", "Турцыі"),
           ("Ankara", "Анкара", "Анкара")),
    "UZ": ("senate-of-uzbekistan", ("Uzbekistan", "Узбекистана", "Узбекістана"),
           ("Tashkent", "Ташкент", "Ташкент")),
    "VN": ("national-assembly-of-viet-nam", ("Viet Nam", "Вьетнама", "В'етнама"),
           ("Hanoi", "Ханой", "Ханой")),
    "RS": ("national-assembly-of-serbia", ("Serbia", "Сербии", "Сербіі"),
           ("Belgrade", "Белград", "Бялград")),
}  # fmt: skip

# --- Organisations (real names; their part in the samples is invented) ------

ORGANISATIONS = {
    "senate-of-kazakhstan": {
        **tr(
            "name",
            "Senate of the Parliament of the Republic of Kazakhstan",
            "Сенат Парламента Республики Казахстан",
            "Сенат Парламента Рэспублікі Казахстан",
        ),
        "kind": "parliament",
        "country": "KZ",
    },
    "national-peoples-congress-of-china": {
        **tr(
            "name",
            "National People's Congress of the People's Republic of China",
            "Всекитайское собрание народных представителей",
            "Усекітайскі сход народных прадстаўнікоў",
        ),
        "kind": "parliament",
        "country": "CN",
    },
    "grand-national-assembly-of-turkiye": {
        **tr(
            "name",
            "Grand National Assembly of Türkiye",
            "Великое национальное собрание Турции",
            "Вялікі нацыянальны сход Турцыі",
        ),
        "kind": "parliament",
        "country": "TR",
    },
    "senate-of-uzbekistan": {
        **tr(
            "name",
            "Senate of the Oliy Majlis of the Republic of Uzbekistan",
            "Сенат Олий Мажлиса Республики Узбекистан",
            "Сенат Алій Мажліса Рэспублікі Узбекістан",
        ),
        "kind": "parliament",
        "country": "UZ",
    },
    "national-assembly-of-viet-nam": {
        **tr(
            "name",
            "National Assembly of Viet Nam",
            "Национальное собрание Вьетнама",
            "Нацыянальны сход В'етнама",
        ),
        "kind": "parliament",
        "country": "VN",
    },
    "national-assembly-of-serbia": {
        **tr(
            "name",
            "National Assembly of the Republic of Serbia",
            "Народная скупщина Республики Сербия",
            "Народная скупшчына Рэспублікі Сербія",
        ),
        "kind": "parliament",
        "country": "RS",
    },
    "government-of-china": {
        **tr(
            "name",
            "Government of the People's Republic of China",
            "Правительство Китайской Народной Республики",
            "Урад Кітайскай Народнай Рэспублікі",
        ),
        "kind": "government",
        "country": "CN",
    },
    "undp": {
        **tr(
            "name",
            "United Nations Development Programme",
            "Программа развития Организации Объединённых Наций",
            "Праграма развіцця Арганізацыі Аб'яднаных Нацый",
        ),
        **tr("short_name", "UNDP", "ПРООН", "ПРААН"),
        "kind": "international",
        "country": "",
    },
    "koica": {
        **tr(
            "name",
            "Korea International Cooperation Agency",
            "Корейское агентство международного сотрудничества",
            "Карэйскае агенцтва міжнароднага супрацоўніцтва",
        ),
        **tr("short_name", "KOICA", "KOICA", "KOICA"),
        "kind": "agency",
        "country": "KR",
    },
    # Recipients: the names of the kind of institution a project would go to.
    "grodno-regional-perinatal-centre": {
        **tr(
            "name",
            "Grodno Regional Perinatal Centre",
            "Гродненский областной перинатальный центр",
            "Гродзенскі абласны перынатальны цэнтр",
        ),
        "kind": "hospital",
        "country": "BY",
    },
    "mogilev-regional-childrens-hospital": {
        **tr(
            "name",
            "Mogilev Regional Children's Hospital",
            "Могилёвская областная детская больница",
            "Магілёўская абласная дзіцячая бальніца",
        ),
        "kind": "hospital",
        "country": "BY",
    },
    "minsk-city-emergency-hospital": {
        **tr(
            "name",
            "Minsk City Emergency Hospital",
            "Городская клиническая больница скорой медицинской помощи г. Минска",
            "Гарадская клінічная бальніца хуткай медыцынскай дапамогі г. Мінска",
        ),
        "kind": "hospital",
        "country": "BY",
    },
    "gomel-state-medical-university": {
        **tr(
            "name",
            "Gomel State Medical University",
            "Гомельский государственный медицинский университет",
            "Гомельскі дзяржаўны медыцынскі ўніверсітэт",
        ),
        "kind": "other",
        "country": "BY",
    },
    "vitebsk-regional-water-utility": {
        **tr(
            "name",
            "Vitebsk Regional Water Utility",
            "Витебское областное водопроводно-канализационное предприятие",
            "Віцебскае абласное водаправодна-каналізацыйнае прадпрыемства",
        ),
        "kind": "other",
        "country": "BY",
    },
    "brest-regional-emergencies-department": {
        **tr(
            "name",
            "Brest Regional Department of the Ministry of Emergency Situations",
            "Брестское областное управление МЧС",
            "Брэсцкае абласное ўпраўленне МНС",
        ),
        "kind": "agency",
        "country": "BY",
    },
    "molodechno-secondary-school-3": {
        **tr(
            "name",
            "Molodechno Secondary School No. 3",
            "Средняя школа № 3 г. Молодечно",
            "Сярэдняя школа № 3 г. Маладзечна",
        ),
        "kind": "other",
        "country": "BY",
    },
    "braslav-district-executive-committee": {
        **tr(
            "name",
            "Braslav District Executive Committee",
            "Браславский районный исполнительный комитет",
            "Браслаўскі раённы выканаўчы камітэт",
        ),
        "kind": "government",
        "country": "BY",
    },
}

# --- People: invented commission members; counterparts named by office ------

_MEMBER_POSITION = tr(
    "position",
    "Member of the Standing Commission on International Affairs and National Security",
    "Член Постоянной комиссии по международным делам и национальной безопасности",
    "Член Пастаяннай камісіі па міжнародных справах і нацыянальнай бяспецы",
)

PEOPLE = {
    "natalia-kovalchuk": {
        **tr("name", "Natalia Kovalchuk", "Наталья Ковальчук", "Наталля Кавальчук"),
        **tr(
            "position",
            "Deputy Chairman of the Standing Commission on International Affairs and "
            "National Security",
            "Заместитель председателя Постоянной комиссии по международным делам и "
            "национальной безопасности",
            "Намеснік старшыні Пастаяннай камісіі па міжнародных справах і нацыянальнай бяспецы",
        ),
        "organisation": "commission-on-international-affairs",
        "country": "BY",
    },
    "andrei-lazarenko": {
        **tr("name", "Andrei Lazarenko", "Андрей Лазаренко", "Андрэй Лазарэнка"),
        **_MEMBER_POSITION,
        "organisation": "commission-on-international-affairs",
        "country": "BY",
    },
    "viktor-shumsky": {
        **tr("name", "Viktor Shumsky", "Виктор Шумский", "Віктар Шумскі"),
        **_MEMBER_POSITION,
        "organisation": "commission-on-international-affairs",
        "country": "BY",
    },
    "olga-belskaya": {
        **tr("name", "Olga Belskaya", "Ольга Бельская", "Вольга Бельская"),
        **tr(
            "position",
            "Secretary of the Standing Commission on International Affairs and National Security",
            "Секретарь Постоянной комиссии по международным делам и национальной безопасности",
            "Сакратар Пастаяннай камісіі па міжнародных справах і нацыянальнай бяспецы",
        ),
        "organisation": "commission-on-international-affairs",
        "country": "BY",
    },
    "head-of-kazakhstan-delegation": {
        **tr(
            "name",
            "Chair of the International Relations Committee of the Senate of Kazakhstan",
            "Председатель Комитета по международным отношениям Сената Казахстана",
            "Старшыня Камітэта па міжнародных адносінах Сената Казахстана",
        ),
        "organisation": "senate-of-kazakhstan",
        "country": "KZ",
    },
    "head-of-china-delegation": {
        **tr(
            "name",
            "Vice-Chair of the Foreign Affairs Committee of the National People's Congress",
            "Заместитель председателя Комитета по иностранным делам ВСНП",
            "Намеснік старшыні Камітэта па замежных справах УСНП",
        ),
        "organisation": "national-peoples-congress-of-china",
        "country": "CN",
    },
    "head-of-uzbekistan-delegation": {
        **tr(
            "name",
            "Deputy Chair of the Senate of Uzbekistan",
            "Заместитель Председателя Сената Узбекистана",
            "Намеснік Старшыні Сената Узбекістана",
        ),
        "organisation": "senate-of-uzbekistan",
        "country": "UZ",
    },
    "turkiye-friendship-group-chair": {
        **tr(
            "name",
            "Chair of the Türkiye–Belarus Interparliamentary Friendship Group",
            "Председатель группы межпарламентской дружбы Турция — Беларусь",
            "Старшыня групы міжпарламенцкай дружбы Турцыя — Беларусь",
        ),
        "organisation": "grand-national-assembly-of-turkiye",
        "country": "TR",
    },
}

# (person, role, start date)
MEMBERSHIPS = [
    ("natalia-kovalchuk", "deputy_chair", D(2024, 4, 2)),
    ("andrei-lazarenko", "member", D(2024, 4, 2)),
    ("viktor-shumsky", "member", D(2024, 4, 2)),
    ("olga-belskaya", "secretary", D(2024, 4, 2)),
]

# --- Meetings ---------------------------------------------------------------

# Commission sittings: (date, agenda in en/ru/be, topic slugs)
SITTINGS = [
    (D(2025, 12, 9), ("the commission's plan of work for 2026",
                      "план работы комиссии на 2026 год",
                      "план работы камісіі на 2026 год"), ["interparliamentary-cooperation"]),
    (D(2026, 1, 20), ("draft laws on the ratification of international treaties",
                      "проекты законов о ратификации международных договоров",
                      "праекты законаў аб ратыфікацыі міжнародных дагавораў"),
     ["international-security"]),
    (D(2026, 2, 17), ("preparations for the visit of the Senate of Kazakhstan",
                      "подготовка к визиту делегации Сената Казахстана",
                      "падрыхтоўка да візіту дэлегацыі Сената Казахстана"),
     ["interparliamentary-cooperation"]),
    (D(2026, 3, 24), ("foreign aid received by the regions in 2025",
                      "иностранная помощь, полученная регионами в 2025 году",
                      "замежная дапамога, атрыманая рэгіёнамі ў 2025 годзе"),
     ["healthcare", "social-and-humanitarian-sphere"]),
    (D(2026, 4, 21), ("cooperation with the countries of Asia",
                      "сотрудничество со странами Азии",
                      "супрацоўніцтва з краінамі Азіі"), ["trade-and-economic-cooperation"]),
    (D(2026, 5, 19), ("academic exchanges with partner countries",
                      "академические обмены со странами-партнёрами",
                      "акадэмічныя абмены з краінамі-партнёрамі"), ["education-and-science"]),
    (D(2026, 6, 23), ("results of the spring session",
                      "итоги весенней сессии",
                      "вынікі вясновай сесіі"), ["interparliamentary-cooperation"]),
    (D(2026, 9, 15), ("the plan of interparliamentary visits for the autumn",
                      "план межпарламентских визитов на осень",
                      "план міжпарламенцкіх візітаў на восень"),
     ["interparliamentary-cooperation"]),
    (D(2026, 10, 20), ("regional security and the commission's contacts",
                       "региональная безопасность и контакты комиссии",
                       "рэгіянальная бяспека і кантакты камісіі"), ["international-security"]),
    (D(2026, 11, 17), ("the draft report on foreign aid for 2026",
                       "проект доклада об иностранной помощи за 2026 год",
                       "праект даклада аб замежнай дапамозе за 2026 год"),
     ["healthcare", "trade-and-economic-cooperation"]),
]  # fmt: skip

# Bilateral meetings and other meetings with a country:
# (slug, date, kind, country, counterpart person or None, topic slugs)
BILATERAL = [
    ("meeting-with-ambassador-of-serbia", D(2025, 12, 16), "bilateral", "RS", None,
     ["interparliamentary-cooperation"]),
    ("meeting-with-ambassador-of-vietnam", D(2026, 1, 14), "bilateral", "VN", None,
     ["trade-and-economic-cooperation"]),
    ("talks-with-senate-of-kazakhstan", D(2026, 2, 25), "bilateral", "KZ",
     "head-of-kazakhstan-delegation", ["interparliamentary-cooperation", "international-security"]),
    ("video-conference-with-national-assembly-of-viet-nam", D(2026, 3, 11), "video", "VN", None,
     ["education-and-science"]),
    ("meeting-with-turkiye-friendship-group", D(2026, 3, 31), "bilateral", "TR",
     "turkiye-friendship-group-chair", ["trade-and-economic-cooperation"]),
    ("talks-with-national-peoples-congress", D(2026, 4, 14), "bilateral", "CN",
     "head-of-china-delegation", ["trade-and-economic-cooperation", "healthcare"]),
    ("meeting-with-ambassador-of-uzbekistan", D(2026, 5, 6), "bilateral", "UZ", None,
     ["education-and-science"]),
    ("hearing-on-aid-to-healthcare", D(2026, 5, 27), "hearing", "CN", None, ["healthcare"]),
    ("meeting-with-ambassador-of-kazakhstan", D(2026, 7, 8), "bilateral", "KZ", None,
     ["trade-and-economic-cooperation"]),
    ("talks-with-senate-of-uzbekistan", D(2026, 9, 29), "bilateral", "UZ",
     "head-of-uzbekistan-delegation", ["interparliamentary-cooperation"]),
    ("meeting-with-ambassador-of-china", D(2026, 10, 7), "bilateral", "CN", None,
     ["social-and-humanitarian-sphere"]),
    ("meeting-with-ambassador-of-turkiye", D(2026, 11, 3), "bilateral", "TR", None,
     ["interparliamentary-cooperation"]),
    ("conference-on-parliamentary-diplomacy", D(2026, 11, 12), "conference", "RS", None,
     ["international-security"]),
]  # fmt: skip

# Titles by kind: {0} is "of <country>" in each language.
MEETING_TITLES = {
    "ambassador": (
        "Commission members meet the Ambassador of {0}",
        "Члены комиссии встретились с Послом {0}",
        "Члены камісіі сустрэліся з Паслом {0}",
    ),
    "talks": (
        "Talks with the parliamentary delegation of {0}",
        "Переговоры с парламентской делегацией {0}",
        "Перамовы з парламенцкай дэлегацыяй {0}",
    ),
    "video": (
        "Video conference with members of parliament of {0}",
        "Видеоконференция с депутатами парламента {0}",
        "Відэаканферэнцыя з дэпутатамі парламента {0}",
    ),
    "friendship": (
        "Meeting with the interparliamentary friendship group of {0}",
        "Встреча с группой межпарламентской дружбы {0}",
        "Сустрэча з групай міжпарламенцкай дружбы {0}",
    ),
    "hearing": (
        "Hearing on the aid projects of {0} in healthcare",
        "Слушания о проектах помощи {0} в здравоохранении",
        "Слуханні аб праектах дапамогі {0} ў ахове здароўя",
    ),
    "conference": (
        "Conference on parliamentary diplomacy with delegates of {0}",
        "Конференция по парламентской дипломатии с участием делегатов {0}",
        "Канферэнцыя па парламенцкай дыпламатыі з удзелам дэлегатаў {0}",
    ),
}

MEETING_SUMMARY = (
    "The sides discussed cooperation between the parliaments of Belarus and {0} and agreed "
    "on the next steps. (A sample record: the meeting is invented.)",
    "Стороны обсудили сотрудничество парламентов Беларуси и {0} и договорились о дальнейших "
    "шагах. (Демонстрационная запись: встреча вымышлена.)",
    "Бакі абмеркавалі супрацоўніцтва парламентаў Беларусі і {0} і дамовіліся пра далейшыя "
    "крокі. (Дэманстрацыйны запіс: сустрэча выдуманая.)",
)
MEETING_BODY = (
    "This record is a sample, made up to show how the site presents a meeting. "
    "The country is real; the meeting, its participants' words and its results are not.\n\n"
    "The participants reviewed the agenda of the commission's contacts with {0}, "
    "the preparation of forthcoming visits and the aid projects under way.",
    "Эта запись — образец, придуманный, чтобы показать, как сайт представляет встречу. "
    "Страна настоящая; встреча, слова её участников и её итоги — нет.\n\n"
    "Участники рассмотрели повестку контактов комиссии с парламентом {0}, подготовку "
    "предстоящих визитов и ход проектов помощи.",
    "Гэты запіс — узор, прыдуманы, каб паказаць, як сайт прадстаўляе сустрэчу. "
    "Краіна сапраўдная; сустрэча, словы яе ўдзельнікаў і яе вынікі — не.\n\n"
    "Удзельнікі разгледзелі парадак кантактаў камісіі з парламентам {0}, падрыхтоўку "
    "будучых візітаў і ход праектаў дапамогі.",
)
SITTING_TITLE = ("Commission sitting: {0}", "Заседание комиссии: {0}", "Пасяджэнне камісіі: {0}")
SITTING_SUMMARY = (
    "The commission considered {0}. (A sample record: the sitting is invented.)",
    "Комиссия рассмотрела вопрос: {0}. (Демонстрационная запись: заседание вымышлено.)",
    "Камісія разгледзела пытанне: {0}. (Дэманстрацыйны запіс: пасяджэнне выдуманае.)",
)
SITTING_BODY = (
    "This record is a sample, made up to show how the site presents a sitting.\n\n"
    "The members heard the secretariat's report on {0}, asked questions and adopted "
    "a decision with recommendations to the Council of the Republic.",
    "Эта запись — образец, придуманный, чтобы показать, как сайт представляет заседание.\n\n"
    "Члены комиссии заслушали доклад секретариата (вопрос: {0}), задали вопросы и приняли "
    "решение с рекомендациями Совету Республики.",
    "Гэты запіс — узор, прыдуманы, каб паказаць, як сайт прадстаўляе пасяджэнне.\n\n"
    "Члены камісіі заслухалі даклад сакратарыята (пытанне: {0}), задалі пытанні і прынялі "
    "рашэнне з рэкамендацыямі Савету Рэспублікі.",
)
PLACE_COUNCIL = tr(
    "place",
    "Council of the Republic, Minsk",
    "Совет Республики, Минск",
    "Савет Рэспублікі, Мінск",
)

# --- Delegations ------------------------------------------------------------
# (slug, direction, country, start, end, head, members, hosts, programme days)
# Each programme item: (day offset, "HH:MM", title en/ru/be, place en/ru/be,
# the slug of a sample meeting it was, or None).

_TALKS = (
    "Talks at the Council of the Republic",
    "Переговоры в Совете Республики",
    "Перамовы ў Савеце Рэспублікі",
)
_ARRIVAL = ("Arrival and working dinner", "Прибытие и рабочий ужин", "Прыбыццё і рабочая вячэра")
_DEPARTURE = (
    "Summing up and departure",
    "Подведение итогов и отъезд",
    "Падвядзенне вынікаў і ад'езд",
)
_HOSPITAL = (
    "Visit to a regional hospital",
    "Посещение областной больницы",
    "Наведванне абласной бальніцы",
)
_UNIVERSITY = ("Meeting at a university", "Встреча в университете", "Сустрэча ва ўніверсітэце")
_PARLIAMENT = ("Talks at the parliament", "Переговоры в парламенте", "Перамовы ў парламенце")
_MINISTRY = (
    "Meeting at the Ministry of Foreign Affairs",
    "Встреча в Министерстве иностранных дел",
    "Сустрэча ў Міністэрстве замежных спраў",
)
_BUSINESS = (
    "Round table with business associations",
    "Круглый стол с деловыми объединениями",
    "Круглы стол з дзелавымі аб'яднаннямі",
)
_MINSK = ("Minsk", "Минск", "Мінск")
_GRODNO = ("Grodno", "Гродно", "Гродна")
_GOMEL = ("Gomel", "Гомель", "Гомель")

DELEGATIONS = [
    ("visit-of-senate-of-kazakhstan", "incoming", "KZ", D(2026, 2, 24), D(2026, 2, 26),
     "head-of-kazakhstan-delegation", ["natalia-kovalchuk", "andrei-lazarenko"],
     ["council-of-the-republic"],
     [(0, "18:00", _ARRIVAL, _MINSK, None),
      (1, "10:00", _TALKS, _MINSK, "talks-with-senate-of-kazakhstan"),
      (1, "15:00", _BUSINESS, _MINSK, None),
      (2, "11:00", _DEPARTURE, _MINSK, None)]),
    ("visit-to-turkiye", "outgoing", "TR", D(2026, 3, 16), D(2026, 3, 19),
     "natalia-kovalchuk", ["viktor-shumsky", "olga-belskaya"],
     ["grand-national-assembly-of-turkiye"],
     [(0, "19:00", _ARRIVAL, ("Ankara", "Анкара", "Анкара"), None),
      (1, "10:30", _PARLIAMENT, ("Ankara", "Анкара", "Анкара"), None),
      (2, "11:00", _BUSINESS, ("Istanbul", "Стамбул", "Стамбул"), None),
      (3, "09:00", _DEPARTURE, ("Istanbul", "Стамбул", "Стамбул"), None)]),
    ("visit-of-national-peoples-congress", "incoming", "CN", D(2026, 4, 13), D(2026, 4, 15),
     "head-of-china-delegation", ["natalia-kovalchuk", "viktor-shumsky"],
     ["council-of-the-republic"],
     [(0, "17:00", _ARRIVAL, _MINSK, None),
      (1, "10:00", _TALKS, _MINSK, "talks-with-national-peoples-congress"),
      (2, "10:00", _HOSPITAL, _GOMEL, None),
      (2, "16:00", _DEPARTURE, _GOMEL, None)]),
    ("visit-to-viet-nam", "outgoing", "VN", D(2026, 6, 8), D(2026, 6, 11),
     "natalia-kovalchuk", ["andrei-lazarenko", "olga-belskaya"],
     ["national-assembly-of-viet-nam"],
     [(0, "20:00", _ARRIVAL, ("Hanoi", "Ханой", "Ханой"), None),
      (1, "09:30", _PARLIAMENT, ("Hanoi", "Ханой", "Ханой"), None),
      (2, "10:00", _UNIVERSITY, ("Hanoi", "Ханой", "Ханой"), None),
      (3, "12:00", _DEPARTURE, ("Hanoi", "Ханой", "Ханой"), None)]),
    ("visit-of-senate-of-uzbekistan", "incoming", "UZ", D(2026, 9, 28), D(2026, 9, 30),
     "head-of-uzbekistan-delegation", ["andrei-lazarenko", "viktor-shumsky"],
     ["council-of-the-republic"],
     [(0, "18:30", _ARRIVAL, _MINSK, None),
      (1, "10:00", _TALKS, _MINSK, "talks-with-senate-of-uzbekistan"),
      (2, "10:00", _UNIVERSITY, _GRODNO, None),
      (2, "17:00", _DEPARTURE, _GRODNO, None)]),
    ("visit-to-serbia", "outgoing", "RS", D(2026, 10, 26), D(2026, 10, 28),
     "natalia-kovalchuk", ["viktor-shumsky"],
     ["national-assembly-of-serbia"],
     [(0, "16:00", _MINISTRY, ("Belgrade", "Белград", "Бялград"), None),
      (1, "10:00", _PARLIAMENT, ("Belgrade", "Белград", "Бялград"), None),
      (2, "09:00", _DEPARTURE, ("Belgrade", "Белград", "Бялград"), None)]),
]  # fmt: skip

DELEGATION_TITLES = {
    "incoming": (
        "Visit of a parliamentary delegation of {0}",
        "Визит парламентской делегации {0}",
        "Візіт парламенцкай дэлегацыі {0}",
    ),
    "outgoing": (
        "Commission delegation's visit to {0}",
        "Визит делегации комиссии в {0}",
        "Візіт дэлегацыі камісіі ў {0}",
    ),
}
# "to <country>" in Russian and Belarusian (accusative).
COUNTRY_TO = {
    "TR": ("Türkiye", "Турцию", "Турцыю"),
    "VN": ("Viet Nam", "Вьетнам", "В'етнам"),
    "RS": ("Serbia", "Сербию", "Сербію"),
}
DELEGATION_PURPOSE = (
    "To develop interparliamentary contacts and agree the next steps of cooperation. "
    "(A sample record: the visit is invented.)",
    "Развитие межпарламентских контактов и согласование дальнейших шагов сотрудничества. "
    "(Демонстрационная запись: визит вымышлен.)",
    "Развіццё міжпарламенцкіх кантактаў і ўзгадненне далейшых крокаў супрацоўніцтва. "
    "(Дэманстрацыйны запіс: візіт выдуманы.)",
)
DELEGATION_SUMMARY = (
    "This record is a sample, made up to show a visit with its members, its day-by-day "
    "programme, a document and photos.",
    "Эта запись — образец, придуманный, чтобы показать визит с его участниками, программой "
    "по дням, документом и фотографиями.",
    "Гэты запіс — узор, прыдуманы, каб паказаць візіт з яго ўдзельнікамі, праграмай па днях, "
    "дакументам і фотаздымкамі.",
)
DELEGATION_OUTCOMES = (
    "The sides agreed a plan of contacts for the coming year (invented).",
    "Стороны согласовали план контактов на следующий год (вымышлено).",
    "Бакі ўзгаднілі план кантактаў на наступны год (выдумана).",
)
DOCUMENT_TITLE = tr("title", "Programme of the visit", "Программа визита", "Праграма візіту")

# --- Aid programmes and projects (every amount invented) ---------------------

PROGRAMMES = {
    "china-grant-assistance-social-projects": {
        **tr(
            "title",
            "Grant assistance of the People's Republic of China for social projects",
            "Безвозмездная помощь Китайской Народной Республики на социальные проекты",
            "Бязвыплатная дапамога Кітайскай Народнай Рэспублікі на сацыяльныя праекты",
        ),
        "donor": "government-of-china",
    },
    "undp-local-development": {
        **tr(
            "title",
            "UNDP support to local development",
            "Поддержка местного развития ПРООН",
            "Падтрымка мясцовага развіцця ПРААН",
        ),
        "donor": "undp",
    },
    "koica-grant-projects": {
        **tr(
            "title",
            "KOICA grant projects",
            "Грантовые проекты KOICA",
            "Грантавыя праекты KOICA",
        ),
        "donor": "koica",
    },
}
PROGRAMME_DESCRIPTION = tr(
    "description",
    "A sample programme: the donor is real, the programme's projects and amounts shown here "
    "are invented to demonstrate totals and charts.",
    "Образец программы: донор настоящий, а проекты и суммы здесь вымышлены, чтобы показать "
    "итоги и диаграммы.",
    "Узор праграмы: донар сапраўдны, а праекты і сумы тут выдуманыя, каб паказаць вынікі "
    "і дыяграмы.",
)

# (slug, programme, recipient, region, sector, year, status, amount, currency, usd,
#  title en/ru/be, milestones [(kind, date)])
PROJECTS = [
    ("sample-perinatal-centre-equipment", "china-grant-assistance-social-projects",
     "grodno-regional-perinatal-centre", "BY-HR", "12191", 2024, "completed",
     "3500000", "CNY", "485000",
     ("Equipment for the Grodno Regional Perinatal Centre",
      "Оборудование для Гродненского областного перинатального центра",
      "Абсталяванне для Гродзенскага абласнога перынатальнага цэнтра"),
     [("agreement_signed", D(2024, 5, 14)), ("equipment_delivered", D(2025, 2, 3)),
      ("completed", D(2025, 4, 30))]),
    ("sample-childrens-hospital-diagnostics", "china-grant-assistance-social-projects",
     "mogilev-regional-childrens-hospital", "BY-MA", "12191", 2025, "implementation",
     "8200000", "CNY", "1136000",
     ("Diagnostic equipment for the Mogilev Regional Children's Hospital",
      "Диагностическое оборудование для Могилёвской областной детской больницы",
      "Дыягнастычнае абсталяванне для Магілёўскай абласной дзіцячай бальніцы"),
     [("agreement_signed", D(2025, 9, 10)), ("funds_disbursed", D(2026, 3, 2))]),
    ("sample-emergency-hospital-ambulances", "china-grant-assistance-social-projects",
     "minsk-city-emergency-hospital", "BY-HM", "12230", 2026, "implementation",
     "12000000", "CNY", "1660000",
     ("Ambulances for the Minsk City Emergency Hospital",
      "Автомобили скорой помощи для больницы скорой медицинской помощи г. Минска",
      "Аўтамабілі хуткай дапамогі для бальніцы хуткай медыцынскай дапамогі г. Мінска"),
     [("agreement_signed", D(2026, 4, 14))]),
    ("sample-medical-university-simulation-centre", "china-grant-assistance-social-projects",
     "gomel-state-medical-university", "BY-HO", "12181", 2026, "pipeline",
     "1750000", "CNY", None,
     ("A simulation centre for Gomel State Medical University",
      "Симуляционный центр для Гомельского государственного медицинского университета",
      "Сімуляцыйны цэнтр для Гомельскага дзяржаўнага медыцынскага ўніверсітэта"),
     [("agreement_signed", D(2026, 10, 7))]),
    ("sample-rural-water-supply-braslav", "undp-local-development",
     "braslav-district-executive-committee", "BY-VI", "14030", 2024, "completed",
     "420000", "USD", "420000",
     ("Rural water supply in Braslav district",
      "Сельское водоснабжение в Браславском районе",
      "Сельскае водазабеспячэнне ў Браслаўскім раёне"),
     [("agreement_signed", D(2024, 3, 1)), ("completed", D(2025, 11, 20))]),
    ("sample-water-treatment-vitebsk", "undp-local-development",
     "vitebsk-regional-water-utility", "BY-VI", "14030", 2025, "implementation",
     "310000", "EUR", "336000",
     ("Water treatment upgrade in Vitebsk region",
      "Модернизация водоочистки в Витебской области",
      "Мадэрнізацыя водаачысткі ў Віцебскай вобласці"),
     [("agreement_signed", D(2025, 6, 18)), ("funds_disbursed", D(2025, 12, 1))]),
    ("sample-flood-preparedness-brest", "undp-local-development",
     "brest-regional-emergencies-department", "BY-BR", "74020", 2025, "implementation",
     "185000", "USD", "185000",
     ("Flood preparedness in Brest region",
      "Готовность к паводкам в Брестской области",
      "Гатоўнасць да паводкаў у Брэсцкай вобласці"),
     [("agreement_signed", D(2025, 4, 8)), ("equipment_delivered", D(2026, 2, 19))]),
    ("sample-school-energy-efficiency", "undp-local-development",
     "molodechno-secondary-school-3", "BY-MI", "11220", 2026, "pipeline",
     "95000", "EUR", None,
     ("Energy efficiency of Molodechno Secondary School No. 3",
      "Энергоэффективность средней школы № 3 г. Молодечно",
      "Энергаэфектыўнасць сярэдняй школы № 3 г. Маладзечна"),
     [("agreement_signed", D(2026, 8, 25))]),
    ("sample-telemedicine-gomel", "koica-grant-projects",
     "gomel-state-medical-university", "BY-HO", "12181", 2024, "completed",
     "650000000", "KRW", "470000",
     ("Telemedicine training at Gomel State Medical University",
      "Обучение телемедицине в Гомельском государственном медицинском университете",
      "Навучанне тэлемедыцыне ў Гомельскім дзяржаўным медыцынскім універсітэце"),
     [("agreement_signed", D(2024, 7, 2)), ("handed_over", D(2025, 6, 12)),
      ("completed", D(2025, 7, 1))]),
    ("sample-neonatal-care-grodno", "koica-grant-projects",
     "grodno-regional-perinatal-centre", "BY-HR", "12220", 2025, "implementation",
     "1200000000", "KRW", "870000",
     ("Neonatal care in Grodno region",
      "Помощь новорождённым в Гродненской области",
      "Дапамога нованароджаным у Гродзенскай вобласці"),
     [("agreement_signed", D(2025, 11, 5)), ("funds_disbursed", D(2026, 5, 15))]),
    ("sample-emergency-equipment-minsk-region", "koica-grant-projects",
     "brest-regional-emergencies-department", "BY-MI", "72010", 2026, "implementation",
     "280000000", "KRW", None,
     ("Emergency relief equipment for Minsk region",
      "Оборудование для ликвидации чрезвычайных ситуаций в Минской области",
      "Абсталяванне для ліквідацыі надзвычайных сітуацый у Мінскай вобласці"),
     [("agreement_signed", D(2026, 6, 30))]),
    ("sample-childrens-rehabilitation-mogilev", "koica-grant-projects",
     "mogilev-regional-childrens-hospital", "BY-MA", "12220", 2026, "pipeline",
     "250000", "USD", "250000",
     ("Children's rehabilitation unit in Mogilev",
      "Отделение детской реабилитации в Могилёве",
      "Аддзяленне дзіцячай рэабілітацыі ў Магілёве"),
     [("agreement_signed", D(2026, 11, 10))]),
]  # fmt: skip

PROJECT_SUMMARY = tr(
    "summary",
    "A sample project: the donor and the institution are real names, but the project, its "
    "amount and its milestones are invented to show the aid pages.",
    "Образец проекта: донор и учреждение названы настоящими именами, но проект, его сумма "
    "и этапы вымышлены, чтобы показать страницы помощи.",
    "Узор праекта: донар і ўстанова названы сапраўднымі імёнамі, але праект, яго сума "
    "і этапы выдуманыя, каб паказаць старонкі дапамогі.",
)

# Galleries: the photos of ../shared/photos/ copied into photos/ with their
# attribution. (file, alt text en/ru/be, credit, licence)
PHOTOS = {
    "aitzgorri": (
        "aitzgorri_by_Aitzol_Berasategi.jpg",
        ("Sample image: a mountain ridge in the clouds",
         "Образец изображения: горный хребет в облаках",
         "Узор выявы: горны хрыбет у аблоках"),
        "Aitzol Berasategi", "CC-BY-4.0"),
    "friends": (
        "friends_by_Aitzol_Berasategi.jpg",
        ("Sample image: two friends outdoors",
         "Образец изображения: двое друзей на природе",
         "Узор выявы: двое сяброў на прыродзе"),
        "Aitzol Berasategi", "CC-BY-4.0"),
    "wine": (
        "Wine_by_Jakkub_Mede.jpg",
        ("Sample image: a glass of wine",
         "Образец изображения: бокал вина",
         "Узор выявы: келіх віна"),
        "Jakkub Mede", "CC-BY-4.0"),
    "umang": (
        "umang_by_Abhishek_Mudgal.jpg",
        ("Sample image: a landscape at dusk",
         "Образец изображения: пейзаж в сумерках",
         "Узор выявы: пейзаж у змроку"),
        "Abhishek Mudgal", "CC-BY-4.0"),
}  # fmt: skip

# Which sample item shows which photos (the photos are stored once each).
GALLERIES = {
    ("meeting", "talks-with-senate-of-kazakhstan"): ["aitzgorri", "friends"],
    ("meeting", "talks-with-national-peoples-congress"): ["umang"],
    ("meeting", "meeting-with-turkiye-friendship-group"): ["wine"],
    ("delegation", "visit-of-senate-of-kazakhstan"): ["aitzgorri", "umang", "friends"],
    ("delegation", "visit-to-viet-nam"): ["umang", "wine"],
    ("project", "sample-perinatal-centre-equipment"): ["friends"],
    ("project", "sample-rural-water-supply-braslav"): ["aitzgorri"],
}
