"""Official English names of Chinese bodies, the acronyms they go by, the acronyms every
reader knows, and the words machine translation uses interchangeably for one Chinese word.

The name rules read these lists to choose what to suggest (a name the list knows is the
name to write, whatever the release uses more often), to spell out an acronym a release
never defines, and to tell a wrong acronym from a right one. Everything here is general
knowledge of official usage (the bodies' own English names), not taken from any test text.
"""
from __future__ import annotations

from functools import cache

# Official English name -> the acronyms it goes by ("" when none is usual). A name is
# written as the body writes it, without a leading "The".
OFFICIAL_NAMES: dict[str, tuple[str, ...]] = {
    # central government (State Council ministries, commissions, administrations)
    "Ministry of Foreign Affairs": ("MFA",),
    "Ministry of National Defense": ("MND",),
    "National Development and Reform Commission": ("NDRC",),
    "Ministry of Education": ("MOE",),
    "Ministry of Science and Technology": ("MOST",),
    "Ministry of Industry and Information Technology": ("MIIT",),
    "Ministry of Public Security": ("MPS",),
    "Ministry of Civil Affairs": ("MCA",),
    "Ministry of Finance": ("MOF",),
    "Ministry of Human Resources and Social Security": ("MOHRSS",),
    "Ministry of Natural Resources": ("MNR",),
    "Ministry of Ecology and Environment": ("MEE",),
    "Ministry of Housing and Urban-Rural Development": ("MOHURD",),
    "Ministry of Transport": ("MOT",),
    "Ministry of Water Resources": ("MWR",),
    "Ministry of Agriculture and Rural Affairs": ("MARA",),
    "Ministry of Commerce": ("MOFCOM",),
    "Ministry of Culture and Tourism": ("MCT",),
    "National Health Commission": ("NHC",),
    "Ministry of Emergency Management": ("MEM",),
    "People's Bank of China": ("PBOC", "PBC"),
    "State-owned Assets Supervision and Administration Commission": ("SASAC",),
    "General Administration of Customs": ("GACC",),
    "State Taxation Administration": ("STA",),
    "State Administration for Market Regulation": ("SAMR",),
    "National Financial Regulatory Administration": ("NFRA",),
    "China Securities Regulatory Commission": ("CSRC",),
    "China Banking and Insurance Regulatory Commission": ("CBIRC",),
    "National Radio and Television Administration": ("NRTA",),
    "National Bureau of Statistics": ("NBS",),
    "China National Intellectual Property Administration": ("CNIPA",),
    "National Medical Products Administration": ("NMPA",),
    "National Healthcare Security Administration": ("NHSA",),
    "Civil Aviation Administration of China": ("CAAC",),
    "National Energy Administration": ("NEA",),
    "National Railway Administration": ("NRA",),
    "Cyberspace Administration of China": ("CAC",),
    "State Administration of Foreign Exchange": ("SAFE",),
    "National Immigration Administration": ("NIA",),
    "State Council Information Office": ("SCIO",),
    "Central Military Commission": ("CMC",),
    # academies, councils, federations, media
    "Chinese Academy of Sciences": ("CAS",),
    "Chinese Academy of Engineering": ("CAE",),
    "Chinese Academy of Social Sciences": ("CASS",),
    "National Natural Science Foundation of China": ("NSFC",),
    "China Council for the Promotion of International Trade": ("CCPIT",),
    "China Chamber of International Commerce": ("CCOIC",),
    "All-China Federation of Industry and Commerce": ("ACFIC",),
    "All-China Federation of Trade Unions": ("ACFTU",),
    "All-China Women's Federation": ("ACWF",),
    "China Academy of Information and Communications Technology": ("CAICT",),
    "Hong Kong Trade Development Council": ("HKTDC",),
    "China Media Group": ("CMG",),
    "China Central Television": ("CCTV",),
    "China Global Television Network": ("CGTN",),
    # exchanges, banks, state groups
    "Shanghai Stock Exchange": ("SSE",),
    "Shenzhen Stock Exchange": ("SZSE",),
    "Beijing Stock Exchange": ("BSE",),
    "Hong Kong Exchanges and Clearing": ("HKEX",),
    "Stock Exchange of Hong Kong": ("SEHK",),
    "Industrial and Commercial Bank of China": ("ICBC",),
    "China Construction Bank": ("CCB",),
    "Agricultural Bank of China": ("ABC",),
    "Bank of China": ("BOC",),
    "Bank of Communications": ("BOCOM",),
    "China Development Bank": ("CDB",),
    "Asian Infrastructure Investment Bank": ("AIIB",),
    "State Grid Corporation of China": ("SGCC",),
    "China National Petroleum Corporation": ("CNPC",),
    "China National Offshore Oil Corporation": ("CNOOC",),
    "China Aerospace Science and Technology Corporation": ("CASC",),
    "China Aerospace Science and Industry Corporation": ("CASIC",),
    "China Electronics Technology Group Corporation": ("CETC",),
    "Commercial Aircraft Corporation of China": ("COMAC",),
    "Aviation Industry Corporation of China": ("AVIC",),
    "China National Nuclear Corporation": ("CNNC",),
    # events and international bodies often named in Chinese releases
    "China International Import Expo": ("CIIE",),
    "China-ASEAN Expo": ("CAEXPO",),
    "China International Fair for Trade in Services": ("CIFTIS",),
    "Shanghai Cooperation Organisation": ("SCO",),
    "Regional Comprehensive Economic Partnership": ("RCEP",),
    # universities (their own English names)
    "Peking University": ("PKU",),
    "Tsinghua University": ("THU",),
    "Fudan University": (),
    "Shanghai Jiao Tong University": ("SJTU",),
    "Zhejiang University": ("ZJU",),
    "Nanjing University": ("NJU",),
    "University of Science and Technology of China": ("USTC",),
    "Wuhan University": ("WHU",),
    "Huazhong University of Science and Technology": ("HUST",),
    "Sun Yat-sen University": ("SYSU",),
    "Xi'an Jiaotong University": ("XJTU",),
    "Harbin Institute of Technology": ("HIT",),
    "Beihang University": (),
    "Beijing Institute of Technology": ("BIT",),
    "Beijing Normal University": ("BNU",),
    "Beijing Jiaotong University": ("BJTU",),
    "Tongji University": (),
    "Nankai University": (),
    "Tianjin University": (),
    "Shandong University": (),
    "Xiamen University": (),
    "Sichuan University": (),
    "Soochow University": (),
    "Renmin University of China": ("RUC",),
    "East China Normal University": ("ECNU",),
    "South China University of Technology": ("SCUT",),
    "Dalian University of Technology": ("DUT",),
    "Northwestern Polytechnical University": ("NPU", "NWPU"),
    "Southern University of Science and Technology": ("SUSTech",),
    "University of Chinese Academy of Sciences": ("UCAS",),
    "University of Electronic Science and Technology of China": ("UESTC",),
    "University of Hong Kong": ("HKU",),
    "Chinese University of Hong Kong": ("CUHK",),
    "Hong Kong University of Science and Technology": ("HKUST",),
    "Hong Kong Polytechnic University": ("PolyU",),
    "City University of Hong Kong": ("CityU",),
    "University of Macau": ("UM",),
}

