"""Page furniture in English text: lines that belong to the web page or the content-management
system a release was copied from, not to the release.

`furniture_kind(line)` names the kind of furniture one line (or short unit) is, or returns None
when it reads as content:

- ``meta``: a CMS strip or field labels ("2021-03-04 09:12:45 admin", "Release type: original
  Release date: 2023-09-15", "Source: ... Time: ... Hits: 22", "Views: 1386", "Font: [Large
  Medium Small]") and a site's date strip ("Today is Monday, March 4, 2024");
- ``nav``: breadcrumbs ("Home > News > Local News", "Current location: ..."), menus ("Home |
  About | Contact"), share bars, page buttons, related-links headers, comment notices;
- ``editor``: editor, translator, proofreader and reporter credits ("Translated by Ma Li",
  "(Reporter Zhou Min)", "Responsible editor: Li Na");
- ``source``: a news outlet credited as the source ("Source: Xinhua", "[Source: Hunan Daily]"),
  "Original title: ...";
- ``photo``: photo captions and credits ("(Photo by Li Ming)", "Photo shows ...");
- ``chart``: the title or source line of a chart that is not there ("Chart: Sales, 2019-2023",
  "Chart source: ...");
- ``rights``: copyright and licence notices; ``end``: "(End)" and wire end marks;
- ``date``: a line holding only a date, perhaps with a time ("Monday, March 4, 2024"): a
  release may carry one, so it is not a defect, but it is never the headline.

`furniture_prefix(line)` is the length of a date strip run into the start of a line ("Today is
Friday, September 8, 2023 The 23rd China ... Opens"), so that the headline after it can be found.

The plain-text headline reader skips leading furniture with these, and the boilerplate rules
(`qa/packs/builtin/boilerplate.toml`, BP01-BP12) report the same shapes; the bilingual aligner's
English side can use `furniture_kind` too. A data "Source:" under a table ("Source: National
Bureau of Statistics") and ordinary words ("Home appliance makers ...", "Share of exports")
are content. Every pattern is anchored and bounded, and lines over 250 characters are never
furniture, so a call costs time linear in the line.
"""
from __future__ import annotations

import re

from .._speed.regex import re_compile
from .patterns import MONTH, WEEKDAY

MAX_LINE = 250

DAY = r"\d{1,2}(?:st|nd|rd|th)?"
DATE_WORDS = (rf"(?:{MONTH}\s*{DAY}(?:,?\s*\d{{4}})?|{DAY}\s+{MONTH}(?:,?\s*\d{{4}})?)(?![\d])")
DATE_NUMERIC = r"(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{4}年\d{1,2}月\d{1,2}日)(?!\d)"
DATE = rf"(?:{DATE_WORDS}|{DATE_NUMERIC})"
TIME = r"\d{1,2}:\d{2}(?::\d{2})?"

# "Today is Friday, September 8, 2023" (also "Today is: 2024-03-04 Monday").
_DATE_STRIP = (rf"(?:Welcome!?\s*)?Today is\s*[:：]?\s*(?:{WEEKDAY},?\s*)?{DATE}"
               rf"(?:,?\s*{WEEKDAY})?(?:\s*\([^()\n]{{1,30}}\))?")

# Labels of CMS fields; two on one line make a strip.
_LABEL = (r"(?:Release (?:type|date|time)|Publish(?:ed|ing)? (?:date|time|by|on)|Publisher|"
          r"Posted (?:by|on|at)|Post(?:ing)? time|Update(?:d| time)|Add time|Source|Article source|"
          r"News source|Author|Editor|Responsible editor|Editor in charge|Proofreader|Translator|"
          r"Reviewer|Views|Hits|Clicks|Page ?views|Reads|Visits|Time|Date|Font(?: size)?|Column|"
          r"Category|Issuer|Issuing (?:body|agency)|Document (?:number|No\.)|Index (?:number|No\.))"
          r"\s*[:：]")

# Labels only a CMS prints (event notices have "Date:", "Time:", "Venue:" of their own).
_STRONG_LABEL = (r"(?:Release (?:type|date|time)|Publish(?:ed|ing)? (?:date|time|by|on)|Publisher|"
                 r"Posted by|Post(?:ing)? time|Update time|Add time|Page ?views|Hits|Clicks|Views|"
                 r"Proofreader|Translator|Responsible editor|Editor in charge)\s*[:：]")

