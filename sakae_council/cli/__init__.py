"""The command line: ``sakae-council`` starts the window by default; every subcommand lives in this package.

- ``main.py``: the entry point (``main``), the parser, the built-in commands (init, check, list, the GUI) and
  ``EXTRA_MODULES``, the table of the other subcommands, each a module here imported only when used.
- ``printing.py``: ``print <paper>``; each paper's options and run are in ``print_<paper>.py``, listed in
  ``printing.DOCUMENTS``.
- ``data.py`` (import, export), ``safety.py`` (backup, restore), ``erase.py``, ``transfer.py``.

Kept small: ``import sakae_council.cli.print_roster`` loads this file first, and the print path must
start quickly.
"""

from sakae_council.cli.main import main

__all__ = ["main"]
