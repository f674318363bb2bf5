"""Pure domain rules: enums, validation, normalisation, 和暦/年度. No Qt, no SQLAlchemy, no ReportLab."""
