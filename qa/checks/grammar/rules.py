"""Grammar rules (GR01-GR09): grammar a machine can be sure of, and misspellings a dictionary
and the release itself agree on.

The scanning lives beside this file: articles.py ('a' / 'an'), phrases.py ('the another',
'discuss about'), agreement.py (subject and verb), spacing.py (a space before punctuation),
typos.py (misspelt headline words and names), forms.py ('more safer', 'were attend by', 'has became').
Each reports only what no reading of the sentence makes right; what spelling alone cannot
settle is left alone.
"""
from __future__ import annotations

from functools import lru_cache

from ...document.model import Document
from ...findings import SAFE, UNSAFE, Hit
from ...rules.base import Example, Rule, RuleDoc, RuleMeta, collect_rules
from ...rules.context import Glossary, RuleOptions
from .agreement import agreement_errors, do_support_errors
from .articles import article_errors
from .forms import bare_passives, double_comparisons, past_for_participles
from .phrases import another_errors, both_errors, redundant_prepositions
from .spacing import spacing_errors
from .typos import misspellings


def _as_in_source(doc: Document, start: int, end: int) -> bool:
    """The prose span is written as it stands in the file (no markup or code inside it), so a
    fix of the span replaces exactly what the finding shows."""
    if doc.format == "text":
        return True
    src = doc.to_source(start, end)
    return doc.source[src[0]:src[1]] == doc.text[start:end]


def _rewrite(doc: Document, start: int, end: int, message: str, right: str, safety: str) -> Hit:
    """A finding whose span should read `right`: the suggestion, and the fix where the span is
    written in the file as it stands in the prose."""
    return Hit(start, end, message, suggestion=right,
               fix=right if _as_in_source(doc, start, end) else None, fix_safety=safety)


# ---- GR01 a / an -----------------------------------------------------------------------
def check_article(doc: Document, opts: RuleOptions):
    text = doc.text
    for s, e, art, right in article_errors(text):
        fixed = right + text[s + len(art):e]
        sound = "a vowel" if right.lower() == "an" else "a consonant"
        message = f"'{art}' before {sound} sound: write '{fixed}'"
        if _as_in_source(doc, s, e):
            yield Hit(s, e, message, suggestion=fixed, fix=fixed, fix_safety=SAFE)
        else:                       # markup between the article and the word: fix the article
            yield Hit(s, s + len(art), message, suggestion=right, fix=right, fix_safety=SAFE)


ARTICLE = Rule(RuleMeta(
    code="GR01", name="a-an", category="grammar", severity="warning",
    summary="'a' before a vowel sound or 'an' before a consonant sound",
    doc=RuleDoc(
        what="The indefinite article that does not fit the sound of the next word: 'a "
             "important', 'an unique', 'a 8-hour shift', 'a NGO', 'an European'. The sound is "
             "judged, not the letter: 'a university', 'a one-off', 'an hour', 'an MoU', 'an "
             "SOE', 'a US firm', 'an 11th plan' are right and pass. Left alone whenever "
             "spelling cannot settle the sound: h-words once written with 'an' ('an "
             "historic'), acronyms that may be read as words ('NATO', 'SCO'), numbers such as "
             "1800, a capital 'A' inside a sentence ('Series A funding'), 'An' before a "
             "capital (the surname An) and the keys of a font-size widget ('Font size: A A "
             "A').",
        why="A wrong article is the slip readers notice first; machine translation makes it "
            "when it changes the word after the article, and Chinese has no article to guide "
            "it.",
        instead="'an' before a vowel sound, 'a' before a consonant sound, as the suggestion "
                "shows.",
        examples=(Example(bad="The airport is a important hub. It has an unique cold chain.\n",
                          flags=("a important", "an unique"),
                          good="The airport is an important hub. It has a unique cold chain. "
                               "It is an hour from a university.\n"),),
        fix_safety="Safe: only the article changes, and only where the next word's sound is "
                   "certain.",
        precision=("WMT23 zh-en dev (bench/accuracy.py): 3 findings ('a echelon', 'a echelons', "
                   "'a \"Arc of Tension\"'), all on rater-marked errors, lift 2.01, no clean "
                   "segment flagged. bench/releases/dev: 2 findings, both planted defects; clean "
                   "releases: none. 196,000 words of English READMEs and licences: 7 findings, all "
                   "real slips ('a email', 'a init', 'an test', 'a html').")),
    fixable=SAFE), check_article)


