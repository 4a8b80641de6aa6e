"""Built-in rules written in code, one module per family; each module exports RULES.

Code rules exist only where data cannot do the job: name clustering, duplication,
headline analysis, people's names, language. Phrase lists live in rules/ as TOML.
"""
