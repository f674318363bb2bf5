"""Building blocks shared by every page: list page, data table, form fields, date field, undo bar."""