# ---- GR02 the another ------------------------------------------------------------------
def check_another(doc: Document, opts: RuleOptions):
    for s, e, fixed in another_errors(doc.text):
        written = doc.text[s:e]
        yield _rewrite(doc, s, e, f"'{written}': 'another' already holds its article; write "
                                  f"'{fixed}' (or 'the other', if one of two is meant)", fixed, UNSAFE)
    for s, e, fixed in both_errors(doc.text):
        written = doc.text[s:e]
        yield _rewrite(doc, s, e, f"'{written}': 'both' takes no article before it; write "
                                  f"'{fixed}' (or 'both the ...')", fixed, SAFE)


ANOTHER = Rule(RuleMeta(
    code="GR02", name="the-another", category="grammar", severity="warning",
    summary="a determiner before 'another' or 'both' ('the another', 'an another', 'the both')",
    doc=RuleDoc(
        what="'the', 'a', 'an', 'this' or 'that' directly before 'another', and 'the' directly "
             "before 'both' ('the both companies'; the idiom 'the both of them' is left alone).",
        why="'Another' is 'an' + 'other': it takes no second determiner, and 'both' stands "
            "before the article, not after it. The doubled forms come from translating 另一个 "
            "and 双方/两家 word by word.",
        instead="'another' for one more of many, 'the other' for the second of two.",
        examples=(Example(bad="The another berth opens next year.\n", flags=("The another",),
                          good="Another berth opens next year. The other one opened in May.\n"),),
        fix_safety="Unsafe: 'the other' may be meant rather than 'another'.",
        precision=("WMT23 zh-en dev: no finding (modern engines rarely write it). "
                   "bench/releases/dev: 1 finding, the planted 'The another'; clean releases "
                   "and 196,000 words of other English prose: none.")),
    fixable=UNSAFE), check_another)


# ---- GR03 redundant preposition ---------------------------------------------------------
def check_redundant_preposition(doc: Document, opts: RuleOptions):
    for s, e, verb, prep in redundant_prepositions(doc.text):
        yield _rewrite(doc, s, e, f"'{verb}' takes its object directly: drop '{prep}' and write "
                                  f"'{verb}'", verb, SAFE)


REDUNDANT_PREPOSITION = Rule(RuleMeta(
    code="GR03", name="redundant-preposition", category="grammar", severity="warning",
    summary="a preposition after a verb that takes none ('discuss about')",
    doc=RuleDoc(
        what="'discuss about', 'mention about', 'emphasize on', 'comprises of', 'lacks of', "
             "'investigate into', in any tense. Left alone where the preposition has a "
             "meaning of its own: 'discussed about 30 proposals' (about = some), 'emphasized "
             "on Monday', 'is comprised of', 'a lack of'.",
        why="These verbs are transitive in English; the preposition is carried over from the "
            "Chinese (讨论关于, 强调在) or from the noun ('a discussion about').",
        instead="The verb alone: 'discuss the plan', 'emphasize the need'.",
        examples=(Example(bad="The two sides will discuss about a new park.\n",
                          flags=("discuss about",),
                          good="The two sides will discuss a new park. They discussed about "
                               "30 proposals.\n"),),
        fix_safety="Safe: the preposition is dropped and nothing else changes.",
        precision=("WMT23 zh-en dev: no finding. bench/releases/dev: 1 finding, the planted "
                   "'discuss about'; clean releases and 196,000 words of other English prose: "
                   "none.")),
    fixable=SAFE), check_redundant_preposition)


