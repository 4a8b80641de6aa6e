"""Headline rules (TI): the title of a release against wire conventions.

The headline is `Document.title` (for plain text, a one-line first paragraph followed by
more text). Conventions (shared/docs/zh-en-defects.md §2d): sentence case or title case,
consistently; no final period; present tense for past events; no slogan run into the
headline; no site name or section label; under about 90 characters, never over 120.
"""
from __future__ import annotations

from ..findings import SAFE, Hit
from ..rules.base import Example, Option, Rule, RuleDoc, RuleMeta
from ._title_case import all_capitals, fused_slogan, mixed_case
from ._title_grammar import comma_splice, past_tense_verb
from ._title_parts import cjk_marks, final_period, headline_extent, pipe_prefix, site_tail


def _quote(words) -> str:
    return ", ".join(f"'{w}'" for w in words)


# ---- TI01 fused slogan ------------------------------------------------------------------
def check_fused_slogan(doc, opts):
    fused = fused_slogan(doc)
    if fused:
        caps = " ".join(fused.capitals)
        yield Hit(fused.start, fused.end,
                  f"a slogan seems run into the headline: capitals switch from Title Case "
                  f"('{caps}') to lower case at '{fused.switch}' and back at '{fused.resume}', "
                  "with no punctuation between the two clauses; move the slogan to the body "
                  "(\"with the theme '...'\") or set it off with a colon")


FUSED_SLOGAN = Rule(RuleMeta(
    code="TI01", name="fused-slogan", category="title", severity="warning",
    summary="a slogan run into the headline without a separator",
    doc=RuleDoc(
        what="A headline that opens with a run of capitalised everyday words, switches to "
             "lower case and then back to capitals, with no colon, dash or quotation marks "
             "between: 'Digital Future Smart connects everything 2021 World Internet of "
             "Things Exposition officially opened in Wuxi'. A capitalised word counts as "
             "everyday when the body writes it in lower case (and never capitalises it "
             "mid-sentence), or the body does not use it and it is a common slogan word "
             "('Digital', 'Smart', 'Future'). Names ('Xi Jinping replied ...') do not count. "
             "The finding marks the slogan: the opening run up to the last lower-case word "
             "before the capitals resume.",
        why="Chinese headlines often carry the event's theme in front of the news; machine "
            "translation joins the two into one line that reads as nonsense.",
        instead="Drop the slogan from the headline or set it off with a colon, and quote it "
                "in the body: 'The expo, themed \"Digital future, smart connection\", opened "
                "in Wuxi.'",
        examples=(Example(
            bad="Green Future Bright Life begins today Shenzhen Ocean Week opened in Shenzhen\n\n"
                "The week of events, held under a green future theme for a better life, opened "
                "on Monday. Shenzhen Ocean Week runs until Sunday.\n",
            flags=("Green Future Bright Life begins today",),
            good="Shenzhen Ocean Week opens with a call for a green future\n\n"
                 "The week of events opened on Monday. Shenzhen Ocean Week runs until "
                 "Sunday.\n"),),
        precision=("WMT23 zh-en dev: no finding on the 157 headlines the plain-text reader "
                  "detects (19 stories x 10 MT systems); it finds the seed's fused theme "
                  "and the fused headline of tests/fixtures/releases/title_fused_forum.txt")),
    ), check_fused_slogan)


# ---- TI02 mixed capitalisation ---------------------------------------------------------
def check_mixed_case(doc, opts):
    title = doc.title
    if title is None or fused_slogan(doc):
        return
    if all_capitals(doc):
        yield Hit(title.start, title.end, "the headline is in capitals only: write it in "
                                          "sentence case (or title case)")
        return
    mixed = mixed_case(doc)
    if mixed:
        caps = _quote(w.token.text for w in mixed.capitals[:4])
        lower = _quote(w.token.text for w in mixed.lower[:4])
        yield Hit(title.start, title.end,
                  f"the headline mixes title case ({caps} capitalised) and sentence case "
                  f"({lower} in lower case): pick one; wires use sentence case (capitalise "
                  "the first word and names only)")