# News outlets: a "Source:" naming one credits copied news, not data.
OUTLET = (r"(?:Xinhua|CNS|China News|Chinanews|CCTV|CGTN|China Daily|People's Daily|Global Times|"
          r"Reuters|AFP|Associated Press|Bloomberg|[A-Z][\w'.-]*(?: [A-Z][\w'.-]*){0,5} "
          r"(?:Daily|Evening News|Morning Post|Times|News|Net|Network|Online|Agency|Post|Herald|"
          r"Weekly|Observer|Television|TV|Radio|Newspaper|Client|App)(?: [Nn]etwork| [Oo]nline)?|"
          r"[\w.-]+\.(?:com|cn|net)(?:\.cn)?|WeChat(?: public)? account[^\n]{0,40}|Weibo[^\n]{0,40})")

# Gates on lines starting with a digit, a month or a weekday: of at most 40 characters; with a colon.
_SHORT_DATE = "\x00short date"
_STAMP = "\x00stamp"
_MONTHS_AND_DAYS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
                    "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_STRONG_WORDS = ("Release ", "Publish", "Posted by", "Post time", "Posting time", "Update time", "Add time",
                 "views", "Views", "Hits", "Clicks", "Proofreader", "Translator", "Responsible editor",
                 "Editor in charge")
_BUTTON_WORDS = ("Share", "Print", "Tweet", "mail", "Back", "Return", "Close", "Favorite", "Bookmark",
                 "Comments", "Leave", "Read", "Related", "Recommended", "Most", "Latest", "Previous",
                 "Next", "Scan")

# (kind, gate, pattern): the pattern is compiled and tried only on a line holding one of the
# gate's strings, so an ordinary headline costs a few substring tests and compiles nothing.
_PATTERNS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    # meta: CMS strips and labels
    ("meta", ("Today is",), rf"^{_DATE_STRIP}\s*$"),
    ("meta", (_STAMP,), rf"^(?:{DATE}|{DATE_NUMERIC})[,\s]+{TIME}\b"),
    ("meta", _STRONG_WORDS,
     rf"^(?=.{{0,250}}$)(?=.*?\b{_STRONG_LABEL}).*?\b{_LABEL}.{{0,120}}?\b{_LABEL}"),
    ("meta", _STRONG_WORDS, rf"^{_STRONG_LABEL}"),
    ("meta", ("Reads", "Visits"), r"^(?:Reads|Visits)\s*[:：]\s*\d"),
    ("meta", ("Font", "Text size", "Text Size"), r"^(?:Font(?: [Ss]ize)?|Text [Ss]ize)\s*[:：]"),
    ("meta", ("[",), r"^\[\s*(?:Source|Editor|Author|Print|Close)\s*[:：\]]"),
    ("meta", ("Updat", "Release time", "Posted", "Published"),
     rf"^(?:Updated|Update time|Release time|Posted(?: on| at)?|Published(?: on)?)\s*[:：]?\s*{DATE}"),
    # date: a line holding only a date (and a time): not furniture, but never a headline
    ("date", (_SHORT_DATE,),
     rf"^(?:{WEEKDAY},?\s*)?{DATE}(?:,?\s*{WEEKDAY})?(?:,?\s*{TIME})?\.?$"),
    # nav: breadcrumbs, menus, share bars, buttons, related links, comment notices
    ("nav", ("Home", "HOME"),
     r"^(?:(?:You are here|Current location|Your (?:current )?location|Current position|Location)"
     r"\s*[:：]\s*)?(?:Home|HOME|Homepage|Home ?page)\s*(?:>{1,2}|»|›|→|\||-{1,2}>)"),
    ("nav", ("You are here", "location", "position"),
     r"^(?:You are here|Current location|Your current location|Current position)\s*[:：]"),
    ("nav", (">", "»", "›"),
     r"^[A-Z][\w'&-]*(?: [\w'&-]+){0,4}(?:\s*(?:>{1,2}|»|›)\s*[A-Z][\w'&-]*(?: [\w'&-]+){0,4}){2,}$"),
    ("nav", ("|", "·"),
     r"^(?=.*\b(?:Home|About(?: [Uu]s)?|Contact(?: [Uu]s)?|Sitemap|Site [Mm]ap|Login|Log in|"
     r"Sign in|Register|Search)\b)[A-Z][\w'&-]*(?: [\w'&-]+){0,3}"
     r"(?:\s+[|·]\s+[A-Z][\w'&-]*(?: [\w'&-]+){0,3}){2,}$"),
    ("nav", _BUTTON_WORDS,
     r"^(?:Share(?: (?:this|to|on|via)(?: (?:article|story|page|post))?)?\s*[:：]?\s*"
     r"(?:(?:WeChat|Weibo|Facebook|Twitter|LinkedIn|E-?mail|QQ|Qzone|WhatsApp)\b[\s,/|-]*)*|"
     r"Print|Print this (?:page|article|story)|Tweet|E-?mail this (?:page|article|story)|"
     r"Back to top|Return to top|Close(?: window)?|Favorite|Bookmark|Comments are closed\.?|"
     r"Leave a (?:[Rr]eply|[Cc]omment)|Read more|Related (?:[Ss]tories|[Nn]ews|[Aa]rticles|"
     r"[Rr]eading|[Ll]inks)|Recommended(?: for [Yy]ou| [Rr]eading| [Nn]ews)?|Most (?:Read|Viewed|"
     r"Popular)|Latest News|Previous(?: article| page)?|Next(?: article| page)?|Scan (?:the )?QR code"
     r"[^\n]{0,60})\s*:?$"),
    # editor: staff, translator and reporter credits
    ("editor", ("ditor",),
     r"^[\[(【]?\s*(?:(?:Web|Responsible|Executive|Duty|Chief|Online)\s+)?[Ee]ditors?"
     r"(?:\s+in\s+charge)?\s*[:：]"),
    ("editor", ("ranslat", "roofread", "by"),
     r"^[\[(【]?\s*(?:Translat(?:ed|ion) by|Translators?\s*[:：]|English translation by|"
     r"Proofread(?:ing)? by|Proofreaders?\s*[:：]|Edited by|Compiled by|Reviewed by)\s*[A-Z]"),
    ("editor", ("Reporter", "reporter", "Correspondent", "Intern"),
     r"^[(（\[【]\s*(?:Reporter|Correspondent|Intern|Staff reporter)s?\b[^()（）\[\]【】]{0,60}[)）\]】]$"),
    # source: a news outlet credited as the source
    ("source", ("ource", "From", "Reprinted"),
     rf"^[\[(【]?\s*(?:Source|Article source|News source|From|Reprinted from)\s*[:：]\s*"
     rf"{OUTLET}\s*[\])】]?\.?$"),
    ("source", ("Original", "original"),
     r"^(?:Original title|Original link|The original|Original URL|Source URL|Original address)\s*[:：]"),
    # photo: captions and credits
    ("photo", ("hoto", "mage", "icture"),
     r"\((?:Photo|Image|Picture)s?\s*(?:by\b|/|:|courtesy\b)[^()]{0,60}\)\s*$"
     r"|^(?:File )?Photo (?:shows|from)\s|^[Pp]hoto\s*/\s*[A-Z]"),
    # chart: title or source line of a chart
    ("chart", ("Chart", "Graph", "Fig", "Infographic", "Diagram"),
     r"^(?:Chart|Graph|Figure|Fig\.|Infographic|Diagram)\s*\d{0,2}\s*[:：]\s*\S"),
    ("chart", ("source",), r"^(?:Chart|Graph|Figure|Image|Picture|Map|Infographic) source\s*[:：]"),
    # rights and end marks
    ("rights", ("opyright", "COPYRIGHT", "©", "ights", "ICP"),
     r"^(?:Copyright|COPYRIGHT|©)|\bAll [Rr]ights [Rr]eserved\b|\bICP (?:[Nn]o\.?|[Ll]icen[cs]e)"),
    ("end", ("End", "END"),
     r"^[(（\[【]\s*(?:End|END)\s*[)）\]】]$|^(?:-{1,3}|—{1,2})\s*(?:End|END)\s*(?:-{1,3}|—{1,2})$"),
)
_compiled: dict[int, re.Pattern] = {}