# ---- GR04 subject-verb agreement -------------------------------------------------------------
def check_agreement(doc: Document, opts: RuleOptions):
    text = doc.text
    for s, e, verb, right in agreement_errors(text):
        fixed = text[s:e - len(verb)] + right
        yield _rewrite(doc, s, e, f"the subject is plural and '{verb}' singular, or the other "
                                  f"way round: write '{fixed}'", fixed, UNSAFE)
    for s, e, verb, right in do_support_errors(text):
        fixed = text[s:e - len(verb)] + right
        yield _rewrite(doc, s, e, f"after '{text[s:e - len(verb)].strip()}' the verb takes its "
                                  f"bare form: write '{fixed}'", fixed, SAFE)


AGREEMENT = Rule(RuleMeta(
    code="GR04", name="subject-verb-agreement", category="grammar", severity="warning",
    summary="a plural subject with a singular verb in simple cases ('the two sides agrees')",
    doc=RuleDoc(
        what="A counted or quantified plural noun opening a clause, directly followed by a "
             "singular verb ('The two sides agrees', 'Both parties has', 'These enterprises "
             "is'), and a subject pronoun with a verb of the wrong number ('they has', 'we "
             "was', 'he are'). Left alone: amounts ('Two years is a long time'), a noun after "
             "a preposition ('one of the two sides is'), names ('the Two Sessions'), and "
             "questions ('does he have').",
        why="Chinese verbs do not change with number, so machine translation may keep a "
            "singular verb it chose for a subject it later made plural.",
        instead="The plural verb after a plural subject: 'The two sides agree'.",
        examples=(Example(bad="The two sides agrees to open two more routes.\n",
                          flags=("The two sides agrees",),
                          good="The two sides agree to open two more routes. Two years is a "
                               "long time.\n"),),
        fix_safety="Unsafe: the subject, not the verb, may be the word to change.",
        precision=("WMT23 zh-en dev: no finding. bench/releases/dev: 1 finding, the planted "
                   "'The two sides agrees'; clean releases and 196,000 words of other English "
                   "prose: none.")),
    fixable=UNSAFE), check_agreement)


# ---- GR05 space before punctuation -----------------------------------------------------------
def check_spacing(doc: Document, opts: RuleOptions):
    text = doc.text
    for s, e, fixed in spacing_errors(text):
        written = text[s:e]
        if not _as_in_source(doc, s, e):
            continue                # the space stands for markup or code left out of the prose
        where = "inside" if written[0] in "([" else "before"
        yield Hit(s, e, f"a space {where} '{written.strip()}': write '{fixed}'",
                  suggestion=fixed, fix=fixed, fix_safety=SAFE)


SPACING = Rule(RuleMeta(
    code="GR05", name="space-before-punctuation", category="grammar", severity="warning",
    summary="a space before a comma, full stop or closing bracket ('growth , and')",
    doc=RuleDoc(
        what="Spaces or tabs before a comma, semicolon, colon, full stop, question or "
             "exclamation mark or closing bracket, or just after an opening bracket. A comma "
             "run into the next word ('growth,and') is GB04's. Left alone: a leading dot "
             "('.NET'), an ellipsis, a '?' standing alone between words (a dash lost to "
             "encoding), a colon between numbers (a ratio) and a mark at the start of a line.",
        why="Segmenters and some engines put spaces around every token; the stray space "
            "shows the copy was never edited.",
        instead="No space before the mark (and one after a comma or semicolon).",
        examples=(Example(bad="Exports went to Germany, the United Kingdom , and Belgium .\n",
                          flags=(" ,", " ."),
                          good="Exports went to Germany, the United Kingdom, and Belgium.\n"),),
        fix_safety="Safe: only the space goes (and a space is added after a comma that had "
                   "none).",
        precision=("WMT23 zh-en dev (bench/accuracy.py): 15 findings, 13 on rater-marked "
                   "errors (lift 1.83, no clean segment flagged); the other two ('\"pill of "
                   "peace\" ,', '(single) ,') are stray spaces too, by reading. "
                   "bench/releases/dev: 1 finding, the planted 'United Kingdom ,'; clean "
                   "releases: none.")),
    fixable=SAFE), check_spacing)


