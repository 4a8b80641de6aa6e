"""Word lists the name detectors rely on: head nouns, legal suffixes, connectors, titles of
people, generic descriptors, acronyms every reader knows, places whose names differ by a
letter or two but are different places, and the endings of English forms of one stem.

All lists are general English / Chinese-English press usage; none is taken from the
measurement data. Everything is lower case unless said otherwise.
"""
from __future__ import annotations

# Head nouns of organisation, event and institution names, mapped to a class: two names
# whose heads share a class may be translations of one Chinese word (博览会 = Expo,
# Exposition, Exhibition, Fair). Heads of different classes never name the same thing
# (a Ministry is national, a Department provincial).
HEAD_CLASS: dict[str, str] = {
    "group": "group", "conglomerate": "group", "holdings": "holdings", "holding": "holdings",
    "company": "company", "corporation": "company", "enterprise": "company",
    "enterprises": "company", "firm": "company", "technology": "company",
    "technologies": "company",
    "university": "university", "college": "college", "school": "school",
    "academy": "academy", "institute": "institute", "institution": "institute",
    "laboratory": "laboratory", "lab": "laboratory", "centre": "centre", "center": "centre",
    "association": "association", "society": "association",
    "alliance": "alliance", "federation": "federation", "union": "union",
    "league": "league", "chamber": "chamber", "council": "council",
    "committee": "committee", "commission": "commission",
    "exposition": "expo", "expo": "expo", "exhibition": "expo", "fair": "expo",
    "forum": "forum", "summit": "summit", "conference": "conference",
    "congress": "congress", "convention": "convention", "symposium": "symposium",
    "festival": "festival", "games": "games", "championship": "championship",
    "championships": "championship", "competition": "competition", "contest": "competition",
    "awards": "awards", "award": "awards", "week": "week", "show": "show",
    "department": "department", "ministry": "ministry", "bureau": "bureau",
    "administration": "administration", "agency": "agency", "office": "office",
    "government": "government", "municipality": "government",
    "bank": "bank", "fund": "fund", "foundation": "foundation", "hospital": "hospital",
    "museum": "museum", "library": "library", "park": "park", "zone": "zone",
    "party": "party", "court": "court", "procuratorate": "procuratorate",
    "station": "station", "airport": "airport", "port": "port", "platform": "platform",
    "network": "network", "daily": "media", "times": "media", "news": "media",
    "post": "media", "television": "media", "tv": "media", "radio": "media",
}

# Legal-form words and abbreviations: dropped when comparing names ("Co., Ltd").
LEGAL_SUFFIXES = frozenset("""
co co. ltd ltd. limited inc inc. incorporated corp corp. llc plc gmbh ag sa s.a. jsc pte pty
lp llp nv bv
""".split())

# Words that may join capitalised words inside one name.
CONNECTORS = frozenset("of for and the on de du des la le &".split())

# Place words: a name ending in one is complete ("... of Jiangsu Province and the ...").
PLACE_WORDS = frozenset("province city county district region prefecture town village".split())

# Articles and determiners dropped at the start of a name.
ARTICLES = frozenset("the a an this that these those its their our his her".split())

# Descriptive words a short form may leave out without naming something else
# ("Vision Technology Group" -> "Envision Group"). Only a one-sided omission is allowed:
# two names that each have such a word the other lacks ("Science and Technology" /
# "Science and Industry") stay apart.
DESCRIPTORS = frozenset("""
technology technologies tech science sciences scientific industry industrial industries
international global holding holdings development developments investment investments
group company corporation co ltd limited
""".split())

# Personal titles: a run "Vice President of X Group" names X Group, not the president.
TITLE_WORDS = frozenset("""
mr mr. mrs mrs. ms ms. dr dr. prof prof. president vice chairman chairwoman chairperson chair
director general deputy secretary ceo cfo cto coo founder co-founder cofounder head heads
member members dean professor minister mayor governor ambassador spokesperson spokesman
spokeswoman chief executive officer manager partner representative representatives
researcher fellow academician leader leaders staff student students senior associate
assistant principal editor reporter correspondent consul commissioner counsellor counselor
chairmen presidents directors general-manager expert experts delegate delegates delegation
party-secretary envoy premier king queen prince princess sultan emperor prime official
officials employee employees worker workers teacher teachers scholar scholars guest guests
visitor visitors resident residents alumni graduate graduates friends fans customers users
""".split())

