"""Rule packs as data: each kind works from TOML alone, and broken packs fail with
path:line: message."""
from __future__ import annotations

import os
import textwrap

import pytest

from qa.errors import RulePackError
from qa.ruleset import build_ruleset
from tests.helpers import found

PACK = textwrap.dedent('''
    [pack]
    name = "house-style"

    [[rule]]
    code = "HS01"
    name = "house-banned-phrase"
    kind = "existence"
    category = "style"
    severity = "warning"
    message = "'{match}': {note}"
    what = "Phrases the house style bans."
    why = "Editors asked for it."
    instead = "Use the suggestion."
    phrases = [{phrase = "synergy", note = "say what the companies will do", suggestion = "cooperation"},
               "leverage", {regex = 'world[- ]class'}]
    examples = [{bad = "A world-class synergy.", flags = ["world-class", "synergy"], good = "A good plan."}]

    [[rule]]
    code = "HS02"
    name = "house-preferred-term"
    kind = "substitution"
    category = "terminology"
    severity = "error"
    fix = "safe"
    what = "Terms with a house spelling."
    why = "Consistency."
    instead = "The house term."
    swap = [{wrong = ["e-mail", "E-Mail"], right = "email"}, {wrong = "web site", right = "website"}]
    examples = [{bad = "Send an e-mail.", flags = ["e-mail"], good = "Send an email."}]

    [[rule]]
    code = "HS03"
    name = "house-province-ministry"
    kind = "pattern"
    category = "terminology"
    severity = "warning"
    pattern = 'Ministry of (?P<body>[A-Z][\\w ]+?) of (?P<prov>[A-Z]\\w+) Province'
    message = "A provincial body is a Department: '{0}'"
    suggestion = "{prov} Provincial Department of {body}"
    what = "Provincial ministries."
    why = "Only national bodies are ministries."
    instead = "Department."
    examples = [{bad = "The Ministry of Commerce of Hubei Province met.", flags = ["Ministry of Commerce of Hubei Province"], good = "The Ministry of Commerce met."}]

    [[rule]]
    code = "HS04"
    name = "house-one-name"
    kind = "consistency"
    category = "name-consistency"
    severity = "warning"
    what = "One company, two names."
    why = "Readers think they are two companies."
    instead = "The preferred name."
    groups = [{preferred = "Acme Robotics", variants = ["Acme Robot Co."]}]
    examples = [{bad = "Acme Robotics grew. Acme Robot Co. hired.", flags = ["Acme Robot Co."], good = "Acme Robotics grew."}]
''')


@pytest.fixture()
def pack(tmp_path):
    p = tmp_path / "house.toml"
    p.write_text(PACK, encoding="utf-8")
    return str(p)


def test_every_kind_runs_from_toml(pack):
    text = ("The Ministry of Commerce of Hubei Province will leverage synergy via e-mail.\n"
            "Acme Robotics and Acme Robot Co. agree; see the web site.\n")
    got = found(text, ["HS"], packs=(pack,))
    assert got == [
        ("HS03", 1, 5, 1, 43, "Ministry of Commerce of Hubei Province"),
        ("HS01", 1, 49, 1, 57, "leverage"),
        ("HS01", 1, 58, 1, 65, "synergy"),
        ("HS02", 1, 70, 1, 76, "e-mail"),
        ("HS04", 2, 19, 2, 33, "Acme Robot Co."),
        ("HS02", 2, 49, 2, 57, "web site"),
    ]


def test_messages_suggestions_and_fixes(pack):
    from tests.helpers import lint
    text = "The Ministry of Commerce of Hubei Province met via e-mail about synergy."
    by_rule = {f.rule: f for f in lint(text, ["HS"], packs=(pack,))}
    assert by_rule["HS03"].suggestion == "Hubei Provincial Department of Commerce"
    assert by_rule["HS03"].message == "A provincial body is a Department: 'Ministry of Commerce of Hubei Province'"
    assert by_rule["HS01"].message == "'synergy': say what the companies will do"
    assert by_rule["HS01"].suggestion == "cooperation"
    assert by_rule["HS02"].fix.applicability == "safe"
    assert by_rule["HS02"].fix.edits[0].text == "email"


def test_consistency_reports_related_and_preferred(pack):
    from tests.helpers import lint
    [f] = lint("Acme Robot Co. grew.\nAcme Robotics hired.\n", ["HS04"], packs=(pack,))
    assert f.text == "Acme Robot Co." and f.suggestion == "Acme Robotics"
    assert [(r.line, r.text) for r in f.related] == [(2, "Acme Robotics")]
    assert "'Acme Robotics' (line 2)" in f.message


