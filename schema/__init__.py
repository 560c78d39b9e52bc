"""touzi.schema: the SQLite database (migrations, articles, records, regions, comparison)."""
