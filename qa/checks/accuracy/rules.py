"""Accuracy rules (AC): the English release checked against its Chinese original (bilingual mode).

Every rule here does nothing unless the Document carries its source (`doc.source_doc`): without
a source nothing changes. The two texts are aligned once per document (`bitext`); the number
rules read the number core of `qa.bilingual` bead by bead (`numbers`), the omission rule the
alignment's gaps (`gaps`), the name rules the renderings of source names (`names`), and the
untranslated rule the source text copied into the English (`copies`). Each Hit names the span of
the source it is about, which the report shows beside the English.
"""
from __future__ import annotations

from collections.abc import Iterator

from ...document.model import Document
from ...findings import Hit
from ...rules.base import Example, Rule, RuleDoc, RuleMeta, collect_rules
from ...rules.context import RuleOptions
from .copies import COPIED  # noqa: F401 - collected below
from .name_rules import GLOSSARY_RENDERING, NAME_TWO_WAYS  # noqa: F401 - collected below
from .number_rules import check_added, check_mismatch, check_multiple, check_omitted

_NO_SOURCE = ("Bilingual mode only: the rule reads the Chinese original (NAME.zh.txt beside the "
              "release, --source, or an XLIFF/TMX file; the example shows one) and is silent "
              "without it. ")


NUMBER_MISMATCH = Rule(RuleMeta(
    code="AC01", name="number-mismatch", category="accuracy", severity="warning",
    summary="a number, date or amount that says something else than the source",
    doc=RuleDoc(
        what=_NO_SOURCE + "A figure of the English that renders a figure of the aligned source "
             "sentence with another value: a wrong power of ten (12.5万 as '12.5 million' instead "
             "of 125,000; 3842亿 as '3842 billion' instead of 384.2 billion), another currency "
             "(元 as 'dollars'), percentage points as percent (个百分点 as '%'), a month-on-month "
             "rate called year-on-year (环比), another date or weekday, a day taken for a month "
             "(7日 as 'July 7' in a February story), an ordinal read as a count or put on another "
             "noun (二十大 as '20 major' or 'the 20th seminar', 四论 as 'Four Discussions', 第134届 "
             "as '133rd'), a year name spelled digit by digit (九二共识 as '9/2'), a rise by half "
             "read as a share ('half as many as' for 增加近半), a qualifier turned round (近 as "
             "'more than', 8000多 as 'about 8,000'), and a day of last week or a date of last year "
             "given without its week or year (上周六 as a bare 'Saturday'). Figures are compared "
             "by value within the rounding the English shows, so '1.341 million' for 134.1万 and "
             "'about 1.8 trillion' for 约1.8万亿 pass.",
        why="A wrong figure in a release is a factual error under the issuer's name; 万 and 亿 "
            "make errors of a thousand times easy and hard to see.",
        instead="The source's value in English units, given in the message ('12.5万 is "
                "125,000'); the suggestion, when there is one, is certain.",
        examples=(Example(bad="Visitors reached 12.5 million on the first day.\n",
                          flags=("12.5 million",),
                          good="Visitors reached 125,000 on the first day.\n",
                          source="首日接待游客12.5万人次。\n"),),
        precision=(
                  "WMT23 zh-en dev pairs (bench/bilingual/measure.py, one segment per line): 77 findings "
                  "on 73 segments, every one carrying a rater's Accuracy mark, no rater-clean segment; "
                  "read one by one, all right (two are errors the hand labels leave as doubtful). The "
                  "same with paragraphs merged, split or moved and furniture added (75-77 findings). "
                  "bench/releases/bilingual/dev: its magnitude, ordinal and percentage-point items found, "
                  "no neutral rendering flagged; seeds/001: the 亿 read as million.")),
    ), check_mismatch)

MULTIPLE = Rule(RuleMeta(
    code="AC02", name="ambiguous-multiple", category="accuracy", severity="info",
    summary="增长N倍 ('grew by N times the base') written 'N times', which readers take either way",
    doc=RuleDoc(
        what=_NO_SOURCE + "A source increase by a multiple (增长19倍, 提高2倍: the new figure is N+1 "
             "times the old) rendered as 'N times' or 'N-fold', which English readers take as "
             "the new figure being N times the old.",
        why="'Up 19 times' is read both ways; the difference is a whole base.",
        instead="A percentage ('up 1,900%') or the result ('20 times the level of a year "
                "earlier').",
        examples=(Example(bad="Exports grew 19 times year on year.\n", flags=("19 times",),
                          good="Exports grew by 1,900% year on year.\n",
                          source="一季度出口同比增长19倍。\n"),),
        precision=(
                  "WMT23 zh-en dev pairs (bench/bilingual/measure.py, one segment per line): no findings "
                  "(the data has no 增长N倍). Info: 'N times' for 增长N倍 is ambiguous, never "
                  "certainly wrong.")),
    ), check_multiple)

