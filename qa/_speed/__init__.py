"""The speed layer: everything release-qa does only to start and run faster, in one place.

See README.md beside this file for what each piece does, the invariants it keeps, and how
RELEASE_QA_STDLIB=1 swaps every piece for its standard-library equivalent.
"""
