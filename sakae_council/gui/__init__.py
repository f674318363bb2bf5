"""The only package that imports PySide6: app start, main window, pages, dialogs, models."""
