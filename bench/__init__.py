"""Benchmarks and the deterministic scale-data generator (developer tools; not shipped)."""
