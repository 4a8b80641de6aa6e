"""Headline form rules: CJK marks (TI03), final period (TI04), length (TI05, TI06) and site
tails or pipe labels (TI08). Split from `title.py`, which exports them in RULES."""
from __future__ import annotations

from ...document.model import Document
from ...findings import SAFE, Hit
from ...rules.base import Example, Option, Rule, RuleDoc, RuleMeta
from ...rules.context import RuleOptions
from .parts import cjk_marks, final_period, headline_extent, pipe_prefix, title_tail


# ---- TI03 CJK marks ---------------------------------------------------------------------
def check_title_cjk(doc: Document, opts: RuleOptions):
    title = doc.title
    if title is None:
        return
    for s, e in cjk_marks(doc.text, title.start, title.end):
        yield Hit(s, e, f"'{doc.text[s:e]}' in the headline is Chinese text or a full-width "
                        "mark: translate it, drop book-title marks 《》 and use ASCII "
                        "punctuation")


TITLE_CJK = Rule(RuleMeta(
    code="TI03", name="title-cjk", category="title", severity="warning",
    summary="Chinese characters or CJK punctuation in the headline",
    doc=RuleDoc(
        what="Han characters, CJK punctuation (《》「」【】、。) or full-width forms (，：！"
             "（）) in the headline. Where the punctuation rules (PU01-PU03, with fixes) or "
             "UT01 (untranslated Chinese) report the same characters, they speak instead.",
        why="The headline is the most read line of the release; a Chinese mark there shows "
            "the translation was not finished and may not render in the recipient's font.",
        instead="Translate the characters; drop 《》 (names of plans and laws take capitals, "
                "works take italics); use ASCII punctuation.",
        examples=(Example(bad="Jiangsu issues 《Digital Economy Plan》 for 2025\n\nText.\n",
                          flags=("《", "》"),
                          good="Jiangsu issues Digital Economy Plan for 2025\n\nText.\n"),),
        precision="WMT23 zh-en dev: no finding of its own; the 2 Chinese site names left "
                  "in a headline tail ('经济观察网') are UT01's findings, and book-title marks in "
                  "the test releases' headlines are PU03's."),
    # the punctuation rules (with their fixes) and UT01 name the same characters more
    # precisely; TI03 speaks only where they are off or suppressed
    defers_to=("PU01", "PU02", "PU03", "UT01"),
    ), check_title_cjk)


# ---- TI04 final period -----------------------------------------------------------------
def check_final_period(doc: Document, opts: RuleOptions):
    title = doc.title
    if title is None:
        return
    at = final_period(doc.text, title.start, title.end)
    if at is not None:
        yield Hit(at, at + 1, "headlines take no full stop at the end: delete it", fix="",
                  fix_safety=SAFE)


FINAL_PERIOD = Rule(RuleMeta(
    code="TI04", name="title-final-period", category="title", severity="warning",
    summary="a full stop at the end of the headline",
    doc=RuleDoc(
        what="A headline that ends with a full stop (not an abbreviation such as 'Inc.' or "
             "'U.S.', not an ellipsis).",
        why="Wire and AP style: headlines take commas and semicolons but no final period.",
        instead="Delete the full stop.",
        examples=(Example(bad="Acme opens plant in Hefei.\n\nText.\n", flags=(".",),
                          good="Acme opens plant in Hefei\n\nText.\n"),),
        fix_safety="Safe: deletes the period.",
        precision="WMT23 zh-en dev, read one by one: all real final periods added by the MT "
                  "systems to the headline segment."),
    fixable=SAFE), check_final_period)


# ---- TI05 / TI06 length ----------------------------------------------------------------
def _overflow(doc: Document, limit: int):
    extent = headline_extent(doc)
    if extent is None:
        return None
    start, end = extent
    length = end - start
    if length <= limit:
        return None
    cut = start + limit
    while cut > start and not doc.text[cut - 1].isspace():
        cut -= 1                          # back to the start of the word that crosses
    return length, (cut if cut > start else start + limit), end


def check_too_long(doc: Document, opts: RuleOptions):
    limit = int(opts["max_length"])
    over = _overflow(doc, limit)
    if over:
        length, s, e = over
        yield Hit(s, e, f"the headline is {length} characters long (over {limit}): email "
                        "clients and search results cut it; keep the news in the first 70 "
                        "characters and move detail to the first paragraph")