# Acronyms every reader knows: never "used before defined".
GENERIC_ACRONYMS = frozenset("""
US USA U.S. U.S.A. UK U.K. EU E.U. UN U.N. UAE PRC P.R.C. NATO WHO WTO IMF OPEC ASEAN APEC G7 G20
BRICS UNESCO UNICEF OECD FIFA IOC
GDP GNP CPI PPI PMI FDI IPO M&A R&D B2B B2C O2O ESG VAT
CEO CFO CTO COO CIO CMO VP HR PR IT ICT AI IoT IOT AR VR XR API APP GPS SIM SMS PC TV
LED LCD OLED CPU GPU USB WIFI WiFi Wi-Fi DNA RNA HIV AIDS SARS COVID COVID-19 PCR ICU
2G 3G 4G 5G 6G LTE NFC RFID QR ID PDF URL HTTP WWW DIY FAQ PS NB
AM PM A.M. P.M. BC AD CST GMT UTC
KM KG CM MM MW GW KW KWH GWH TWH RMB CNY USD EUR HKD JPY
CPC NPC CPPCC PLA SOE SOEs
NASA FBI CIA BBC CNN AP AFP
""".split())

# Place names that differ by a letter or two but are different places (provinces and
# cities of China, and countries): two of them are never spelling variants of one name.
DISTINCT_PLACES = frozenset("""
shanxi shaanxi hunan henan hubei hebei jiangsu jiangxi guangdong guangxi guangzhou
nanjing nanning nanchang zhejiang zhenjiang jilin jinlin jining jinan jian ji'an taizhou
tianjin tianshui xiamen ximen suzhou xuzhou fuzhou huzhou quzhou zhuzhou chuzhou
haikou haiyan yunnan hainan wuhan wuhu wuxi wuyi changsha changzhou changchun chengdu
chengde anhui anhai lanzhou lianzhou liuzhou luzhou dalian danyang yangzhou yangjiang
austria australia iran iraq niger nigeria guinea gambia zambia samoa somalia slovakia
slovenia sweden swaziland mali malawi malta oman omaha korea
""".split())

# Field labels whose value is an organisation's name ("Company Name: Global Times").
NAME_FIELD_LABELS = frozenset((
    "company", "company name", "organization", "organisation", "organization name",
    "organisation name", "organizer", "organiser", "publisher", "media", "media outlet",
    "source", "agency", "institution", "brand", "sponsor", "host", "issuer",
))

# Capitalised only because they open a sentence: never the first word of a name.
SENTENCE_STARTERS = frozenset("""
the a an it its he she they we i in on at as this that these those there but and also
however meanwhile according after before during since when while with for from his her their
our by to last next some many most all both each other such then now today yesterday earlier
later if although though so thus therefore moreover furthermore besides still yet recently
currently previously first second third finally here where what which who why how not no
over under about among between through within without against into upon only even
""".split())

# Trailing legal or generic company words dropped before the head is chosen.
TRAILING_FORMS = frozenset({"corporation", "company"}) | LEGAL_SUFFIXES

# Endings of English forms of one stem ('Industry' / 'Industrial', 'Ecology' / 'Ecological');
# not "an" / "en", which differ between transliterations of one name.
ENGLISH_ENDINGS = frozenset("""
e y s es ies al ial ical ic ics ian ese ist ism ists ure ures ary ery ory ity ive ion ions
ment ments ing ed er ers ous or ors ial
""".split()) | {""}


def same_stem(a: str, b: str) -> bool:
    """Two English forms of one stem, compared as given (lower-case both for any case):
    'technology' / 'technologies', 'agriculture' / 'agricultural', 'industry' / 'industrial'."""
    k = 0
    while k < min(len(a), len(b)) and a[k] == b[k]:
        k += 1
    return a[k:] in ENGLISH_ENDINGS and b[k:] in ENGLISH_ENDINGS


def within_one_edit(a: str, b: str) -> bool:
    """True when `a` and `b` differ by one insertion, deletion, substitution or swap of two
    neighbouring letters (and are not equal)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    n = min(len(a), len(b))
    i = 0
    while i < n and a[i] == b[i]:
        i += 1
    if len(a) != len(b):
        longer, shorter = (a, b) if len(a) > len(b) else (b, a)
        return longer[i + 1:] == shorter[i:]
    if a[i + 1:] == b[i + 1:]:
        return True
    return i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2:] == b[i + 2:]