MIXED_CASE = Rule(RuleMeta(
    code="TI02", name="mixed-title-case", category="title", severity="warning",
    summary="a headline in neither sentence case nor title case",
    doc=RuleDoc(
        what="A headline of five or more words with capitalised everyday words (not the "
             "first word of the headline or of a part after a colon or dash, and not names: "
             "see TI01 for how the body decides) beside lower-case content words; or a "
             "headline written all in capitals. Stop words (of, the, in, ...) are neutral "
             "either way. Not reported when TI01 found a fused slogan.",
        why="Inconsistent capitals make the headline look unedited; wires use sentence case "
            "(AP) or title case (many PR wires), never a mixture.",
        instead="Use sentence case: capitalise the first word and names only. Or title case: "
                "capitalise every word except short function words.",
        examples=(Example(
            bad="Acme Launches Smart Home hub For Older Users\n\n"
                "Acme said the hub helps older users run a smart home. The home hub goes on "
                "sale in May.\n",
            flags=("Acme Launches Smart Home hub For Older Users",),
            good="Acme launches smart home hub for older users\n\n"
                 "Acme said the hub helps older users run a smart home. The home hub goes on "
                 "sale in May.\n"),),
        precision=("WMT23 zh-en dev: 3 findings, read one by one: 'Iran Commemorates "
                  "Revolutionary Anniversary Hackers who supported ...' (title case run into "
                  "sentence case), and two headlines writing 'Green Camp' where the body "
                  "writes 'green camp' (an inconsistency, if not the intended one)")),
    ), check_mixed_case)


# ---- TI03 CJK marks ---------------------------------------------------------------------
def check_title_cjk(doc, opts):
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
             "（）) in the headline.",
        why="The headline is the most read line of the release; a Chinese mark there shows "
            "the translation was not finished and may not render in the recipient's font.",
        instead="Translate the characters; drop 《》 (names of plans and laws take capitals, "
                "works take italics); use ASCII punctuation.",
        examples=(Example(bad="Jiangsu issues 《Digital Economy Plan》 for 2025\n\nText.\n",
                          flags=("《", "》"),
                          good="Jiangsu issues Digital Economy Plan for 2025\n\nText.\n"),),
        precision="WMT23 zh-en dev: 2 findings, both Chinese site names left in a "
                  "headline tail ('经济观察网')."),
    ), check_title_cjk)


# ---- TI04 final period -----------------------------------------------------------------
def check_final_period(doc, opts):
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
        precision="WMT23 zh-en dev: 24 findings, all real final periods added by the MT "
                  "systems to the headline segment."),
    fixable=SAFE), check_final_period)


# ---- TI05 / TI06 length ----------------------------------------------------------------
def _overflow(doc, limit: int):
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


def check_too_long(doc, opts):
    limit = int(opts["max_length"])
    over = _overflow(doc, limit)
    if over:
        length, s, e = over
        yield Hit(s, e, f"the headline is {length} characters long (over {limit}): email "
                        "clients and search results cut it; keep the news in the first 70 "
                        "characters and move detail to the first paragraph")


def check_long(doc, opts):
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
        precision="WMT23 zh-en dev: 38 of 157 headlines exceed 120 characters without "
                  "their site tail (Chinese news headlines run long)."),
    options=(Option("max_length", 120, "longest headline, in characters"),),
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
        precision="WMT23 zh-en dev: 35 headlines of 91-120 characters."),
    options=(Option("max_length", 90, "length from which the headline is reported"),
             Option("hard_limit", 120, "length from which TI05 takes over")),
    ), check_long)


