"""Strict loading of rule packs and glossaries: rules that clash with others, rules that can
never report anything useful, templates naming fields that do not exist, glossaries that
give contradictory advice. Each fails at load with one line, path:line: message."""
from __future__ import annotations

import textwrap

import pytest

from qa.errors import RulePackError
from qa.packs.kinds.template import fill
from qa.ruleset import build_ruleset
from tests.helpers import lint

HEAD = ['[[rule]]', 'code = "XX01"', 'name = "x-rule"', 'kind = "existence"',
        'category = "style"', 'severity = "info"']


def write_rule(tmp_path, *lines, kind="existence", name="x-rule", code="XX01", file="p.toml"):
    """A one-rule pack: lines 1-6 are HEAD, `lines` start at line 7."""
    head = list(HEAD)
    head[1], head[2], head[3] = f'code = "{code}"', f'name = "{name}"', f'kind = "{kind}"'
    p = tmp_path / file
    p.write_text("\n".join(head + list(lines)) + "\n", encoding="utf-8")
    return str(p)


def load_error(packs=(), glossaries=()) -> str:
    with pytest.raises(RulePackError) as exc:
        build_ruleset(list(packs), list(glossaries))
    return str(exc.value)


# ---- 1. names, aliases and codes of other rules ------------------------------------------
def test_rule_name_of_a_builtin_rule_is_an_error(tmp_path):
    p = write_rule(tmp_path, "phrases = ['zzz']", name="doubled-word")
    assert load_error([p]) == f"{p}:3: name 'doubled-word' clashes with the name of rule DU01 (built-in)"


@pytest.mark.parametrize("alias, what, code", [
    ("DU01", "code", "DU01"),
    ("du01", "code", "DU01"),
    ("BP01", "code", "BP01"),
    ("doubled-word", "name", "DU01"),
])
def test_alias_naming_a_builtin_rule_is_an_error(tmp_path, alias, what, code):
    p = write_rule(tmp_path, "phrases = ['zzz']", f'aliases = ["{alias}"]')
    origin = "built-in" if code == "DU01" else "packs/boilerplate.toml"
    assert load_error([p]) == f"{p}:8: alias '{alias}' clashes with the {what} of rule {code} ({origin})"


def test_name_and_alias_clashes_between_user_packs(tmp_path):
    a = write_rule(tmp_path, "phrases = ['zzz']", 'aliases = ["XX09"]', file="a.toml")
    b = write_rule(tmp_path, "phrases = ['yyy']", code="XX02", file="b.toml")
    assert load_error([a, b]) == f"{b}:3: name 'x-rule' clashes with the name of rule XX01 ({a})"
    c = write_rule(tmp_path, "phrases = ['yyy']", code="XX09", name="y-rule", file="c.toml")
    assert load_error([a, c]) == f"{c}:2: code 'XX09' clashes with the alias of rule XX01 ({a})"


def test_distinct_names_and_aliases_load(tmp_path):
    p = write_rule(tmp_path, "phrases = ['zzz']", 'aliases = ["XX90"]')
    rs = build_ruleset([p])
    assert rs.resolve("XX90") == {"XX01"} and rs.resolve("doubled-word") == {"DU01"}


# ---- 2. rules with nothing to look for ---------------------------------------------------
@pytest.mark.parametrize("kind, extra, line, message", [
    ("existence", [], 1, "existence rule has no phrases or patterns"),
    ("existence", ["phrases = []", "patterns = []"], 7, "existence rule has no phrases or patterns"),
    ("substitution", [], 1, "substitution rule has no swap or from_glossary"),
    ("substitution", ["swap = []"], 7, "substitution rule has no swap or from_glossary"),
    ("pattern", [], 1, "pattern rule has no pattern or patterns"),
    ("pattern", ["pattern = ''"], 7, "pattern rule has no pattern or patterns"),
    ("consistency", ["groups = []"], 7, "consistency rule has no groups or from_glossary"),
], ids=["existence-none", "existence-empty", "substitution-none", "substitution-empty",
        "pattern-none", "pattern-empty", "consistency-empty"])
