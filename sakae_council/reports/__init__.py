"""Every printed document (ReportLab). No Qt, no ORM sessions: documents are built from service DTOs."""

from sakae_council.reports import _lazy_uri

_lazy_uri.install()  # before anything imports ReportLab's paragraphs: see _lazy_uri.py