BROKEN = [
    ("unknown key", 'phrasez = ["x"]', 8, "unknown key 'phrasez' for a existence rule"),
    ("bad regex", "patterns = ['(unclosed']", 8, "bad regex '(unclosed'"),
    ("bad kind", None, 4, "kind 'existance' is not one of"),
    ("bad category", None, 5, "category 'styel' is not one of"),
    ("wrong type", "phrases = \"x\"", 8, "'phrases' must be a list"),
]


@pytest.mark.parametrize("case, extra, line, message", BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_pack_names_file_and_line(tmp_path, case, extra, line, message):
    body = ['[[rule]]', 'code = "XX01"', 'name = "x-rule"', 'kind = "existence"',
            'category = "style"', 'severity = "info"', 'what = "w"']
    if case == "bad kind":
        body[3] = 'kind = "existance"'
    if case == "bad category":
        body[4] = 'category = "styel"'
    if extra:
        body.append(extra)
    p = tmp_path / "broken.toml"
    p.write_text("\n".join(body) + "\n", encoding="utf-8")
    with pytest.raises(RulePackError) as exc:
        build_ruleset([str(p)])
    assert str(exc.value).startswith(f"{p}:{line}: {message}")


def test_toml_syntax_error_names_line_and_column(tmp_path):
    p = tmp_path / "syntax.toml"
    p.write_text('[[rule]]\ncode = "XX01\n', encoding="utf-8")
    with pytest.raises(RulePackError) as exc:
        build_ruleset([str(p)])
    assert str(exc.value).startswith(f"{p}:2:")
    assert "invalid TOML" in str(exc.value)


def test_duplicate_code_names_both_places(tmp_path, pack):
    p = tmp_path / "dup.toml"
    p.write_text(PACK, encoding="utf-8")
    with pytest.raises(RulePackError, match="duplicate rule code HS01"):
        build_ruleset([pack, str(p)])


def test_duplicate_of_a_builtin_code(tmp_path):
    p = tmp_path / "dup.toml"
    p.write_text(PACK.replace('"HS01"', '"BP01"'), encoding="utf-8")
    with pytest.raises(RulePackError, match=r"dup.toml:\d+: duplicate rule code BP01"):
        build_ruleset([str(p)])


def test_glossary_from_config_feeds_glossary_rules(tmp_path):
    g = tmp_path / "terms.toml"
    g.write_text('[[entity]]\ncanonical = "Zhiyuan Robotics"\nvariants = ["Agibot"]\n'
                 'wrong = ["Zhiyuan Robot Company"]\n', encoding="utf-8")
    p = tmp_path / "gl.toml"
    p.write_text(textwrap.dedent('''
        [[rule]]
        code = "GL01"
        name = "glossary-mix"
        kind = "consistency"
        category = "name-consistency"
        severity = "warning"
        from_glossary = ["organisation"]
    '''), encoding="utf-8")
    got = found("Agibot ships. Zhiyuan Robotics grows.", ["GL01"], packs=(str(p),), glossaries=(str(g),))
    assert got == [("GL01", 1, 1, 1, 7, "Agibot")]


def test_bad_glossary_entry(tmp_path):
    g = tmp_path / "terms.toml"
    g.write_text('[[entity]]\ncanonical = "X"\nkind = "company"\n', encoding="utf-8")
    with pytest.raises(RulePackError, match=r"terms.toml:3: kind 'company' is not one of"):
        build_ruleset([], [str(g)])


def test_one_matcher_per_pack_and_scope(pack):
    rs = build_ruleset([pack])
    [house] = [p for p in rs.packs if p.path == pack]
    assert list(house.matchers) == ["text"]
    assert len(house.matchers["text"].entries) == 3 + 3 + 1 + 2


def test_every_builtin_regex_compiles_and_triggers_are_sound():
    """Built-in packs skip regex compilation at load; this test does it for them, and checks
    that each pattern's required literals really occur in its examples' matches."""
    import regex

    from qa.packs.builtin_files import builtin_pack_files
    from qa.packs.kinds.matcher import entry_pattern
    from qa.packs.kinds.triggers import NON_ASCII
    from qa.packs.load import load_pack
    rs = build_ruleset()
    seen: dict = {}
    for name, text in builtin_pack_files():
        pack = load_pack(name, rs.glossary, seen, text, validate_regexes=True)
        for matcher in pack.matchers.values():
            for p in matcher.patterns:
                compiled = regex.compile(entry_pattern(p.entry))
                if p.triggers is None:
                    continue
                for rule in pack.rules:
                    for ex in rule.meta.doc.examples:
                        for m in compiled.finditer(ex.bad):
                            hay = m.group() if p.exact_case else m.group().lower()
                            assert any(t in hay or (t == NON_ASCII and not hay.isascii())
                                       for t in p.triggers), (p.entry, m.group())


@pytest.mark.parametrize("pattern, literals", [
    (r"hereinafter referred to as", {"hereinafter referred to as"}),
    (r"(?i:\bvigorously (?:advance|develop|promote)\b)", {"vigorously "}),
    (r"^Comments are closed\.?$", {"comments are closed"}),
    (r"(?:Photo|Image) by \p{Lu}\w+", {"photo", "image"}),
    (r"e-?mail", {"mail"}),
    (r"\p{Han}+", {"\x00non-ascii"}),
    (r"[Pp]ic(?:ture)?s?", {"pic"}),
    (r"[《》]|～", {"《", "》", "～"}),
    (r"\p{L}+", None),
    (r"(?:a|\d)+x?", None),
    (r"colou?r (?:scheme|palette)", {"scheme", "palette"}),
])
def test_required_literals(pattern, literals):
    from qa.packs.kinds.triggers import required_literals
    got = required_literals(pattern)
    assert (set(got) if got is not None else None) == literals


def test_case_sensitive_patterns_keep_the_case_of_their_literals():
    from qa.packs.kinds.triggers import required_literals
    assert required_literals(r"\((?:IC|CFP)/\w+\)", case_sensitive=True) == {"IC", "CFP"}
    assert required_literals(r"(?i:\((?:IC|CFP)/\w+\))", case_sensitive=True) == {"ic", "cfp"}


def test_existence_suggestion_is_a_template(tmp_path):
    from tests.helpers import lint
    p = tmp_path / "t.toml"
    p.write_text(textwrap.dedent('''
        [[rule]]
        code = "ZZ01"
        name = "zz-rule"
        kind = "existence"
        category = "style"
        severity = "info"
        phrases = [{regex = 'vigorously (?P<verb>advance|develop)', suggestion = "{verb}"}]
    '''), encoding="utf-8")
    [f] = lint("We will vigorously develop it.", ["ZZ01"], packs=(str(p),))
    assert (f.text, f.suggestion) == ("vigorously develop", "develop")


def test_two_rules_with_the_same_correction_on_one_span_report_once(tmp_path):
    from tests.helpers import lint

    def pack(name, code, severity, right):
        p = tmp_path / f"{name}.toml"
        p.write_text(textwrap.dedent(f'''
            [[rule]]
            code = "{code}"
            name = "{name}"
            kind = "substitution"
            category = "style"
            severity = "{severity}"
            swap = [{{wrong = "web site", right = "{right}"}}]
        '''), encoding="utf-8")
        return str(p)

    a = pack("zz-one", "ZZ01", "info", "website")
    b = pack("zz-two", "ZZ02", "warning", "website")
    c = pack("zz-three", "ZZ03", "warning", "site")
    got = [(f.rule, f.suggestion) for f in lint("See the web site.", ["ZZ"], packs=(a, b))]
    assert got == [("ZZ02", "website")]
    got = [(f.rule, f.suggestion) for f in lint("See the web site.", ["ZZ"], packs=(a, b, c))]
    assert got == [("ZZ02", "website"), ("ZZ03", "site")]


def test_the_built_in_patterns_literals_shipped_are_current():
    # qa/packs/builtin/triggers.json is derived from the built-in packs: rebuild it with
    # `python scripts/pack_triggers.py` after changing a built-in pattern
    import json
    import sys

    from tests.helpers import ROOT
    sys.path.insert(0, os.path.join(ROOT, "scripts"))
    try:
        from pack_triggers import table
    finally:
        sys.path.pop(0)
    from qa.packs.builtin_triggers import _FILE
    with open(_FILE, encoding="utf-8") as fh:
        assert json.load(fh) == table(), "run `python scripts/pack_triggers.py`"


def test_the_parsed_built_in_packs_shipped_are_current():
    # qa/packs/builtin/parsed.json is the built-in TOML parsed ahead of time: rebuild it with
    # `python scripts/pack_data.py` after editing a built-in pack or glossary
    import json
    import sys

    from tests.helpers import ROOT
    sys.path.insert(0, os.path.join(ROOT, "scripts"))
    try:
        from pack_data import table
    finally:
        sys.path.pop(0)
    from qa.packs.builtin_files import builtin_root_path
    with open(os.path.join(builtin_root_path(), "parsed.json"), encoding="utf-8") as fh:
        assert json.load(fh) == json.loads(json.dumps(table())), "run `python scripts/pack_data.py`"


def test_a_stale_parse_is_never_used():
    from qa.packs.builtin_files import builtin_pack_files, parsed
    name, text = builtin_pack_files()[0]
    assert parsed(name, text) is not None
    assert parsed(name, text + "\n# edited\n") is None
