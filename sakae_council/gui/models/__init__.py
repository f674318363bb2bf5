"""Thin QAbstractTableModels over lists of service DTOs."""
