"""Pages of the main window; see ``registry`` for how a page is plugged into the navigation."""