NUMBER_OMITTED = Rule(RuleMeta(
    code="AC03", name="number-omitted", category="accuracy", severity="warning",
    summary="a dateline, date or figure of the source with no counterpart in the English",
    doc=RuleDoc(
        what=_NO_SOURCE + "A figure of a source sentence that the English translation of that "
             "sentence (and of the sentences beside it) does not give: a dateline date "
             "(新华社杭州4月18日电), a date, a year, an amount, a percentage, a figure in "
             "digits. Small counts in words, idioms (一系列, 两岸) and relative dates the "
             "English resolves are not figures here.",
        why="Dropped datelines and figures change what the release says and when.",
        instead="Put the figure back: the message gives it in English units.",
        examples=(Example(bad="Exports rose sharply in the first quarter.\n",
                          flags=("Exports rose sharply in the first quarter.",),
                          good="Exports rose 7.4% in the first quarter.\n",
                          source="一季度出口增长7.4%。\n"),),
        precision=(
                  "WMT23 zh-en dev pairs (bench/bilingual/measure.py, one segment per line): 44 findings "
                  "on 44 segments, 42 with a rater's Accuracy mark, no rater-clean segment; the other two "
                  "are dates lost in degenerate output, omissions by reading. "
                  "bench/releases/bilingual/dev: its dropped dateline, report date and count found, no "
                  "neutral rendering flagged; seeds/001: the dropped dateline.")),
    ), check_omitted)


def check_sentence_omitted(doc: Document, opts: RuleOptions) -> Iterator[Hit]:
    if doc.source_doc is None:
        return
    from .gaps import omitted_sentences
    for gap in omitted_sentences(doc):
        if gap.context is None:
            continue
        shown = gap.text if len(gap.text) <= 60 else gap.text[:58] + "……"
        what = "the source sentence" if gap.count == 1 else f"{gap.count} source sentences"
        yield Hit(gap.context[0], gap.context[1],
                  f"{what} '{shown}' {'has' if gap.count == 1 else 'have'} no English: the "
                  "translation is missing after this sentence", source_span=gap.zh)


SENTENCE_OMITTED = Rule(RuleMeta(
    code="AC04", name="sentence-omitted", category="accuracy", severity="warning",
    summary="a sentence of the source with no English translation",
    doc=RuleDoc(
        what=_NO_SOURCE + "A sentence of the Chinese original that no English sentence "
             "translates, found as a gap in the sentence alignment of the two texts. The "
             "finding marks the English sentence after which the translation is missing and "
             "names the source sentence. Page furniture (editor and source credits, share bars, "
             "captions, '（完）'), sentences under 12 Chinese characters, sentences whose "
             "figures or names turn up in a neighbouring English sentence, and neighbours long "
             "enough to have absorbed them are not reported.",
        why="A dropped sentence is invisible in the English alone; in a release it is often a "
            "figure, a condition or a quotation the issuer meant to publish.",
        instead="Translate the missing sentence, or delete it from the source if the omission "
                "is intended.",
        examples=(Example(bad="The city produced 746,000 new energy vehicles in 2023.\n",
                          flags=("The city produced 746,000 new energy vehicles in 2023.",),
                          good="The city produced 746,000 new energy vehicles in 2023. More than "
                               "500 companies now work in the industrial chain.\n",
                          source="2023年全市新能源汽车产量74.6万辆。目前产业链上的企业已超过500家。\n"),),
        precision=(
                  "WMT23 zh-en dev pairs (bench/bilingual/measure.py, one segment per line): no findings "
                  "(machine translation there drops clauses inside sentences, which leave no gap in the "
                  "alignment). With one English sentence of each file removed (drop-sent), AC04 and AC03 "
                  "find 99 of the 190 removed sentences and flag no rater-clean segment; with sentences "
                  "cut and joined differently on the two sides (join-split) AC04 flags nothing.")),
    ), check_sentence_omitted)

NUMBER_ADDED = Rule(RuleMeta(
    code="AC05", name="number-added", category="accuracy", severity="warning",
    summary="a figure, amount or date in the English that the source does not have",
    doc=RuleDoc(
        what=_NO_SOURCE + "An amount, percentage, date, year or figure in digits of the English "
             "that no figure of the whole source agrees with (in any sentence, in any form: "
             "1.2万 and '12,000', 九二 and '1992' agree).",
        why="An invented figure is a claim the issuer never made.",
        instead="Delete it, or check the source: the figure may belong to another release.",
        examples=(Example(bad="Cornerstone investors subscribed for HK$600 million.\n",
                          flags=("HK$600 million",),
                          good="Cornerstone investors subscribed for part of the offering.\n",
                          source="基石投资者认购了部分发售股份。\n"),),
        precision=(
                  "WMT23 zh-en dev pairs (bench/bilingual/measure.py, one segment per line): 6 findings, "
                  "all with a rater's Accuracy mark and right by reading. bench/releases/bilingual/dev: "
                  "both invented figures found; conversions in brackets and page furniture pass.")),
    ), check_added)

RULES = collect_rules(globals())
