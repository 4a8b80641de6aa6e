"""The terminology pack (TM) and the glossary name-consistency rule (NC01), on a release about
a Hangzhou e-commerce firm: wrong official names, provincial and city 'Ministries', deprecated
terms, one body named two ways, sister companies kept apart."""
from __future__ import annotations

import os

from tests.helpers import ROOT, found, lint

RELEASES = os.path.join(ROOT, "tests", "fixtures", "releases")


def read(name: str) -> str:
    with open(os.path.join(RELEASES, name), encoding="utf-8") as fh:
        return fh.read()


def test_ecommerce_release():
    assert found(read("packs_terminology_hangzhou_ecommerce.txt"), ["TM", "NC01"]) == [
        ("TM02", 3, 183, 3, 223, "Zhejiang Provincial Ministry of Commerce"),
        ("TM05", 5, 45, 5, 62, "One Belt One Road"),
        ("NC01", 5, 66, 5, 80, "Jingdong Group"),
        ("NC01", 5, 144, 5, 154, "Poly Group"),
        ("TM04", 7, 20, 7, 57, "Ministry of Commerce of Hangzhou City"),
        ("TM03", 7, 66, 7, 122, "Ministry of Commerce of Xinjiang Uygur Autonomous Region"),
        ("TM01", 9, 53, 9, 65, "Ningde Times"),
        ("TM06", 11, 28, 11, 74, "State Administration for Industry and Commerce"),
        ("TM01", 11, 123, 11, 161, "International Telecommunications Union"),
    ]


def suggestions(text: str, select) -> list[tuple[str, str]]:
    return [(f.rule, f.suggestion) for f in lint(text, select)]


def test_local_ministries_get_the_local_title():
    text = read("packs_terminology_hangzhou_ecommerce.txt")
    assert suggestions(text, ["TM02", "TM03", "TM04"]) == [
        ("TM02", "Zhejiang Provincial Department of Commerce"),
        ("TM04", "Hangzhou Municipal Bureau of Commerce"),
        ("TM03", "Department of Commerce of Xinjiang Uygur Autonomous Region"),
    ]


def test_any_province_not_only_the_seed_s():
    text = ("Backed by the Ministry of Housing and Urban-Rural Development of Hubei Province, "
            "the Ministry of Agriculture of Heilongjiang and the Yunnan Provincial Ministry of "
            "Science and Technology.\n")
    assert suggestions(text, ["TM02"]) == [
        ("TM02", "Hubei Provincial Department of Housing and Urban-Rural Development"),
        ("TM02", "Heilongjiang Provincial Department of Agriculture"),
        ("TM02", "Yunnan Provincial Department of Science and Technology"),
    ]


def test_national_ministries_are_not_flagged():
    text = ("The Ministry of Industry and Information Technology and the Ministry of Foreign "
            "Affairs of the People's Republic of China welcomed the plan. The Ministry of "
            "Commerce said Jiangsu Province would host the fair.\n")
    assert found(text, ["TM"]) == []


def test_wrong_name_defers_to_the_consistency_rule():
    text = ("Envision Group builds turbines. Vision Technology Group said orders rose.\n")
    assert found(text, ["TM01", "NC01"]) == [("NC01", 1, 33, 1, 56, "Vision Technology Group")]
    assert found("Vision Technology Group said orders rose.\n", ["TM01", "NC01"]) == [
        ("TM01", 1, 1, 1, 24, "Vision Technology Group")]


def test_name_variants_point_at_the_other_forms():
    text = "JD.com opened a depot. Jingdong Group said more would follow.\n"
    [f] = lint(text, ["NC01"])
    assert (f.text, f.suggestion) == ("Jingdong Group", "JD.com")
    assert [(r.line, r.column, r.text) for r in f.related] == [(1, 1, "JD.com")]


def test_sister_companies_are_not_variants():
    text = ("Envision Energy makes turbines; Envision Group owns it. China Mobile, China "
            "Unicom and China Telecom share towers with China Tower Corporation Limited.\n")
    assert found(text, ["TM", "NC01"]) == []


def test_names_are_case_sensitive():
    assert found("Global times reported the deal.\n", ["TM01"]) == [
        ("TM01", 1, 1, 1, 13, "Global times")]
    assert found("Global Times reported the deal.\n", ["TM01"]) == []


def test_former_names_are_info():
    [f] = lint("It was licensed by the State Intellectual Property Office in 2015.\n", ["TM06"])
    assert (f.severity, f.suggestion) == ("info", "China National Intellectual Property Administration")


