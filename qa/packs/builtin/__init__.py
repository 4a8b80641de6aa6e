"""Built-in rule packs and glossaries: TOML data, read with importlib.resources."""