def test_rule_with_nothing_to_match_is_an_error(tmp_path, kind, extra, line, message):
    p = write_rule(tmp_path, *extra, kind=kind)
    assert load_error([p]) == f"{p}:{line}: {message}"


@pytest.mark.parametrize("kind, extra, message", [
    ("substitution", "swap = [{wrong = [], right = 'x'}]", "a swap needs at least one 'wrong' form"),
    ("substitution", "swap = [{wrong = ['a', ''], right = 'x'}]", "'wrong' in 'swap' must list non-empty strings"),
    ("consistency", "groups = [{preferred = '', variants = ['A']}]", "'preferred' in 'groups' must be a non-empty string"),
    ("consistency", "groups = [{preferred = 'A', variants = ['B', 3]}]", "'variants' in 'groups' must list non-empty strings"),
], ids=["no-wrong", "empty-wrong", "empty-preferred", "bad-variant"])
def test_empty_items_are_errors(tmp_path, kind, extra, message):
    p = write_rule(tmp_path, extra, kind=kind)
    assert load_error([p]) == f"{p}:7: {message}"


# ---- 3. and 4. regexes that cannot work ----------------------------------------------------
@pytest.mark.parametrize("kind, extra", [
    ("existence", "patterns = ['(?P<g>a)(?P<g>b)']"),
    ("existence", "phrases = [{regex = '(?P<g>a)|(?<g>b)'}]"),
    ("pattern", "pattern = '(?P<g>a)(?P<g>b)'"),
    ("substitution", "swap = [{wrong = '(?P<g>a)(?P<g>b)', right = 'x', regex = true}]"),
])
def test_duplicate_group_names_are_an_error(tmp_path, kind, extra):
    p = write_rule(tmp_path, extra, kind=kind)
    source = extra.split("'")[1]
    assert load_error([p]) == f"{p}:7: bad regex {source!r}: group name 'g' is used twice"


@pytest.mark.parametrize("source", [r"\(?P<g>a\)(?P<g>b)", r"[(?P<g>]x(?P<g>b)", r"(?P<g>a)(?P=g)"])
def test_group_name_lookalikes_are_not_duplicates(tmp_path, source):
    p = write_rule(tmp_path, f"patterns = ['{source}']")
    assert "XX01" in build_ruleset([p]).rules


@pytest.mark.parametrize("kind, extra, source", [
    ("existence", "patterns = ['']", ""),
    ("existence", "patterns = ['a*']", "a*"),
    ("existence", "phrases = [{regex = '\\b'}]", "\\b"),
    ("pattern", "pattern = '(?=Ltd)'", "(?=Ltd)"),
    ("pattern", "patterns = ['x', '(?:Co|Ltd)?']", "(?:Co|Ltd)?"),
    ("substitution", "swap = [{wrong = 'x?', right = 'y', regex = true}]", "x?"),
])
def test_regex_matching_empty_text_is_an_error(tmp_path, kind, extra, source):
    p = write_rule(tmp_path, extra, kind=kind)
    assert load_error([p]) == f"{p}:7: bad regex {source!r}: can match empty text"


@pytest.mark.parametrize("source", [r"(?<=a)b+", r"\bCo\b", r"x?y", r"\p{Han}+", r"(?:a|b){1,3}"])
def test_regex_that_always_consumes_text_loads(tmp_path, source):
    p = write_rule(tmp_path, f"patterns = ['{source}']")
    assert "XX01" in build_ruleset([p]).rules