# ---- national Party and state bodies (glossaries/state_bodies.toml) ------------------------
STATE_BODIES = os.path.join(ROOT, "qa", "packs", "builtin", "glossaries", "state_bodies.toml")
GLOSSARIES = os.path.join(ROOT, "qa", "packs", "builtin", "glossaries")


def _entities(path: str) -> list[dict]:
    import tomllib
    with open(path, "rb") as fh:
        return tomllib.load(fh)["entity"]


def _all_entities() -> list[dict]:
    return [e for name in sorted(os.listdir(GLOSSARIES)) if name.endswith(".toml")
            for e in _entities(os.path.join(GLOSSARIES, name))]


def _accepted(e: dict) -> list[str]:
    return [e["canonical"], *e.get("variants", []), *e.get("short", [])]


def _pack_rules() -> dict[str, dict]:
    import tomllib
    path = os.path.join(ROOT, "qa", "packs", "builtin", "terminology.toml")
    with open(path, "rb") as fh:
        return {r["code"]: r for r in tomllib.load(fh)["rule"]}


def test_state_bodies_are_well_formed():
    import regex
    entities = _entities(STATE_BODIES)
    assert len(entities) >= 90
    for e in entities:
        names = _accepted(e) + e.get("wrong", [])
        assert len(names) == len(set(names)), e["canonical"]
        assert e.get("note") and e.get("source"), e["canonical"]
        zh = e["zh"] if isinstance(e["zh"], list) else [e["zh"]]
        assert zh and all(regex.search(r"\p{Han}", z) for z in zh), e["canonical"]
        assert not e["canonical"].startswith("The "), e["canonical"]


def test_no_wrong_name_stands_inside_an_accepted_one():
    """A glossary wrong name found inside a correct name would flag the correct name
    ("Ministry of Industry and Information" inside "... Information Technology"): such
    truncations belong in TM01's regex swaps, which look past them."""
    import regex
    entities = _all_entities()
    accepted = [n for e in entities for n in _accepted(e)]
    for e in entities:
        for w in e.get("wrong", []):
            pattern = regex.compile(r"(?<![\w'’-])" + regex.escape(w) + r"(?![\w'’-])")
            assert [n for n in accepted if pattern.search(n)] == [], w


def test_state_body_names_are_not_pack_phrases():
    listed = set()
    for r in _pack_rules().values():
        for s in r.get("swap", []):
            listed.update(s["wrong"] if isinstance(s["wrong"], list) else [s["wrong"]])
    names = {n for e in _entities(STATE_BODIES) for n in _accepted(e) + e.get("wrong", [])}
    assert names & listed == set()


def test_every_accepted_state_body_name_passes():
    """Correct names, alone or all in one release (variants apart: two names of one body
    are a consistency finding), give no terminology or name finding."""
    entities = _entities(STATE_BODIES)
    together = [n for e in entities for n in [e["canonical"], *e.get("short", [])]]
    assert found("".join(f"{n} said so.\n" for n in together), ["TM", "NC01"]) == []
    for n in [n for e in entities for n in _accepted(e)]:
        assert found(f"{n}\n", ["TM", "NC01"]) == [], n


def test_every_wrong_state_body_name_is_reported_with_its_canonical():
    for e in _entities(STATE_BODIES):
        for w in e.get("wrong", []):
            fs = [f for f in lint(f"Officials of the {w} said so.\n", ["TM01"]) if not f.suppressed]
            assert [(f.text, f.suggestion) for f in fs] == [(w, e["canonical"])], w


def test_former_names_point_at_current_bodies():
    accepted = {n for e in _all_entities() for n in _accepted(e)}
    for s in _pack_rules()["TM06"]["swap"]:
        assert s["right"] in accepted, s["right"]


def test_lower_case_rule_covers_every_state_body():
    """TM07 knows every body of the glossary (the State Council through 'the state
    council'): each one's name in lower case is reported with the name as suggestion."""
    rights = {s["right"] for s in _pack_rules()["TM07"]["swap"]}
    for e in _entities(STATE_BODIES):
        canonical = e["canonical"]
        assert canonical in rights, canonical
        lower = canonical.lower()
        fs = [f for f in lint(f"It was the {lower} that spoke.\n", ["TM07"]) if not f.suppressed]
        assert [(f.text, f.suggestion) for f in fs] == [(lower, canonical)], canonical