# Acronyms every reader of a Chinese press release knows without a definition, besides
# the lexicon's GENERIC_ACRONYMS (countries, global bodies, business and tech terms).
WELL_KNOWN_ACRONYMS = frozenset("""
DPRK ROK CCP HKSAR SAR WTO WHO UNDP UNEP UNHCR IAEA ILO ICAO IMO ITU WIPO FAO G20 APEC SCO
NBA FIFA UEFA IOC NASA ESA CNN BBC AFP CCTV CGTN CEO CFO CTO COO GDP GNP IPO ETF EV EVs
NEV NEVs SUV SUVs LNG LPG CO2 PM2.5 PhD MBA MD PVC LED LCD OLED AI AR VR IoT ICT IT 5G 4G
6G GPS SIM USB TV PC PCs APP APPs QR DNA RNA HIV COVID COVID-19 SARS MERS ICU CT MRI PCR
ATM VIP FAQ DIY OEM OEMs SME SMEs SOE SOEs R&D B2B B2C ESG VAT CPI PPI PMI FDI ODI USD
RMB CNY HKD EUR JPY GBP TEU TEUs KWH MWH GWH TWH MW GW KW EFLOPS PFLOPS TFLOPS CPU GPU
AM PM BC AD ID
""".split())

# Words machine translation picks among for one Chinese word in a name (会展 exhibition /
# convention, 示范 demonstration / pilot, 园 park / world ...): two otherwise identical long
# names that differ only by such a swap name one body.
INTERCHANGEABLE = (
    frozenset({"exhibition", "exposition", "expo", "convention"}),
    frozenset({"demonstration", "pilot", "experimental"}),
    frozenset({"park", "world", "garden"}),
    frozenset({"zone", "area"}),
    frozenset({"committee", "commission"}),
    frozenset({"association", "society"}),
    frozenset({"bureau", "administration"}),
    frozenset({"centre", "center"}),
    frozenset({"festival", "carnival"}),
    frozenset({"alliance", "league"}),
)


@cache
def _swap_class() -> dict[str, int]:
    return {w: k for k, group in enumerate(INTERCHANGEABLE) for w in group}


def interchangeable(a: str, b: str) -> bool:
    """Two different words (lower case) that translate one Chinese word in a name."""
    cls = _swap_class()
    return a != b and a in cls and cls.get(b) == cls[a]


@cache
def names_by_acronym() -> dict[str, tuple[str, ...]]:
    """Acronym -> the official names that go by it (more than one: ambiguous)."""
    out: dict[str, list[str]] = {}
    for name, acrs in OFFICIAL_NAMES.items():
        for a in acrs:
            out.setdefault(a, []).append(name)
    return {a: tuple(v) for a, v in out.items()}


@cache
def official_by_lower() -> dict[str, str]:
    """The official names by their lower case (for matching a name as written)."""
    return {name.lower(): name for name in OFFICIAL_NAMES}


def official_name(written: str) -> str | None:
    """The official name `written` is (any case, a leading 'the' left out), or None."""
    low = " ".join(written.split()).lower()
    if low.startswith("the "):
        low = low[4:]
    return official_by_lower().get(low)


def expansion_of(acronym: str) -> str | None:
    """The one official name an acronym stands for, or None (unknown or ambiguous)."""
    names = names_by_acronym().get(acronym, ())
    return names[0] if len(names) == 1 else None
