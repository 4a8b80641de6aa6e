"""Garbled-fragment rules (GB01-GB09): narrow patterns for what segment alignment and number
conversion leave behind.

The checks live in fragments.py (fragments), joins.py (words run together at a visible seam),
runtogether.py with wordsplit.py (lower-case words run together, found with a word list) and
numbers.py; scan.py finds the few places where their patterns can match, so most of a
release is never run through them. GB01 finds its fragments with the list detection of the duplication family.
"""
from __future__ import annotations

from ...document.model import Document
from ...findings import Hit
from ...rules.base import Example, Option, Rule, RuleDoc, RuleMeta, collect_rules
from ...rules.context import RuleOptions
from ..duplication.lists import fragment_items
from .fragments import redundant_etc, stray_the_after_name
from .joins import joined_words
from .numbers import empty_placeholder, malformed_number, number_scale, wrong_ordinal
from .runtogether import run_together_words


# ---- GB01 list fragment ----------------------------------------------------------------
def check_list_fragment(doc: Document, opts: RuleOptions):
    for s, e in fragment_items(doc):
        frag = doc.slice((s, e))
        yield Hit(s, e, f"'{frag}' is a fragment, not a list item: a legal suffix or 'etc.' "
                        "was split off a name when the list was translated; join it to the "
                        "name it belongs to or delete it")


LIST_FRAGMENT = Rule(RuleMeta(
    code="GB01", name="list-fragment", category="garbled", severity="warning",
    summary="a list item that is only 'etc.' or a legal suffix ('etc. Ltd')",
    doc=RuleDoc(
        what="A list item that is nothing but a legal suffix ('Ltd', 'Co., Ltd', 'Inc.') or "
             "'etc.' in the middle of a list, and 'etc.' glued to a legal suffix anywhere "
             "('Vision Technology Group, etc. Ltd, Haier Group'). A final 'etc.' closing a "
             "list is fine.",
        why="Chinese lists end with 等 ('etc.') before the noun they qualify; when the "
            "translation breaks the list, the suffix and the 'etc.' become an item of their "
            "own that names nothing.",
        instead="Attach the suffix to the company it belongs to, or delete the fragment; put "
                "'and others' or 'etc.' only at the end of the list.",
        examples=(Example(bad="Sponsors include Lenovo Group, etc. Ltd, Xiaomi Corporation "
                              "and BYD.\n",
                          flags=("etc. Ltd",),
                          good="Sponsors include Lenovo Group, Xiaomi Corporation, BYD, "
                               "etc.\n"),),
        precision="WMT23 zh-en dev: no findings (its two bare 'etc.,' close their lists, "
                  "'..., defence, etc., requires ...'; GB02 reports them after 'such as'). "
                  "Seed and test releases: the 3 'etc. Ltd' fragments found; "
                  "bench/releases/dev and the clean releases: no findings."),
    ), check_list_fragment)


GB02 = Rule(RuleMeta(
    code="GB02", name="redundant-etc", category="garbled", severity="warning",
    summary="'etc.' in a list that already ends with 'and other ...' or opens with 'including'",
    doc=RuleDoc(
        what="'etc.' in a sentence whose list also ends with 'and other', 'and so on' or "
             "'and the like', or opens with 'including' / 'such as'.",
        why="Chinese closes lists with 等 ('and so on'); engines translate it once as 'etc.' and "
            "again as 'and other ...', or add 'etc.' after 'including', which already means the "
            "list is partial. The doubled ending reads as a glitch.",
        instead="Keep one ending: 'A, B and other companies' or 'including A and B'.",
        examples=(Example(
            bad="The alliance includes Sunrise Foods, Lakeview Dairy, etc. and other producers.",
            flags=("etc.",),
            good="The alliance includes Sunrise Foods, Lakeview Dairy and other producers."),
            Example(
            bad="The fund invests in sectors such as biotech, clean energy, etc.",
            flags=("etc.",),
            good="The fund invests in sectors such as biotech and clean energy.")),
        fix_safety="unsafe: deletes 'etc.' when another list ending is present; check the "
                   "commas around it.",
        precision="WMT23 zh-en dev (62,795 words): 2 findings ('such as ... etc.'), both "
                  "inside rated errors (lift 2.80), no clean segment flagged. Seed: its "
                  "'etc. Ltd, ... and other' is GB01's finding (deleting 'etc.' there would "
                  "leave the fragment 'Ltd')."),
    fixable="unsafe",
    defers_to=("GB01",)),       # 'etc. Ltd': the fragment is the defect; deleting 'etc.' leaves 'Ltd'
    redundant_etc)

