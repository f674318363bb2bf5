"""Use cases, one module per area. Each call is one short transaction and returns frozen DTOs."""
