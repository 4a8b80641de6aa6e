"""Rule packs: rules as data. A pack is a TOML file of `[[rule]]` tables, each picking one of
the generic kinds (kinds/: existence, substitution, pattern, consistency); a glossary is a
TOML file of `[[entity]]` tables. load.py and glossary_load.py read and validate them (built-in
ones from builtin/, the user's from --pack, --glossary and config), failing with `path:line: message`.
"""
