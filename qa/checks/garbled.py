"""Garbled-fragment rules (GB02-GB08): narrow patterns for what segment alignment and number
conversion leave behind. GB01 ("etc. Ltd") belongs to the duplication family.

The checks live in _garbled.py (fragments and joined words) and _garbled_numbers.py;
_garbled_scan.py finds the few places where their patterns can match, so most of a release
is never run through them.
"""
from __future__ import annotations

from ..rules.base import Example, Option, Rule, RuleDoc, RuleMeta
from ._garbled import joined_words, redundant_etc, stray_the_after_name
from ._garbled_numbers import empty_placeholder, malformed_number, number_scale, wrong_ordinal

GB02 = RuleMeta(
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
                  "inside rated errors (lift 2.80), no clean segment flagged. Seed: 1 finding, "
                  "correct."),
    fixable="unsafe")

GB03 = RuleMeta(
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
        precision="WMT23 zh-en dev (62,795 words): no findings; fixture releases: all correct."))

GB04 = RuleMeta(
    code="GB04", name="joined-words", category="garbled", severity="warning",
    summary="words run together at a segment border ('provinceIssued', 'China2025', 'Mr.Li')",
    doc=RuleDoc(
        what="A lower-case word run into a capitalised one ('provinceIssued'), a word run into a "
             "year ('China2025') or a year into a word ('2021World'), a title run into a name "
             "('Mr.Li'), a month run into a day ('Dec.22'), or two sentences run together "
             "('area.Zhangjiakou'). URLs, e-mail addresses, "
             "domain names and file names are skipped, and so are brands that start in lower case "
             "(openEuler, openGauss; add yours with the 'allow' option). Brands written in "
             "CamelCase from a capital (WeChat, PetroChina) never match.",
        why="The space was lost where two translated segments were joined. Spell checkers and "
            "search miss the words, and readers stumble.",
        instead="Put the space back: 'province issued', 'China 2025', 'Mr. Li', 'Dec. 22', "
                "'area. Zhangjiakou'.",
        examples=(Example(
            bad="The plan supports Made in China2025 and was announced by Mr.Li on Dec.22.",
            flags=("China2025", "Mr.Li", "Dec.22"),
            good="The plan supports Made in China 2025 and was announced by Mr. Li on Dec. 22."),),
        fix_safety="unsafe: inserts the missing space.",
        precision="WMT23 zh-en dev (62,795 words): no findings; fixture releases: all correct."),
    options=(Option("allow", (), "more lower-case-first brand names to accept (list)"),),
    fixable="unsafe")

GB05 = RuleMeta(
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
    fixable="unsafe")

GB06 = RuleMeta(
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
        precision="WMT23 zh-en dev (62,795 words): no findings; fixture releases: all correct."))

GB07 = RuleMeta(
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
                  "confirmed (lift 8.1)."))

GB08 = RuleMeta(
    code="GB08", name="chinese-number-unit", category="style", severity="info",
    summary="Chinese number units carried over ('1000 billion', '2.5 ten thousand')",
    doc=RuleDoc(
        what="A count of billions of four digits or more ('1000 billion yuan', "
             "'1,200 billion'), and a number followed by 'ten thousand' or 'hundred million' "
             "('2.5 ten thousand visitors').",
        why="Chinese counts in 万 (ten thousand) and 亿 (hundred million); converted "
            "mechanically, the figures come out in units English does not use, and readers "
            "must do the arithmetic (or get it wrong).",
        instead="Convert to English units: '1 trillion yuan', '25,000 visitors', '120 million'.",
        examples=(Example(
            bad="Output reached 1000 billion yuan and drew 2.5 ten thousand visitors.",
            flags=("1000 billion", "2.5 ten thousand"),
            good="Output reached 1 trillion yuan and drew 25,000 visitors."),),
        precision="WMT23 zh-en dev (62,795 words): no findings. Info: the figure is right, "
                  "only unidiomatic."))

RULES = (
    Rule(GB02, redundant_etc),
    Rule(GB03, stray_the_after_name),
    Rule(GB04, joined_words),
    Rule(GB05, wrong_ordinal),
    Rule(GB06, malformed_number),
    Rule(GB07, empty_placeholder),
    Rule(GB08, number_scale),
)
