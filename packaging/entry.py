"""Entry point of the frozen program (PyInstaller runs this file as __main__)."""

import multiprocessing
import sys

from sakae_council.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # harmless when unused; needed if a worker process is ever started
    sys.exit(main())
