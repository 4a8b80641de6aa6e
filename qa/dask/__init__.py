"""release-qa on a Dask cluster: `release-qa check --dask ADDRESS` and `check_bag`.

Dask is optional: `pip install 'release-qa[dask]'` (dask and distributed). Without it,
`--dask` says so on one line (exit 2) and nothing here is imported by other runs.

**The command line.** `release-qa check --dask tcp://scheduler:8786 --format jsonl
--files-from list.txt` finds the files as any run does, sends them to the cluster in batches
of consecutive files (one task each), and writes the results in input order, each as soon as
it and those before it are back, in any format: the output is byte for byte what `--jobs`
writes. `--dask local` starts a cluster on this machine (`--jobs` workers, one thread each,
on the loopback interface) and stops it at the end. Workers read the files themselves: they
need release-qa installed, the same packs, glossaries and config files at the same paths,
and the files at the same paths (a shared file system); paths are resolved against the
folder the command runs in. release-qa keeps no cache, so nothing else needs to be shipped.

**The Python entry point.** For users who already hold a Dask bag of texts:

    import dask.bag as db
    from qa.dask import check_bag
    texts = db.read_text("s3://bucket/releases/*.txt", linedelimiter="\\0")   # or any bag
    results = check_bag(texts, select=["NC", "TR"], isolated=True)         # a lazy bag
    results.map(json.dumps).to_textfiles("out/*.jsonl")

Each element is a text, a (path, text) pair, or a dict with `text` (and `path`) keys; a Dask
DataFrame with such columns is taken too. The result is a bag of the JSON report's per-file
objects (the lines of `--format jsonl`), or of qa.report.FileResult with `as_dicts=False`.
The settings are those of qa.Checker, checked at once in the client; each worker builds the
rule set once per process and thread.
"""
from __future__ import annotations

from ..errors import UsageError

INSTALL = "pip install 'release-qa[dask]'"


def require() -> None:
    """Raise a one-line UsageError saying how to install Dask when it is missing."""
    try:
        import dask.bag  # noqa: F401
        import distributed  # noqa: F401
    except ImportError as exc:
        raise UsageError(f"--dask needs Dask and its distributed scheduler ({exc}); "
                         f"install them with {INSTALL}") from None


def check_bag(bag, *, text: str = "text", path: str = "path", as_dicts: bool = True, **settings):
    """A lazy bag of results of the texts in `bag` (see the module docstring): one per element,
    in the bag's order. `text` and `path` name the fields of dict elements (DataFrame
    columns); `settings` are qa.Checker's (select, ignore, isolated, config, packs, ...)."""
    import dask.bag

    from ..api import Checker
    checker = Checker(**settings)           # a bad selector or pack fails here, not on a worker
    if not isinstance(bag, dask.bag.Bag) and hasattr(bag, "to_bag"):
        bag = bag.to_bag(index=False, format="dict")    # a Dask DataFrame
    return bag.map_partitions(_check_partition, checker, text, path, as_dicts)


def _check_partition(items, checker, text: str, path: str, as_dicts: bool) -> list:
    from ..formatters.jsonl import file_dict
    out = []
    for item in items:
        if isinstance(item, str):
            result = checker.check_text(item)
        elif isinstance(item, dict):
            result = checker.check_text(item[text], item.get(path))
        else:
            name, body = item
            result = checker.check_text(body, name)
        out.append(file_dict(result) if as_dicts else result)
    return out