def test_state_bodies_release():
    """A machine-translated release about a provincial grain conference: wrong names of
    national bodies, lower-case bodies, literal titles and former names."""
    text = (
        "Henan Holds Grain Security Conference\n\n"
        "ZHENGZHOU -- The Henan Provincial Chief Wang Kai attended the conference on Tuesday "
        "with Standing Vice Governor Sun Shougang.\n\n"
        "It was guided by the National Grain and Material Reserves Bureau and the ministry of "
        "agriculture and rural affairs. Officials from the National Development and Reform "
        "Committee, the State Administration of Grain and the china meteorological "
        "administration took part, and the National Health and Wellness Commission sent an "
        "observer.\n\n"
        "The state council has asked provinces to keep reserves for six months, and the "
        "Ministry of Industry and Informatization will monitor cold chains. The Ministry Leader "
        "of the Ministry of Emergency Management sent a letter.\n")
    assert [(f.rule, f.text, f.suggestion) for f in lint(text, ["TM", "NC01"])] == [
        ("TM08", "Provincial Chief", "Governor"),
        ("TM08", "Standing Vice Governor", "Executive Vice Governor"),
        ("TM01", "National Grain and Material Reserves Bureau",
         "National Food and Strategic Reserves Administration"),
        ("TM07", "ministry of agriculture and rural affairs",
         "Ministry of Agriculture and Rural Affairs"),
        ("TM01", "National Development and Reform Committee",
         "National Development and Reform Commission"),
        ("TM06", "State Administration of Grain",
         "National Food and Strategic Reserves Administration"),
        ("TM07", "china meteorological administration", "China Meteorological Administration"),
        ("TM01", "National Health and Wellness Commission", "National Health Commission"),
        ("TM07", "state council", "State Council"),
        ("TM01", "Ministry of Industry and Informatization",
         "Ministry of Industry and Information Technology"),
        ("TM08", "Ministry Leader", "Minister"),
    ]


def test_two_names_of_one_state_body_are_a_consistency_finding():
    text = ("The National Financial Regulatory Administration issued rules. The National "
            "Administration of Financial Regulation said banks would comply; the NFRA will check.\n")
    assert [(f.rule, f.text, f.suggestion) for f in lint(text, ["TM", "NC01"])] == [
        ("NC01", "National Administration of Financial Regulation",
         "National Financial Regulatory Administration")]


# ---- the glossary keys zh and short ----------------------------------------------------------
def _glossary(tmp_path, body: str) -> str:
    g = tmp_path / "g.toml"
    g.write_text(body, encoding="utf-8")
    return str(g)


def _load_error(glossary: str) -> str:
    import pytest

    from qa.errors import RulePackError
    from qa.ruleset import build_ruleset
    with pytest.raises(RulePackError) as exc:
        build_ruleset((), (glossary,))
    return str(exc.value)


def test_zh_and_short_load(tmp_path):
    from qa.ruleset import build_ruleset
    g = _glossary(tmp_path, '[[entity]]\ncanonical = "Hubei Provincial Department of Commerce"\n'
                            'zh = "湖北省商务厅"\nshort = ["HDOFCOM"]\n\n'
                            '[[entity]]\ncanonical = "Wuhan Municipal Bureau of Commerce"\n'
                            'zh = ["武汉市商务局", "武汉商务局"]\n')
    canonicals = [e.canonical for e in build_ruleset((), (g,)).glossary.entities]
    assert "Wuhan Municipal Bureau of Commerce" in canonicals


def test_zh_must_be_chinese(tmp_path):
    g = _glossary(tmp_path, '[[entity]]\ncanonical = "Wuhan Municipal Bureau of Commerce"\n'
                            'zh = ["Wuhan Shangwuju"]\n')
    assert _load_error(g) == f"{g}:3: 'zh' must be a Chinese name or a list of them"


def test_short_form_must_list_strings(tmp_path):
    g = _glossary(tmp_path, '[[entity]]\ncanonical = "Wuhan Municipal Bureau of Commerce"\n'
                            'short = [""]\n')
    assert _load_error(g) == f"{g}:3: 'short' must list non-empty strings"


def test_short_form_listed_as_wrong_elsewhere_is_an_error(tmp_path):
    g = _glossary(tmp_path, '[[entity]]\ncanonical = "Wuhan Municipal Bureau of Commerce"\n'
                            'wrong = ["NHC"]\n')
    assert _load_error(g).startswith(
        f"{g}:3: 'NHC' is listed as wrong for 'Wuhan Municipal Bureau of Commerce' and as a "
        "name of 'National Health Commission'")
