"""Storage: the schema, migrations, dedup rules, the one writer (store) and the one reader (queries)."""
