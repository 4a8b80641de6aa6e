"""Rule machinery: rule metadata and checks (base), options and glossary (context), the
registry that loads and selects rules, and the generic data-driven kinds."""