GB03 = Rule(RuleMeta(
    code="GB03", name="stray-the-after-name", category="garbled", severity="warning",
    summary="a capitalised 'The' mid-sentence right after a Chinese name",
    doc=RuleDoc(
        what="A Chinese full name followed by 'The' and a capitalised word: 'Hong Lei The "
             "Consul General'.",
        why="The title was translated as its own segment and glued after the name; the result "
            "has no grammatical role and reads as garbage.",
        instead="Put the title before the name ('Consul General Hong Lei') or after it with a "
                "comma ('Hong Lei, the Consul General').",
        examples=(Example(
            bad="The reception was hosted by Shen Yulan The Consul General in Lyon.",
            flags=("The",),
            good="The reception was hosted by Shen Yulan, the Consul General in Lyon."),),
        precision="WMT23 zh-en dev (62,795 words): no findings; fixture releases: all correct.")),
    stray_the_after_name)

GB04 = Rule(RuleMeta(
    code="GB04", name="joined-words", category="garbled", severity="warning",
    summary="words run together at a visible seam ('provinceIssued', 'China2025', 'Mr.Li', "
            "'area.Zhangjiakou', 'approval,accelerate')",
    doc=RuleDoc(
        what="Words run together where a capital, a digit or punctuation shows the seam: a "
             "lower-case word run into a capitalised one ('provinceIssued', 'inDevelopment'), a "
             "title into a Chinese surname ('ChairmanZhou'), a surname into a given name "
             "('LiuJianhua') beside names written with a space in the same list, a word into "
             "a year or number ('China2025', 'The23rd') or a number into a word "
             "('230wineries', '2021World'), a title into a name ('Mr.Li'), a month into a day "
             "('Dec.22'), two sentences ('area.Zhangjiakou', 'Harbin.The') and two words at a "
             "comma or semicolon ('approval,accelerate'). Left alone: URLs, e-mail addresses, "
             "domain and file names, decimals, times, 'U.S.', 'No.1', abbreviations before a "
             "capital ('Inc.', 'St.'), units after numbers ('100Mbps', '5kWh'), camel-case "
             "brands from a capital (WeChat, PetroChina) and brands from a lower-case letter "
             "that start with a brand prefix (openEuler, smartThings), are English words "
             "(easyJet, iPhone) or recur in the release (add more with the 'allow' option).",
        why="The space was lost where two translated segments were joined. Spell checkers and "
            "search miss the words, and readers stumble.",
        instead="Put the space back: 'province issued', 'China 2025', 'Mr. Li', 'Dec. 22', "
                "'area. Zhangjiakou', 'approval, accelerate'. The space is suggested when it is "
                "certainly the whole fix; after a lower-case word, a capital that is not a name "
                "needs checking too.",
        examples=(Example(
            bad="The plan supports Made in China2025 and was announced by Mr.Li on Dec.22.",
            flags=("China2025", "Mr.Li", "Dec.22"),
            good="The plan supports Made in China 2025 and was announced by Mr. Li on Dec. 22."),
            Example(
            bad="ChairmanZhou's team will speed up approval,accelerate building and open "
                "230wineries.",
            flags=("ChairmanZhou", "approval,accelerate", "230wineries"),
            good="Chairman Zhou's team will speed up approval, accelerate building and open "
                 "230 wineries.")),
        fix_safety="unsafe: inserts the missing space.",
        precision="WMT23 zh-en dev (62,795 words): no findings. bench/releases/dev: 8 findings, "
                  "all on gold defects (7 of its 8 run-together items; GB09 has the eighth), "
                  "no false alarm; clean releases: none. Camel-case identifiers and 'module.Class' "
                  "in code are flagged, so keep code out of the prose."),
    options=(Option("allow", (), "more lower-case-first brand names to accept (list)"),),
    fixable="unsafe"), joined_words)

GB09 = Rule(RuleMeta(
    code="GB09", name="run-together-words", category="garbled", severity="info",
    summary="lower-case words run together with no capital to show it ('ofthe', 'iceand', "
            "'economicdevelopment')",
    doc=RuleDoc(
        what="A lower-case token that is not an English word but two or three frequent words "
             "run together: a preposition into an article ('ofthe', 'inthis'), a word into a "
             "function word ('tradeand', 'iceandsnow'), or two common content words "
             "('economicdevelopment'); also a common capitalised word run into a function "
             "word ('Universityand', 'Provinceof'), where the whole is no word ('Iceland' "
             "passes). Words are looked up in a compact list derived from "
             "wordfreq's English frequencies (with inflections), so rare but real words "
             "('photovoltaic', 'decarbonisation', 'livestreamers') and British spellings pass; "
             "so do pinyin, tokens that recur in the release (brands, terms), tokens in URLs, "
             "code, file names or hyphenated compounds, tokens among other unknown words (a "
             "foreign passage), and closed compounds with bound heads or tails ('agritech', "
             "'provincewide').",
        why="A space lost when segments or lines were joined; spell checkers flag the token, "
            "search misses both words, and readers stumble.",
        instead="Put the spaces back. The split is suggested only when it is the one clear cut "
                "and no common word is one letter away; otherwise the finding says what else "
                "the token may be.",
        examples=(Example(
            bad="The city will promote its iceand snow economy and the growth ofthe region.",
            flags=("iceand", "ofthe"),
            good="The city will promote its ice and snow economy and the growth of the "
                 "region."),),
        fix_safety="unsafe: inserts the missing spaces.",
        precision="WMT23 zh-en dev (62,795 words): no findings. bench/releases/dev: 1 finding "
                  "('iceand'), a gold defect; clean releases: none. On 2 MB of technical "
                  "documentation (Python, CMake and Perl manuals, licences) it flags technical "
                  "compounds no word list has ('coredump', 'fakeroot'): hence info."),
    options=(Option("allow", (), "lower-case words to accept as written (list)"),),
    fixable="unsafe"), run_together_words)