def check_long(doc: Document, opts: RuleOptions):
    limit, hard = int(opts["max_length"]), int(opts["hard_limit"])
    over = _overflow(doc, limit)
    if over and over[0] <= hard:
        length, s, e = over
        yield Hit(s, e, f"the headline is {length} characters long (over {limit}): "
                        "shorten it to the news and move detail to the first paragraph")


TOO_LONG = Rule(RuleMeta(
    code="TI05", name="title-too-long", category="title", severity="warning",
    summary="a headline over 120 characters",
    doc=RuleDoc(
        what="A headline longer than 120 characters, not counting a site tail or pipe prefix "
             "(TI08). The finding marks the part past the limit, from the word that crosses "
             "it.",
        why="Wire services and email clients cut long headlines; PR Newswire and Cision "
            "advise under about 90 characters with the key terms in the first 70.",
        instead="Keep the news (who does what) in the headline; move dates, titles and "
                "detail into the first paragraph.",
        examples=(Example(
            bad="Acme Robotics and the Hefei municipal government sign a strategic cooperation "
                "agreement on intelligent manufacturing and talent training\n\nText.\n",
            flags=("and talent training",),
            good="Acme Robotics and Hefei sign smart manufacturing deal\n\nText.\n"),),
        precision="WMT23 zh-en dev: about a quarter of the headlines exceed 120 characters without "
                  "their site tail (Chinese news headlines run long)."),
    options=(Option("max_length", 120, "longest headline, in characters", min=1),),
    ), check_too_long)

LONG = Rule(RuleMeta(
    code="TI06", name="title-long", category="title", severity="info",
    summary="a headline over 90 characters",
    doc=RuleDoc(
        what="A headline of 91 to 120 characters (above that TI05 reports it), not counting "
             "a site tail or pipe prefix.",
        why="Around 90 characters is where wire feeds and search results start to cut.",
        instead="Shorten it to the news and move detail into the first paragraph.",
        examples=(Example(
            bad="Acme Robotics signs cooperation agreement with Hefei on intelligent "
                "manufacturing and talent\n\nText.\n",
            flags=("talent",),
            good="Acme Robotics signs smart manufacturing deal with Hefei\n\nText.\n"),),
        precision="WMT23 zh-en dev: a fifth of the headlines run 91-120 characters."),
    options=(Option("max_length", 90, "length from which the headline is reported", min=1),
             Option("hard_limit", 120, "length from which TI05 takes over", min=1)),
    ), check_long)


# ---- TI08 site tail --------------------------------------------------------------------
def check_site_tail(doc: Document, opts: RuleOptions):
    title = doc.title
    if title is None:
        return
    tail = title_tail(doc)
    if tail:
        s, e = tail
        yield Hit(s, e, f"'{doc.text[s:e].strip(' -–—_|')}' is a web-page site name or "
                        "section label, not part of the headline: delete it", fix="")
    prefix = pipe_prefix(doc.text, title.start, tail[0] if tail else title.end)
    if prefix:
        s, e = prefix
        yield Hit(s, e, f"'{doc.text[s:e].strip(' |︱｜')}' before a pipe is a web-page "
                        "column label: delete it, or make it part of the headline", fix="")


SITE_TAIL = Rule(RuleMeta(
    code="TI08", name="title-site-tail", category="title", severity="warning",
    summary="a site name or section label attached to the headline",
    doc=RuleDoc(
        what="The end of a headline after a dash, underscore or pipe when it is a web "
             "page's furniture: a domain ('-Chinanews.com'), a short name built on a media "
             "word ('- China News Network', '- Hunan Daily Network - Huasheng Online') or a "
             "lone section label (' – International'); chains of them are reported as one. "
             "Also a short column label before a pipe ('Face-to-face | ...').",
        why="The page title of a news site carries the site name and section; copied into a "
            "release it shows the text was scraped, and it names a publisher that did not "
            "issue the release.",
        instead="Delete the tail or label.",
        examples=(Example(
            bad="Acme opens research centre in Suzhou - Jiangsu News Network\n\nText.\n",
            flags=(" - Jiangsu News Network",),
            good="Acme opens research centre in Suzhou\n\nText.\n"),),
        fix_safety="Unsafe: deletes the tail; check nothing of the headline went with it.",
        precision="WMT23 zh-en dev, read one by one: all site names, section "
                  "labels or column labels ('- China News Network', '-Chinanews.com', '- "
                  "Rolling News - Hunan Daily - Huasheng Online', 'Chongyang Q&A | '); two "
                  "tails written in Chinese are left to TI03."),
    fixable="unsafe"), check_site_tail)
