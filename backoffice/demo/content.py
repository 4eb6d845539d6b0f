"""The demo content: the facts of one public news item, in three languages.

Source: news.by (English edition), item of 2026-01-26 on Belarus–Japan
interparliamentary cooperation. Nothing here is invented: where the source
gives no amount, name or date, the field stays empty.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

SOURCE_URL = "https://news.by"


def tr(field: str, en: str, ru: str = "", be: str = "") -> dict[str, str]:
    """The three language columns of one translated field."""
    return {f"{field}_en": en, f"{field}_ru": ru, f"{field}_be": be}


TOPICS = {
    "interparliamentary-cooperation": tr(
        "name",
        "Interparliamentary cooperation",
        "Межпарламентское сотрудничество",
        "Міжпарламенцкае супрацоўніцтва",
    ),
    "interregional-cooperation": tr(
        "name",
        "Interregional cooperation",
        "Межрегиональное сотрудничество",
        "Міжрэгіянальнае супрацоўніцтва",
    ),
    "social-and-humanitarian-sphere": tr(
        "name",
        "Social and humanitarian sphere",
        "Социально-гуманитарная сфера",
        "Сацыяльна-гуманітарная сфера",
    ),
    "healthcare": tr("name", "Healthcare", "Здравоохранение", "Ахова здароўя"),
}

# slug -> fields; "parent" names another organisation's slug.
ORGANISATIONS = {
    "council-of-the-republic": {
        **tr(
            "name",
            "Council of the Republic of the National Assembly of the Republic of Belarus",
            "Совет Республики Национального собрания Республики Беларусь",
            "Савет Рэспублікі Нацыянальнага сходу Рэспублікі Беларусь",
        ),
        **tr("short_name", "Council of the Republic", "Совет Республики", "Савет Рэспублікі"),
        "kind": "parliament",
        "country": "BY",
    },
    "commission-on-international-affairs": {
        **tr(
            "name",
            "Standing Commission on International Affairs and National Security",
            "Постоянная комиссия по международным делам и национальной безопасности",
            "Пастаянная камісія па міжнародных справах і нацыянальнай бяспецы",
        ),
        "kind": "committee",
        "country": "BY",
        "parent": "council-of-the-republic",
    },
    "government-of-japan": {
        **tr("name", "Government of Japan", "Правительство Японии", "Урад Японіі"),
        "kind": "government",
        "country": "JP",
    },
    "embassy-of-japan-in-belarus": {
        **tr(
            "name",
            "Embassy of Japan in Belarus",
            "Посольство Японии в Беларуси",
            "Пасольства Японіі ў Беларусі",
        ),
        "kind": "embassy",
        "country": "JP",
    },
    "senno-central-district-hospital": {
        **tr(
            "name",
            "Senno Central District Hospital",
            "Сенненская центральная районная больница",
            "Сенненская цэнтральная раённая бальніца",
        ),
        "kind": "hospital",
        "country": "BY",
    },
    "gomel-oncology-center": {
        **tr(
            "name",
            "Gomel Oncology Center",
            "Гомельский онкологический центр",
            "Гомельскі анкалагічны цэнтр",
        ),
        "kind": "hospital",
        "country": "BY",
    },
    "stolin-central-district-hospital": {
        **tr(
            "name",
            "Stolin Central District Hospital",
            "Столинская центральная районная больница",
            "Столінская цэнтральная раённая бальніца",
        ),
        "kind": "hospital",
        "country": "BY",
    },
}

PEOPLE = {
    "sergei-aleinik": {
        **tr("name", "Sergei Aleinik", "Сергей Алейник", "Сяргей Алейнік"),
        **tr(
            "position",
            "Chairman of the Standing Commission on International Affairs and National "
            "Security of the Council of the Republic",
            "Председатель Постоянной комиссии Совета Республики по международным делам "
            "и национальной безопасности",
            "Старшыня Пастаяннай камісіі Савета Рэспублікі па міжнародных справах "
            "і нацыянальнай бяспецы",
        ),
        "organisation": "commission-on-international-affairs",
        "country": "BY",
    },
    # The source names the ambassador only by office, so the record does too.
    "ambassador-of-japan-to-belarus": {
        **tr(
            "name",
            "Ambassador of Japan to Belarus",
            "Посол Японии в Беларуси",
            "Пасол Японіі ў Беларусі",
        ),
        **tr(
            "position",
            "Ambassador of Japan to the Republic of Belarus",
            "Посол Японии в Республике Беларусь",
            "Пасол Японіі ў Рэспубліцы Беларусь",
        ),
        "organisation": "embassy-of-japan-in-belarus",
        "country": "JP",
    },
}

# (person slug, role); the source gives no dates for the chairmanship.
MEMBERSHIPS = [("sergei-aleinik", "chair")]

MEETING = {
    "slug": "chairman-meets-ambassador-of-japan",
    **tr(
        "title",
        "Commission Chairman Sergei Aleinik meets the Ambassador of Japan",
        "Председатель комиссии Сергей Алейник встретился с Послом Японии",
        "Старшыня камісіі Сяргей Алейнік сустрэўся з Паслом Японіі",
    ),
    **tr(
        "summary",
        "The sides discussed developing interparliamentary and interregional cooperation "
        "between Belarus and Japan, with special attention to the social and humanitarian "
        "sphere.",
        "Стороны обсудили развитие межпарламентского и межрегионального сотрудничества "
        "Беларуси и Японии, уделив особое внимание социально-гуманитарной сфере.",
        "Бакі абмеркавалі развіццё міжпарламенцкага і міжрэгіянальнага супрацоўніцтва "
        "Беларусі і Японіі, удзяліўшы асаблівую ўвагу сацыяльна-гуманітарнай сферы.",
    ),
    **tr(
        "body",
        "Sergei Aleinik, Chairman of the Standing Commission on International Affairs and "
        "National Security of the Council of the Republic, met the Ambassador of Japan to "
        "Belarus.\n\n"
        "The conversation recalled that Japan helped mitigate the consequences of the "
        "Chernobyl disaster with aid totalling about USD 40 million.\n\n"
        "Since 2004 the Government of Japan has run a programme of grant assistance for "
        "grass-roots projects that strengthens the technical base of Belarusian healthcare "
        "institutions. The programme was revived in 2025. Under it, high-tech medical "
        "equipment has been supplied to the Senno Central District Hospital and the Gomel "
        "Oncology Center, and on 16 January 2026 documents were signed for supplying "
        "equipment to the Stolin Central District Hospital.",
        "Сергей Алейник, председатель Постоянной комиссии Совета Республики по "
        "международным делам и национальной безопасности, встретился с Послом Японии "
        "в Беларуси.\n\n"
        "В ходе беседы было отмечено, что Япония помогла в преодолении последствий "
        "катастрофы на Чернобыльской АЭС, оказав помощь на сумму около 40 млн долларов США.\n\n"
        "С 2004 года Правительство Японии реализует программу грантовой помощи проектам "
        "низового уровня, которая укрепляет техническую базу белорусских учреждений "
        "здравоохранения. В 2025 году программа возобновлена. В её рамках "
        "высокотехнологичное медицинское оборудование поставлено в Сенненскую центральную "
        "районную больницу и Гомельский онкологический центр, а 16 января 2026 года "
        "подписаны документы о поставке оборудования в Столинскую центральную районную "
        "больницу.",
        "Сяргей Алейнік, старшыня Пастаяннай камісіі Савета Рэспублікі па міжнародных "
        "справах і нацыянальнай бяспецы, сустрэўся з Паслом Японіі ў Беларусі.\n\n"
        "Падчас размовы было адзначана, што Японія дапамагла ў пераадоленні наступстваў "
        "катастрофы на Чарнобыльскай АЭС, аказаўшы дапамогу на суму каля 40 млн долараў "
        "ЗША.\n\n"
        "З 2004 года Урад Японіі рэалізуе праграму грантавай дапамогі праектам нізавога "
        "ўзроўню, якая ўмацоўвае тэхнічную базу беларускіх устаноў аховы здароўя. У 2025 "
        "годзе праграма адноўлена. У яе рамках высокатэхналагічнае медыцынскае абсталяванне "
        "пастаўлена ў Сенненскую цэнтральную раённую бальніцу і Гомельскі анкалагічны "
        "цэнтр, а 16 студзеня 2026 года падпісаны дакументы аб пастаўцы абсталявання ў "
        "Столінскую цэнтральную раённую бальніцу.",
    ),
    "kind": "bilateral",
    # The news item is dated 2026-01-26; it gives no other date for the meeting.
    "date": dt.date(2026, 1, 26),
    "countries": ["JP"],
    "source_url": SOURCE_URL,
    "status": "published",
    "topics": list(TOPICS),
    # (person slug, side)
    "participants": [
        ("sergei-aleinik", "commission"),
        ("ambassador-of-japan-to-belarus", "counterpart"),
    ],
}

PROGRAMMES = {
    "japan-grass-roots-grant-assistance": {
        **tr(
            "title",
            "Grant Assistance for Grass-Roots Projects",
            "Программа грантовой помощи проектам низового уровня",
            "Праграма грантавай дапамогі праектам нізавога ўзроўню",
        ),
        **tr(
            "description",
            "A programme of the Government of Japan that strengthens the technical base of "
            "Belarusian healthcare institutions. Run since 2004 and revived in 2025. The "
            "source counts three projects implemented under the revived programme and names "
            "two of them.",
            "Программа Правительства Японии, укрепляющая техническую базу белорусских "
            "учреждений здравоохранения. Действует с 2004 года, возобновлена в 2025 году. "
            "Источник сообщает о трёх реализованных проектах возобновлённой программы и "
            "называет два из них.",
            "Праграма Урада Японіі, якая ўмацоўвае тэхнічную базу беларускіх устаноў аховы "
            "здароўя. Дзейнічае з 2004 года, адноўлена ў 2025 годзе. Крыніца паведамляе пра "
            "тры рэалізаваныя праекты адноўленай праграмы і называе два з іх.",
        ),
        "donor": "government-of-japan",
        "start_year": 2004,
        "revived_year": 2025,
        "source_url": SOURCE_URL,
        "status": "published",
    },
    "japan-chernobyl-assistance": {
        **tr(
            "title",
            "Assistance in mitigating the consequences of the Chernobyl disaster",
            "Помощь в преодолении последствий катастрофы на Чернобыльской АЭС",
            "Дапамога ў пераадоленні наступстваў катастрофы на Чарнобыльскай АЭС",
        ),
        **tr(
            "description",
            "Japan's aid to Belarus for mitigating the consequences of the Chernobyl disaster. "
            "The total is approximate and not broken down into projects.",
            "Помощь Японии Беларуси в преодолении последствий катастрофы на Чернобыльской АЭС. "
            "Сумма приблизительная и не разбита по проектам.",
            "Дапамога Японіі Беларусі ў пераадоленні наступстваў катастрофы на Чарнобыльскай "
            "АЭС. Сума прыблізная і не падзелена па праектах.",
        ),
        "donor": "government-of-japan",
        "reported_total": Decimal("40000000"),
        "reported_total_currency": "USD",
        "reported_total_is_approximate": True,
        "source_url": SOURCE_URL,
        "status": "published",
    },
}

_SUPPLY = {
    "en": "Supply of high-tech medical equipment to the {0}",
    "ru": "Поставка высокотехнологичного медицинского оборудования в {0}",
    "be": "Пастаўка высокатэхналагічнага медыцынскага абсталявання ў {0}",
}

PROJECTS = {
    "senno-central-district-hospital-equipment": {
        **tr(
            "title",
            _SUPPLY["en"].format("Senno Central District Hospital"),
            _SUPPLY["ru"].format("Сенненскую центральную районную больницу"),
            _SUPPLY["be"].format("Сенненскую цэнтральную раённую бальніцу"),
        ),
        **tr("district", "Senno district", "Сенненский район", "Сенненскі раён"),
        "recipient": "senno-central-district-hospital",
        "region": "BY-VI",
        "project_status": "completed",
        "milestones": [],
    },
    "gomel-oncology-center-equipment": {
        **tr(
            "title",
            _SUPPLY["en"].format("Gomel Oncology Center"),
            _SUPPLY["ru"].format("Гомельский онкологический центр"),
            _SUPPLY["be"].format("Гомельскі анкалагічны цэнтр"),
        ),
        "recipient": "gomel-oncology-center",
        "region": "BY-HO",
        "project_status": "completed",
        "milestones": [],
    },
    "stolin-central-district-hospital-equipment": {
        **tr(
            "title",
            _SUPPLY["en"].format("Stolin Central District Hospital"),
            _SUPPLY["ru"].format("Столинскую центральную районную больницу"),
            _SUPPLY["be"].format("Столінскую цэнтральную раённую бальніцу"),
        ),
        **tr("district", "Stolin district", "Столинский район", "Столінскі раён"),
        "recipient": "stolin-central-district-hospital",
        "region": "BY-BR",
        "project_status": "implementation",
        "year": 2026,
        "milestones": [("agreement_signed", dt.date(2026, 1, 16))],
    },
}

# Sample photos (backoffice/demo/photos/ATTRIBUTION.md): stand-ins for the
# event's photos, labelled as samples on the site. (file, gallery, credit, licence)
SAMPLE_PHOTOS = [
    (
        "picosdeeuropa_by_Aitzol_Berasategi.jpg",
        "meeting",
        tr(
            "alt_text",
            "Sample image: mountain peaks under a clear sky",
            "Образец изображения: горные вершины под ясным небом",
            "Узор выявы: горныя вяршыні пад ясным небам",
        ),
        "Aitzol Berasategi",
        "CC-BY-4.0",
    ),
    (
        "sunset_by_Aitzol_Berasategi.jpg",
        "meeting",
        tr(
            "alt_text",
            "Sample image: a sunset over hills",
            "Образец изображения: закат над холмами",
            "Узор выявы: захад сонца над пагоркамі",
        ),
        "Aitzol Berasategi",
        "CC-BY-4.0",
    ),
    (
        "seeding_by_Clements_Engelhardt.jpg",
        "stolin-central-district-hospital-equipment",
        tr(
            "alt_text",
            "Sample image: seedlings growing in soil",
            "Образец изображения: ростки в земле",
            "Узор выявы: парасткі ў зямлі",
        ),
        "Clements Engelhardt",
        "CC0-1.0",
    ),
]
