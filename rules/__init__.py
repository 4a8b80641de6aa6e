"""Built-in rule packs and glossaries (TOML data). Installed as the package qa.rules_data."""