GB05 = Rule(RuleMeta(
    code="GB05", name="wrong-ordinal-suffix", category="garbled", severity="warning",
    summary="an ordinal with the wrong ending ('22th', '3th', '11st')",
    doc=RuleDoc(
        what="A number with an ordinal ending that does not fit it: '22th', '3th', '11st'.",
        why="Engines attach 'th' to any number; the result is a visible spelling error, often "
            "in a date.",
        instead="Use the right ending (1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 22nd), or "
                "drop it in dates: 'Dec. 22'.",
        examples=(Example(
            bad="The fair closes on the 22th of May.",
            flags=("22th",),
            good="The fair closes on May 22."),),
        fix_safety="safe in form, but unsafe by default: the number itself may be wrong.",
        precision="WMT23 zh-en dev (62,795 words): no findings (every ordinal there is right)."),
    fixable="unsafe"), wrong_ordinal)

GB06 = Rule(RuleMeta(
    code="GB06", name="malformed-number", category="garbled", severity="warning",
    summary="digits grouped wrongly ('3000,20', '1,000,20', '12,3456')",
    doc=RuleDoc(
        what="A number with commas whose groups are not threes: '3000,20', '1,000,20', "
             "'12,3456'. Year lists ('2020,2021'), dates ('May 5,2020') and two-digit decimal "
             "commas ('3,5') are left alone.",
        why="Such figures are two numbers run together or a figure broken in conversion from "
            "万/亿; readers cannot tell the value.",
        instead="Check the source and write the figure in English grouping: '3,000', '20'.",
        examples=(Example(
            bad="Sales rose to 3000,20 units in the first quarter.",
            flags=("3000,20",),
            good="Sales rose to 3,020 units in the first quarter."),),
        precision="WMT23 zh-en dev (62,795 words): no findings; fixture releases: all correct.")),
    malformed_number)

GB07 = Rule(RuleMeta(
    code="GB07", name="empty-placeholder", category="garbled", severity="warning",
    summary="empty brackets where something was lost ('<>', '()', '[]')",
    doc=RuleDoc(
        what="Empty angle brackets, parentheses or square brackets, alone or in a comma series "
             "('<>,<>'). Full-width brackets are reported by PU01/PU03 first; once fixed, "
             "empty ones are reported here.",
        why="A name, a figure or a link was dropped in conversion and its brackets stayed.",
        instead="Restore what belongs inside, or delete the brackets.",
        examples=(Example(
            bad="Registration is open at <>,<> until Friday.",
            flags=("<>,<>",),
            good="Registration is open at the venue until Friday."),),
        precision="WMT23 zh-en dev (62,795 words): 1 finding (a name lost inside '()'), "
                  "confirmed (lift 8.1).")), empty_placeholder)

GB08 = Rule(RuleMeta(
    code="GB08", name="chinese-number-unit", category="style", severity="info",
    summary="Chinese number units carried over ('1000 billion', '2.5 ten thousand')",
    doc=RuleDoc(
        what="A count of billions of four digits or more ('1000 billion yuan', "
             "'1,200 billion'), and a number followed by 'ten thousand' or 'hundred million' "
             "('2.5 ten thousand visitors'). A count of billions is ambiguous: '3842 billion' "
             "may render 3842亿 (384.2 billion) or a figure in 万亿 (3.842 trillion), so no "
             "conversion is suggested for it; in bilingual mode (the Chinese original beside "
             "the release) AC01 compares the figure with the source, and this rule gives way "
             "to it on the same span.",
        why="Chinese counts in 万 (ten thousand) and 亿 (hundred million); converted "
            "mechanically, the figures come out in units English does not use, and readers "
            "must do the arithmetic (or get it wrong).",
        instead="Convert to English units: '25,000 visitors', '120 million'; for a count of "
                "billions, check the source first ('384.2 billion' or '3.842 trillion').",
        examples=(Example(
            bad="Output reached 1000 billion yuan and drew 2.5 ten thousand visitors.",
            flags=("1000 billion", "2.5 ten thousand"),
            good="Output reached 1 trillion yuan and drew 25,000 visitors."),),
        precision="WMT23 zh-en dev (62,795 words): no findings. Info: the figure may be "
                  "right, only unidiomatic."),
    defers_to=("AC01",)), number_scale)

RULES = collect_rules(globals())
