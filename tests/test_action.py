"""The GitHub Action (action.yml) and the example workflow (examples/release-qa.yml): both
valid against the schemas check-jsonschema ships, inputs reach the shell only through the
environment, and the action's scripts, run here with bash as a runner would, check the given
paths and write annotations, the step summary, the SARIF file and the `sarif` output."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys

import pytest

from tests.helpers import ROOT, write_user_repository

ACTION = os.path.join(ROOT, "action.yml")
WORKFLOW = os.path.join(ROOT, "examples", "release-qa.yml")
PACK = os.path.join(ROOT, "tests", "fixtures", "fixes_pack.toml")
BIN = os.path.dirname(sys.executable)

yaml = pytest.importorskip("yaml")


def _check_jsonschema(schema: str, path: str) -> subprocess.CompletedProcess:
    exe = os.path.join(BIN, "check-jsonschema")
    if not os.path.exists(exe):
        pytest.skip("check-jsonschema is in the test extra")
    return subprocess.run([exe, "--builtin-schema", schema, path], capture_output=True,
                          text=True, timeout=120)


def _load(path: str) -> dict:
    with open(path, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@pytest.mark.parametrize("schema, path", [("vendor.github-actions", ACTION),
                                          ("vendor.github-workflows", WORKFLOW)])
def test_valid_against_the_github_schemas(schema, path):
    proc = _check_jsonschema(schema, path)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_the_schema_check_catches_a_broken_action_and_workflow(tmp_path):
    action = _load(ACTION)
    del action["runs"]["using"]
    action["inputs"]["paths"]["required"] = "yes"
    bad_action = tmp_path / "action.yml"
    bad_action.write_text(yaml.safe_dump(action), encoding="utf-8")
    workflow = _load(WORKFLOW)
    del workflow["jobs"]["release-qa"]["runs-on"]
    bad_workflow = tmp_path / "workflow.yml"
    bad_workflow.write_text(yaml.safe_dump(workflow), encoding="utf-8")
    assert _check_jsonschema("vendor.github-actions", str(bad_action)).returncode == 1
    assert _check_jsonschema("vendor.github-workflows", str(bad_workflow)).returncode == 1


def test_action_interface():
    action = _load(ACTION)
    assert set(action["inputs"]) == {"paths", "config", "fail-on", "sarif", "args",
                                     "python-version"}
    assert action["outputs"]["sarif"]["value"] == "${{ steps.run.outputs.sarif }}"
    assert action["runs"]["using"] == "composite"
    for step in action["runs"]["steps"]:
        assert "${{" not in step.get("run", ""), f"{step['name']}: an input pasted into a script"


def test_example_workflow_uploads_the_actions_sarif():
    steps = _load(WORKFLOW)["jobs"]["release-qa"]["steps"]
    qa = next(s for s in steps if s.get("id") == "qa")
    upload = next(s for s in steps if "upload-sarif" in s.get("uses", ""))
    assert re.fullmatch(r"OWNER/release-qa@[0-9a-f]{40}", qa["uses"]), qa["uses"]   # a pin that exists
    assert upload["with"]["sarif_file"] == "${{ steps.qa.outputs.sarif }}"
    assert upload["if"].startswith("always()")


def _step(step_id: str) -> dict:
    return next(s for s in _load(ACTION)["runs"]["steps"] if s.get("id") == step_id)


def _run_step(step_id: str, tmp_path, env: dict) -> tuple[subprocess.CompletedProcess, dict]:
    """Run one `run:` step with bash the way a runner does; returns its GITHUB_OUTPUT too."""
    output = tmp_path / "github-output"
    output.touch()
    full = dict(os.environ, GITHUB_OUTPUT=str(output), GITHUB_ACTION_PATH=ROOT,
                RUNNER_TEMP=str(tmp_path / "runner-temp"), **env)
    if "GITHUB_STEP_SUMMARY" not in env:        # never append to a real runner's summary
        full.pop("GITHUB_STEP_SUMMARY", None)
    os.makedirs(full["RUNNER_TEMP"], exist_ok=True)
    proc = subprocess.run(["bash", "-e", "-c", _step(step_id)["run"]], cwd=env.get("CWD", ROOT),
                          env=full, capture_output=True, text=True, timeout=900)
    outputs = dict(line.split("=", 1) for line in output.read_text().splitlines() if line)
    return proc, outputs


def _formatters_present() -> bool:
    from importlib.util import find_spec
    return all(find_spec(f"qa.formatters.{m}") for m in ("github", "sarif", "markdown"))


needs_formatters = pytest.mark.skipif(not _formatters_present(),
                                      reason="the github, sarif and markdown formats are not in")


def _annotations(stdout: str) -> list[str]:
    return [line for line in stdout.splitlines() if line.startswith("::")]


@pytest.fixture
def releases(tmp_path):
    work = tmp_path / "repo"
    (work / "releases" / "2024").mkdir(parents=True)
    (work / "releases" / "2024" / "bad.txt").write_text("Sales rose，costs fell.\n",
                                                         encoding="utf-8")
    (work / "releases" / "clean.txt").write_text("Sales rose, costs fell.\n", encoding="utf-8")
    (work / "qa.toml").write_text(f'packs = ["{PACK}"]\nselect = ["ZF"]\n', encoding="utf-8")
    return work


def _inputs(work, **values) -> dict:
    env = {"CWD": str(work), "RELEASE_QA": os.path.join(BIN, "release-qa"),
           "INPUT_PATHS": "releases", "INPUT_CONFIG": "qa.toml", "INPUT_FAIL_ON": "",
           "INPUT_SARIF": "out/release-qa.sarif", "INPUT_ARGS": "",
           "GITHUB_STEP_SUMMARY": str(work.parent / "summary.md")}
    env.update({f"INPUT_{k.upper()}": v for k, v in values.items()})
    return env


@needs_formatters
def test_run_step_annotates_summarises_and_writes_sarif(releases, tmp_path):
    proc, outputs = _run_step("run", tmp_path, _inputs(releases))
    assert proc.returncode == 1, proc.stderr
    annotations = _annotations(proc.stdout)
    assert len(annotations) == 1
    assert annotations[0].startswith("::warning file=releases/2024/bad.txt,line=1,col=11,")
    assert outputs["sarif"] == "out/release-qa.sarif"
    sarif = json.loads((releases / "out" / "release-qa.sarif").read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0"
    assert [r["ruleId"] for r in sarif["runs"][0]["results"]] == ["ZF01"]
    assert "ZF01" in (tmp_path / "summary.md").read_text(encoding="utf-8")


@needs_formatters
@pytest.mark.parametrize("fail_on, code", [("error", 0), ("never", 0), ("warning", 1)])
def test_fail_on_input(releases, tmp_path, fail_on, code):
    proc, _ = _run_step("run", tmp_path, _inputs(releases, fail_on=fail_on))
    assert proc.returncode == code, proc.stderr


@needs_formatters
def test_several_paths_and_extra_args(releases, tmp_path):
    env = _inputs(releases, paths="releases/clean.txt\n releases/2024 ",
                  args="--select ZF01,ZF03   --fail-on error")
    proc, _ = _run_step("run", tmp_path, env)
    assert proc.returncode == 0, proc.stderr
    assert [a.split(",")[0] for a in _annotations(proc.stdout)] == [
        "::warning file=releases/2024/bad.txt"]


def test_a_bad_fail_on_value_is_an_annotated_error(releases, tmp_path):
    proc, outputs = _run_step("run", tmp_path, _inputs(releases, fail_on="sometimes"))
    assert proc.returncode == 2
    assert proc.stdout.startswith("::error title=release-qa::fail-on must be")


@pytest.mark.slow
def test_install_step_installs_the_action_checkout_into_its_own_venv(tmp_path):
    # the dependencies come from PyPI as usual; the test skips them to stay quick
    proc, outputs = _run_step("install", tmp_path, {"CWD": str(tmp_path), "PIP_NO_DEPS": "1"})
    assert proc.returncode == 0, proc.stdout + proc.stderr
    exe = outputs["bin"]
    assert exe.startswith(str(tmp_path / "runner-temp" / "release-qa-venv"))
    version = subprocess.run([exe, "--version"], capture_output=True, text=True, timeout=60)
    assert version.stdout.startswith("release-qa ")
    assert shutil.which("release-qa", path=os.path.dirname(exe)) == exe




@pytest.fixture
def user_repository(tmp_path):
    """A repository as a user has it: README, LICENSE and requirements beside releases/."""
    work = tmp_path / "press"
    write_user_repository(work)
    return work


def _defaults(work) -> dict:
    """The run step's environment with every input at the action's default."""
    inputs = _load(ACTION)["inputs"]
    env = {"CWD": str(work), "RELEASE_QA": os.path.join(BIN, "release-qa"),
           "GITHUB_STEP_SUMMARY": str(work.parent / "summary.md")}
    for name, spec in inputs.items():
        env[f"INPUT_{name.upper().replace('-', '_')}"] = str(spec.get("default", ""))
    return env


@needs_formatters
def test_default_inputs_check_the_releases_folder_only(user_repository, tmp_path):
    proc, outputs = _run_step("run", tmp_path, _defaults(user_repository))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert _annotations(proc.stdout) == []
    assert "release-qa: releases/2024/battery.txt: score 100.0/100" in proc.stdout

    (user_repository / "releases" / "plant.txt").write_text(
        "Acme opens plant in Hefei\n\nAcme opened a plant in Hefei on March 4.\n\n"
        "Comments are closed.\n", encoding="utf-8")
    proc, _ = _run_step("run", tmp_path, _defaults(user_repository))
    assert proc.returncode == 1, proc.stderr
    assert [a.split(",")[0] for a in _annotations(proc.stdout)] == ["::warning file=releases/plant.txt"]


@needs_formatters
def test_dot_as_paths_leaves_project_files_and_docs_folders_of_other_names_alone(user_repository,
                                                                                  tmp_path):
    env = dict(_defaults(user_repository), INPUT_PATHS=".")
    (user_repository / "docs" / "howto.md").unlink()
    proc, _ = _run_step("run", tmp_path, env)
    assert proc.returncode == 0, proc.stdout + proc.stderr      # README and LICENSE not checked


def test_a_missing_releases_folder_is_a_clear_error(tmp_path):
    work = tmp_path / "empty"
    work.mkdir()
    proc, _ = _run_step("run", tmp_path, _defaults(work))
    assert proc.returncode == 2
    assert proc.stdout.startswith("::error title=release-qa::paths: releases does not exist; set "
                                  "the paths input")
