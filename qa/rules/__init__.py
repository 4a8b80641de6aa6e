"""What a rule is, independent of any rule: metadata, options and documentation (base), the
options and glossary a check receives (context), and selectors (selectors). A leaf: it
imports nothing of the checks, the packs, the engine or the outputs; qa.ruleset builds the
rule set from qa.checks and qa.packs."""
