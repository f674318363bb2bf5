"""Storage: ORM models, engine, migrations, backup, lock and integrity checks. No Qt, no ReportLab."""
