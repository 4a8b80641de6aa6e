"""FIFOs, devices and oversized files, wherever a path can name them (command line, folder
walk, --pack, a config's packs and glossaries, --baseline, config files): each is refused on
one line without blocking, and the rest of the run goes on."""
from __future__ import annotations

import io
import json
import os

import pytest

from qa.errors import ConfigError, InputError
from tests.hostile.common import GOOD, error_lines, run, write

QUICK = 20      # a run that blocks on a FIFO fails here instead of hanging the suite

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")


@pytest.fixture()
def fifo(tmp_path):
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    return path


def _checked(proc) -> list[int]:
    """Number of findings of each file in the JSON report."""
    return [len(f["findings"]) for f in json.loads(proc.stdout)["files"]]


def test_fifo_and_device_on_the_command_line(tmp_path, fifo):
    good = write(tmp_path, "good.txt", GOOD)
    proc = run("--format", "json", str(fifo), "/dev/zero", good, timeout=QUICK)
    err = error_lines(proc)
    assert len(err) == 2, err
    assert f"{fifo}: is a FIFO (named pipe), not a regular file" in err[0]
    assert "/dev/zero: is a character device, not a regular file" in err[1]
    assert _checked(proc) == [0, 0, 1] and proc.returncode == 2


def test_fifo_met_in_a_folder_walk(tmp_path, fifo):
    write(tmp_path, "good.txt", GOOD)
    proc = run("--format", "json", str(tmp_path), timeout=QUICK)
    err = error_lines(proc)
    assert len(err) == 1 and "pipe.txt: is a FIFO" in err[0], err
    assert _checked(proc) == [1, 0] and proc.returncode == 2


@pytest.mark.parametrize("option", ["--pack", "--glossary", "--baseline", "--config"])
def test_fifo_given_to_an_option(tmp_path, fifo, option):
    good = write(tmp_path, "good.txt", GOOD)
    args = [option, str(fifo), good]
    proc = run(*args, timeout=QUICK, isolated=option != "--config")
    err = error_lines(proc)
    assert len(err) == 1 and "is a FIFO (named pipe), not a regular file" in err[0], err
    assert str(fifo) in err[0] and proc.returncode == 2


@pytest.mark.parametrize("key", ["packs", "glossaries"])
def test_fifo_named_by_a_config_only_stops_the_files_under_it(tmp_path, fifo, key):
    site = tmp_path / "site"
    site.mkdir()
    (site / ".release-qa.toml").write_text(f'{key} = ["../pipe.txt"]\n', encoding="utf-8")
    write(site, "a.txt", GOOD)
    other = tmp_path / "other"
    other.mkdir()
    write(other, "b.txt", GOOD)
    proc = run("--format", "json", str(site), str(other), timeout=QUICK, isolated=False)
    err = error_lines(proc)
    assert len(err) == 1 and f"'{key}' names {fifo}, which is a FIFO" in err[0], err
    assert _checked(proc) == [0, 1] and proc.returncode == 2


def test_config_file_that_is_a_fifo(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    os.mkfifo(site / ".release-qa.toml")
    write(site, "a.txt", GOOD)
    proc = run("--format", "json", str(site), timeout=QUICK, isolated=False)
    err = error_lines(proc)
    assert len(err) == 1 and ".release-qa.toml: is a FIFO" in err[0], err
    assert proc.returncode == 2


def test_reader_refuses_fifos_devices_and_oversized_files(tmp_path, fifo):
    from qa.source import read_config_text, read_regular, read_stream
    with pytest.raises(InputError, match="is a FIFO"):
        read_regular(str(fifo))
    with pytest.raises(ConfigError, match="is a character device"):
        read_config_text("/dev/zero", ConfigError)
    big = tmp_path / "big.toml"
    big.write_bytes(b"#" * 5000)
    with pytest.raises(ConfigError, match="file is 5000 bytes, more than the 4096 bytes limit"):
        read_config_text(str(big), ConfigError, limit=4096)
    assert read_config_text(str(big), ConfigError, limit=5000) == "#" * 5000
    with pytest.raises(InputError, match="more than the 10 bytes limit"):
        read_stream(io.BytesIO(b"x" * 11), limit=10)
    assert read_stream(io.BytesIO(b"x" * 10), limit=10) == b"x" * 10
