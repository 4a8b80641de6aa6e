"""`python -m qa`: the release-qa command line."""
from .cli import run

run()