# ---- 5. template fields ------------------------------------------------------------------------
@pytest.mark.parametrize("kind, extra, line, template, field, known", [
    ("existence", ["phrases = ['zzz']", 'message = "{match} {nonexistent}"'], 8, "{match} {nonexistent}",
     "nonexistent", "{match}, {suggestion}, {note}, {0}"),
    ("existence", ["patterns = ['(?P<verb>do) (it)']", 'message = "{2} {3}"'], 8, "{2} {3}",
     "3", "{match}, {suggestion}, {note}, {0}, {1}, {2}, {verb}"),
    ("existence", ["phrases = [{regex = 'vigorously (?P<verb>do)', suggestion = '{verbs}'}]"], 7, "{verbs}",
     "verbs", "{match}, {0}, {1}, {verb}"),
    ("existence", ["phrases = [{phrase = 'vigorously', suggestion = '{1}'}]"], 7, "{1}",
     "1", "{match}, {0}"),
    ("pattern", ["pattern = '(?P<who>[A-Z]\\w+) said'", 'suggestion = "{whom}"'], 8, "{whom}",
     "whom", "{match}, {0}, {1}, {who}"),
    ("pattern", ["pattern = 'said'", 'message = "{match}: {note}"'], 8, "{match}: {note}",
     "note", "{match}, {suggestion}, {0}"),
    ("substitution", ["swap = [{wrong = '(?P<a>x)y', right = '{b}', regex = true}]"], 7, "{b}",
     "b", "{match}, {0}, {1}, {a}"),
    ("substitution", ["swap = [{wrong = 'xy', right = 'z'}]", 'message = "{match} {others}"'], 8,
     "{match} {others}", "others", "{match}, {suggestion}, {note}, {0}"),
    ("consistency", ["groups = [{preferred = 'A', variants = ['B']}]", 'message = "{0} {match}"'], 8,
     "{0} {match}", "0", "{match}, {suggestion}, {others}, {line}, {canonical}, {note}"),
    ("existence", ["phrases = ['zzz']", 'message = "{match.upper}"'], 8, "{match.upper}",
     "match.upper", "{match}, {suggestion}, {note}, {0}"),
])
def test_template_naming_an_unknown_field_is_an_error(tmp_path, kind, extra, line, template, field,
                                                        known):
    p = write_rule(tmp_path, *extra, kind=kind)
    assert load_error([p]) == (f"{p}:{line}: template {template!r} names an unknown field "
                               f"{{{field}}} (known: {known})")


def test_templates_of_different_patterns_may_use_their_own_groups(tmp_path):
    p = write_rule(tmp_path, "patterns = ['(?P<a>x)y', 'z(?P<b>w)']", 'message = "{a}{b}: {match}"')
    [f] = lint("xy", ["XX01"], packs=(p,))
    assert f.message == "x: xy"


def test_bad_format_in_an_item_suggestion_is_an_error(tmp_path):
    p = write_rule(tmp_path, "phrases = [{regex = '(?P<v>do) it', suggestion = '{v'}]")
    assert load_error([p]).startswith(f"{p}:7: bad template '{{v'")


def test_builtin_packs_pass_the_strict_checks():
    """Built-in packs skip the regex checks at start-up; loading them validated must pass."""
    from qa.packs.builtin_files import builtin_pack_files
    from qa.packs.load import load_pack
    rs = build_ruleset()
    seen: dict = {}
    for name, text in builtin_pack_files():
        load_pack(name, rs.glossary, seen, text, validate_regexes=True)


# ---- 6. the right form is not reported -------------------------------------------------------
def test_substitution_does_not_report_the_right_form(tmp_path):
    p = write_rule(tmp_path, "swap = [{wrong = ['ShenZhen'], right = 'Shenzhen'}]", kind="substitution")
    got = [(f.text, f.suggestion) for f in lint("Shenzhen, ShenZhen, SHENZHEN.", ["XX01"], packs=(p,))]
    assert got == [("ShenZhen", "Shenzhen"), ("SHENZHEN", "Shenzhen")]


def test_regex_substitution_does_not_report_the_right_form(tmp_path):
    p = write_rule(tmp_path, "swap = [{wrong = '(?P<c>Shen)zhen', right = '{c}zhen', regex = true}]",
                   kind="substitution")
    got = [(f.text, f.suggestion) for f in lint("Shenzhen, SHENZHEN.", ["XX01"], packs=(p,))]
    assert got == [("SHENZHEN", "SHENzhen")]