# ---- TI07 comma splice -----------------------------------------------------------------
def check_comma_splice(doc, opts):
    title = doc.title
    if title is None:
        return
    found = comma_splice(doc.text, title.start, title.end)
    if found:
        yield Hit(found[0], found[1], "this comma joins two full clauses in the headline: "
                                      "keep one clause, or use a semicolon or 'and'")


COMMA_SPLICE = Rule(RuleMeta(
    code="TI07", name="title-comma-splice", category="title", severity="info",
    summary="two clauses joined by a comma in the headline",
    doc=RuleDoc(
        what="A comma between two parts of the headline that each have three or more words "
             "and a finite verb, where the second part opens with its own subject ('..., he "
             "led ...', '..., the developer was ...') rather than a verb sharing the first "
             "subject ('X meets Y, urges calm' is wire style and not reported). Word shapes "
             "only, no tagger: info.",
        why="Two sentences spliced by a comma read as a translated sentence, not a headline.",
        instead="Keep the main clause; move the second into the body, or join with a "
                "semicolon or 'and'.",
        examples=(Example(
            bad="Founder of Acme died on Sunday, he was 78 years old\n\nText.\n",
            flags=(",",),
            good="Acme founder dies at 78\n\nText.\n"),),
        precision="WMT23 zh-en dev: 3 findings, all 'Iran marks the anniversary, hackers "
                  "... hacked ...' splices by reading (MQM raters do not mark commas of "
                  "headlines, so the scorer shows 0%)."),
    ), check_comma_splice)


# ---- TI08 site tail --------------------------------------------------------------------
def check_site_tail(doc, opts):
    title = doc.title
    if title is None:
        return
    tail = site_tail(doc.text, title.start, title.end)
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
        precision="WMT23 zh-en dev: 51 findings, by reading all site names, section "
                  "labels or column labels ('- China News Network', '-Chinanews.com', '- "
                  "Rolling News - Hunan Daily - Huasheng Online', 'Chongyang Q&A | '); two "
                  "tails written in Chinese are left to TI03."),
    fixable="unsafe"), check_site_tail)


# ---- TI09 past tense -------------------------------------------------------------------
def check_past_tense(doc, opts):
    title = doc.title
    if title is None:
        return
    verb = past_tense_verb(doc.text, title.start, title.end)
    if verb:
        instead = f"'{verb.present}'" if verb.present else "the present tense"
        yield Hit(verb.start, verb.end, f"'{verb.word}' is past tense: headlines report past "
                                        f"events in the present; write {instead}",
                  suggestion=verb.present)


PAST_TENSE = Rule(RuleMeta(
    code="TI09", name="title-past-tense", category="title", severity="info",
    summary="a past-tense verb in the headline",
    doc=RuleDoc(
        what="The first finite past-tense verb of the headline: an -ed word or a common "
             "irregular past ('met', 'held') that follows its subject, not after an "
             "auxiliary ('was opened', 'has reached') and not a participle followed by 'by'. "
             "Adjectives in -ed ('United', 'Limited', 'advanced') are left alone. Word "
             "shapes only: info.",
        why="Wire headlines use the present tense for past events ('World IoT Expo opens "
            "in Wuxi'); the past tense reads as a translated report.",
        instead="Use the present tense: 'opens', 'signs', 'meets'.",
        examples=(Example(bad="Wuxi IoT Expo officially opened on Monday\n\nText.\n",
                          flags=("opened",),
                          good="Wuxi IoT Expo opens on Monday\n\nText.\n"),),
        precision="WMT23 zh-en dev: 43 findings; by reading, 39 are finite past verbs "
                  "('died', 'conveyed', 'replied', 'wrote', 'exceeded') and 4 participles "
                  "('bottlenecked', 'sidelined', 'Consensus Reached', 'snubbed')."),
    ), check_past_tense)


RULES = (FUSED_SLOGAN, MIXED_CASE, TITLE_CJK, FINAL_PERIOD, TOO_LONG, LONG, COMMA_SPLICE,
         SITE_TAIL, PAST_TENSE)
