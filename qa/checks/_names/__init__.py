"""Helpers of the name-consistency rules (qa/checks/names.py): name mentions, acronyms,
comparison of names, clustering, and case and spelling variants. Registry skips this
package (its name starts with "_"); every module is pure and works on one Document."""