def test_glossary_substitution_does_not_report_the_canonical_name(tmp_path):
    g = tmp_path / "g.toml"
    g.write_text('[[entity]]\ncanonical = "Zhiyuan Robotics"\nwrong = ["ZHIYUAN ROBOTICS"]\n'
                 'note = "the robot maker"\n', encoding="utf-8")
    p = write_rule(tmp_path, 'from_glossary = ["organisation", "publication"]', "case_sensitive = false",
                   kind="substitution")
    text = "Zhiyuan Robotics grew. ZHIYUAN ROBOTICS hired. Global Times wrote."
    got = [(f.text, f.suggestion) for f in lint(text, ["XX01"], packs=(p,), glossaries=(str(g),))]
    assert got == [("ZHIYUAN ROBOTICS", "Zhiyuan Robotics")]


# ---- 7. glossaries that contradict themselves ------------------------------------------------
def write_glossary(tmp_path, name, body):
    g = tmp_path / name
    g.write_text(textwrap.dedent(body).lstrip(), encoding="utf-8")
    return str(g)


def test_duplicate_canonical_in_one_glossary(tmp_path):
    g = write_glossary(tmp_path, "g.toml", '''
        [[entity]]
        canonical = "Acme Robotics"

        [[entity]]
        canonical = "Acme Robotics"
        kind = "organisation"
    ''')
    assert load_error(glossaries=[g]) == (f"{g}:5: duplicate canonical name 'Acme Robotics' "
                                          f"(already defined at {g}:1)")


def test_duplicate_canonical_across_glossaries(tmp_path):
    a = write_glossary(tmp_path, "a.toml", '[[entity]]\ncanonical = "Acme Robotics"\n')
    b = write_glossary(tmp_path, "b.toml", '# more\n[[entity]]\ncanonical = "Acme Robotics"\n')
    assert load_error(glossaries=[a, b]) == (f"{b}:3: duplicate canonical name 'Acme Robotics' "
                                             f"(already defined at {a}:1)")


def test_canonical_of_a_builtin_entity(tmp_path):
    g = write_glossary(tmp_path, "g.toml", '[[entity]]\ncanonical = "Global Times"\n')
    assert load_error(glossaries=[g]).startswith(
        f"{g}:2: duplicate canonical name 'Global Times' (already defined at packs/glossaries/organisations.toml:")


@pytest.mark.parametrize("value", ['""', '"  "'])
def test_empty_canonical(tmp_path, value):
    g = write_glossary(tmp_path, "g.toml", f'[[entity]]\nkind = "organisation"\ncanonical = {value}\n')
    assert load_error(glossaries=[g]) == f"{g}:3: 'canonical' must be a non-empty string"


def test_accepted_name_listed_as_wrong_in_another_glossary(tmp_path):
    a = write_glossary(tmp_path, "a.toml", '''
        [[entity]]
        canonical = "Zhiyuan Robotics"
        variants = ["Agibot"]
    ''')
    b = write_glossary(tmp_path, "b.toml", '''
        [[entity]]
        canonical = "Agibot Innovation"
        wrong = [
          "Agibot Co",
          "Agibot",
        ]
    ''')
    assert load_error(glossaries=[a, b]) == (
        f"{b}:5: 'Agibot' is listed as wrong for 'Agibot Innovation' and as a name of "
        f"'Zhiyuan Robotics' ({a}:1)")
    # the other order: the wrong name comes first
    assert load_error(glossaries=[b, a]) == (
        f"{a}:3: 'Agibot' is listed as wrong for 'Agibot Innovation' and as a name of "
        f"'Zhiyuan Robotics' ({b}:1)")


def test_canonical_listed_as_wrong_of_another_entity_in_one_glossary(tmp_path):
    g = write_glossary(tmp_path, "g.toml", '''
        [[entity]]
        canonical = "Acme Robot"

        [[entity]]
        canonical = "Acme Robotics"
        wrong = ["Acme Robot"]
    ''')
    assert load_error(glossaries=[g]) == (f"{g}:6: 'Acme Robot' is listed as wrong for "
                                          f"'Acme Robotics' and as a name of 'Acme Robot' ({g}:1)")