# ---- GR06 misspelling ------------------------------------------------------------------------
@lru_cache(maxsize=8)
def _glossary_words(glossary: Glossary) -> frozenset[str]:
    """The lower-cased words of every glossary name, once per glossary (it is frozen and
    hashed by identity), not once per document."""
    out = set()
    for entity in glossary.entities:
        for form in entity.forms:
            out.update(w.lower() for w in form.replace("-", " ").split())
    return frozenset(out)


def check_misspelling(doc: Document, opts: RuleOptions):
    known = _glossary_words(opts.glossary)
    for s, e, word, right, where in misspellings(doc.text, doc.title, known):
        related = ((where[0], where[1], f"'{doc.text[where[0]:where[1]]}' written here"),) \
            if where else ()
        yield Hit(s, e, f"'{word}' looks misspelt: write '{right}'", suggestion=right,
                  related=related, fix=right, fix_safety=UNSAFE)


MISSPELLING = Rule(RuleMeta(
    code="GR06", name="misspelling", category="garbled", severity="warning",
    summary="a misspelt headline word or name ('Econmy'); needs release-qa[spelling]",
    doc=RuleDoc(
        what="A headline word that no dictionary knows and the release uses nowhere else, "
             "one edit (a letter left out, added, changed or two letters swapped) from a word "
             "the release writes elsewhere or from one common English word ('Econmy', "
             "'Vehciles', 'Changchung' beside 'Changchun'); and a capitalised word the "
             "dictionary does not know, one edit from a word of the release that is a "
             "dictionary word, is written more often or is pinyin where it is not ('Zhang "
             "Wenxaing' beside 'Zhang Wenxiang', 'Internatinal Conference'). Left alone: "
             "acronyms and camel-case brands, valid pinyin ('Henan' beside 'Hunan'), places "
             "that differ by a letter ('Shanxi', 'Shaanxi'), British spellings, plurals and "
             "glossary names. Needs the optional dictionary: pip install "
             "'release-qa[spelling]' (pyspellchecker); without it the rule finds nothing.",
        why="A typo in the headline or in a person's or venue's name is the error a reader "
            "and the people named notice first.",
        instead="The spelling the suggestion gives (the release's own, or the dictionary's).",
        examples=(Example(bad="Zhengzhou Airport Boosts Cold Chain Econmy\n\nThe airport "
                              "economy grew fast, officials said.\n",
                          flags=("Econmy",),
                          good="Zhengzhou Airport Boosts Cold Chain Economy\n\nThe airport "
                               "economy grew fast, officials said.\n"),),
        fix_safety="Unsafe: a rare word may be right where the dictionary knows a common "
                   "one.",
        precision=("WMT23 zh-en dev: 1 finding, 'Wu Yeonggang' beside 'Wu Yonggang' "
                   "(rater-marked). bench/releases/dev: 5 findings, the 5 planted typos "
                   "('Changchung', 'Vehciles', 'Econmy', 'Wenxaing', 'Internatinal'); clean "
                   "releases: none. 35 headlines full of rare words ('Agrivoltaics', "
                   "'Icefest', 'Livestreaming'): no finding; the same headlines with a typo "
                   "and the right spelling in the body: 25 of 33 found, no wrong suggestion.")),
    fixable=UNSAFE, defers_to=("PN09",)), check_misspelling)



# ---- GR07 double comparative ------------------------------------------------------------
def check_double_comparison(doc: Document, opts: RuleOptions):
    for s, e, adjective in double_comparisons(doc.text):
        yield _rewrite(doc, s, e, f"'{doc.text[s:e]}' compares twice: '{adjective}' is already "
                                  f"the comparison, so write '{adjective}'", adjective, SAFE)