def _passes(line: str, gate: tuple[str, ...]) -> bool:
    for g in gate:
        if g[:1] != "\x00":
            if g in line:
                return True
        elif line[:1].isdigit() or line[:3] in _MONTHS_AND_DAYS:
            return (g == _SHORT_DATE and len(line) <= 40) or (g == _STAMP and ":" in line)
    return False


def _search(index: int, line: str) -> bool:
    pattern = _compiled.get(index)
    if pattern is None:
        pattern = _compiled[index] = re_compile(_PATTERNS[index][2])
    return pattern.search(line) is not None


def furniture_kind(line: str) -> str | None:
    """The kind of page furniture `line` (one line or short unit of English) is, or None."""
    line = line.strip()
    if not line or len(line) > MAX_LINE:
        return None
    for index, (kind, gate, _) in enumerate(_PATTERNS):
        if _passes(line, gate) and _search(index, line):
            return kind
    return None


def furniture_prefix(line: str) -> int:
    """Length of a site's date strip at the start of `line` ("Today is Friday, September 8,
    2023 "), white space after it included; 0 when there is none."""
    if "Today is" not in line[:MAX_LINE]:
        return 0
    m = re_compile(rf"^\s*{_DATE_STRIP}[\s|:：-]*").match(line[:MAX_LINE])
    return m.end() if m else 0
