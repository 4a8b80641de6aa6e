"""JSON Schemas shipped with the package: the report format (report.schema.json)."""