def test_name_both_accepted_and_wrong_in_one_entity(tmp_path):
    g = write_glossary(tmp_path, "g.toml", '''
        [[entity]]
        canonical = "Acme Robotics"
        variants = ["Acme"]
        wrong = ["Acme"]
    ''')
    assert load_error(glossaries=[g]) == (f"{g}:4: 'Acme' is listed as wrong for 'Acme Robotics' "
                                          f"and as a name of 'Acme Robotics' ({g}:1)")


def test_one_wrong_name_with_two_corrections(tmp_path):
    g = write_glossary(tmp_path, "g.toml", '''
        [[entity]]
        canonical = "Acme Robotics"
        wrong = ["Acme Robot Company"]

        [[entity]]
        canonical = "Acme Robot Group"
        wrong = ["Acme Robot Company"]
    ''')
    assert load_error(glossaries=[g]) == (f"{g}:7: 'Acme Robot Company' is listed as wrong for "
                                          f"'Acme Robot Group' and for 'Acme Robotics' ({g}:1)")


def test_case_variants_across_entities_still_load(tmp_path):
    """Only the exact same text contradicts: 'Global times' (wrong) is not 'Global Times'."""
    g = write_glossary(tmp_path, "g.toml", '[[entity]]\ncanonical = "Global times Group"\n'
                       'wrong = ["Global Times Grp"]\n')
    rs = build_ruleset([], [g])
    assert rs.glossary.entities[-1].canonical == "Global times Group"


# ---- 8. empty notes --------------------------------------------------------------------------
def test_empty_note_leaves_no_empty_brackets(tmp_path):
    g = tmp_path / "g.toml"
    g.write_text('[[entity]]\ncanonical = "X Co"\nwrong = ["X Company Limited Corp"]\n', encoding="utf-8")
    [f] = lint("We met X Company Limited Corp.", ["TM01"], glossaries=(str(g),))
    assert f.message == "'X Company Limited Corp' is not the official English name: write 'X Co'"


@pytest.mark.parametrize("template, fields, out", [
    ("write '{s}' ({note})", {"s": "X", "note": ""}, "write 'X'"),
    ("write '{s}' ({note}).", {"s": "X", "note": ""}, "write 'X'."),
    ("write '{s}' ({note}) now", {"s": "X", "note": ""}, "write 'X' now"),
    ("write '{s}' [{note}]", {"s": "X", "note": ""}, "write 'X'"),
    ("write '{s}' ({note})", {"s": "X", "note": "a firm"}, "write 'X' (a firm)"),
    ("({a}{b})", {"a": "", "b": "y"}, "(y)"),
    ("'{s}' ()", {"s": "X"}, "'X' ()"),
])
def test_fill_drops_brackets_around_an_empty_field(template, fields, out):
    assert fill(template, fields) == out


def test_cli_reports_a_contradicting_glossary_in_one_line(tmp_path):
    import subprocess
    import sys

    from tests.helpers import ROOT
    g = write_glossary(tmp_path, "g.toml", '[[entity]]\ncanonical = "X Co"\nwrong = ["Global Times"]\n')
    release = tmp_path / "r.txt"
    release.write_text("Hello.\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "qa", "check", "--isolated", "--glossary", g,
                           str(release)], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.startswith(f"release-qa: error: {g}:3: 'Global Times' is listed as wrong for "
                                  "'X Co' and as a name of 'Global Times' (packs/glossaries/")
    assert proc.stderr.count("\n") == 1


def test_a_rule_deferring_to_an_unknown_code_is_an_error(tmp_path):
    p = write_rule(tmp_path, "phrases = ['zzz']\ndefers_to = ['QQ99']")
    assert "defers to QQ99, which no rule has" in load_error([p])