DOUBLE_COMPARISON = Rule(RuleMeta(
    code="GR07", name="double-comparison", category="grammar", severity="warning",
    summary="'more' before a comparative or 'most' before a superlative ('more safer')",
    doc=RuleDoc(
        what="'more' before the comparative of a common short adjective when nothing follows "
             "that it could qualify ('more safer than', 'even more better.'), and 'most' "
             "before a superlative ('the most biggest port'). Left alone: 'more older people' "
             "(more people who are older), 'more better-paid jobs', and adjectives the rule "
             "does not list.",
        why="Chinese marks comparison with a word (更安全), and machine translation adds "
            "'more' to an adjective that English already inflects; a reader sees a beginner's "
            "mistake.",
        instead="The inflected adjective alone: 'safer than', 'the biggest port'.",
        examples=(Example(bad="The new design is more safer than the old one.\n",
                          flags=("more safer",),
                          good="The new design is safer than the old one, and more older "
                               "people use it.\n"),),
        fix_safety="Safe: 'more' or 'most' is dropped and nothing else changes.",
        precision=("WMT23 zh-en dev: no finding. bench/releases/dev and the clean releases: "
                   "none; bench/releases/fresh: the planted 'more safer'.")),
    fixable=SAFE), check_double_comparison)


# ---- GR08 bare verb in a passive --------------------------------------------------------
def check_bare_passive(doc: Document, opts: RuleOptions):
    for s, e, fixed in bare_passives(doc.text):
        yield _rewrite(doc, s, e, f"'{doc.text[s:e]}' is a passive with the bare verb: write "
                                  f"'{fixed}'", fixed, SAFE)


BARE_PASSIVE = Rule(RuleMeta(
    code="GR08", name="bare-verb-passive", category="grammar", severity="warning",
    summary="a passive with the bare verb ('was attend by', 'were hold by')",
    doc=RuleDoc(
        what="A form of 'be' and then a bare verb and 'by' ('The forum was attend by 300 "
             "guests', 'is organize by the bureau'), for verbs whose past participle differs "
             "and which are no adjectives: attend, hold, host, organize, sponsor, support, "
             "launch, sign, chair, approve, build and some thirty more. 'open' and 'complete' "
             "are left out ('open by appointment', 'complete by Friday').",
        why="Chinese marks the passive with a word (由, 被) and leaves the verb as it is; "
            "machine translation keeps the bare verb, which English readers see at once.",
        instead="The past participle: 'was attended by', 'were held by'.",
        examples=(Example(bad="The opening ceremony was attend by 300 guests.\n",
                          flags=("was attend by",),
                          good="The opening ceremony was attended by 300 guests.\n"),),
        fix_safety="Safe: the verb becomes its past participle and nothing else changes.",
        precision=("WMT23 zh-en dev: no finding. bench/releases/dev and the clean releases: "
                   "none; bench/releases/fresh: the planted 'were attend by'.")),
    fixable=SAFE), check_bare_passive)



# ---- GR09 simple past after 'have' ------------------------------------------------------
def check_past_for_participle(doc: Document, opts: RuleOptions):
    for s, e, fixed in past_for_participles(doc.text):
        yield _rewrite(doc, s, e, f"'{doc.text[s:e]}': after 'have' English takes the past "
                                  f"participle: write '{fixed}'", fixed, SAFE)


PAST_FOR_PARTICIPLE = Rule(RuleMeta(
    code="GR09", name="past-for-participle", category="grammar", severity="warning",
    summary="a simple past after 'have' ('has became', 'have went')",
    doc=RuleDoc(
        what="'has', 'have', 'had' or 'having' (an adverb such as 'already' may stand between) "
             "followed by the simple past of an irregular verb whose participle differs: "
             "became, began, went, took, wrote, gave, came, grew, knew, chose, broke, drew and "
             "some twenty more. Past forms that are also nouns ('has saw blades', 'has rose "
             "bushes', 'spoke') are not listed.",
        why="Chinese has no participle (成为 is one form); the slip is a beginner's mistake "
            "that English readers see at once.",
        instead="The past participle: 'has become', 'have gone'.",
        examples=(Example(bad="The port has became the largest in the region.\n",
                          flags=("has became",),
                          good="The port has become the largest in the region.\n"),),
        fix_safety="Safe: the verb becomes its participle and nothing else changes.",
        precision=("WMT23 zh-en dev: no finding. bench/releases/dev and the clean releases: "
                   "none.")),
    fixable=SAFE), check_past_for_participle)


RULES = collect_rules(globals())
