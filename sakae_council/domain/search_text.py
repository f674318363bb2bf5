"""What each searchable record's folded ``search_text`` is made of — one definition per kind of record.

Every list's search matches a query's words against this column (``services/search.py``); the column is
written when a record is saved (the services), when an organisation is renamed (its members' text
includes its name), when personal data is erased, and by the bench generator. All of them build it here,
so a record's text cannot differ by who wrote it. Each field is folded (``fold_for_search``: kana,
width, case, no spaces) and on a line of its own, so a match never spans two fields.

A schema revision that fills the column freezes its own copy of the formula it needs (a later change
here must not change what an old revision did); see ``db/migrations/versions/0004_meeting_search_text.py``.
"""

from __future__ import annotations

from sakae_council.domain.text import fold_for_search
from sakae_council.domain.wareki import fiscal_year_label


def _lines(*fields: str) -> str:
    return "\n".join(fold_for_search(x) for x in fields)


def person_search_text(name: str, furigana: str, organisation: str, notes: str) -> str:
    """A person on the roster: 氏名, フリガナ, the organisation's name, 備考."""
    return _lines(name, furigana, organisation, notes)


def issue_search_text(title: str, description: str, category_name: str) -> str:
    """A 地域課題: its title, description and category."""
    return _lines(title, description, category_name)


def project_search_text(title: str, purpose: str) -> str:
    """A 協働事業: its title and purpose."""
    return _lines(title, purpose)


def manual_section_search_text(title: str, body: str) -> str:
    """A manual section: its title and each line of its body, one per line (a match never spans lines)."""
    return _lines(title, *body.split("\n"))


def meeting_search_text(fiscal_year: int, number: int, body_name: str, place: str) -> str:
    """A meeting: its name as the list shows it in Japanese (令和8年度 第3回 安食小学校区まちづくり協議会)
    and its place."""
    return _lines(f"{fiscal_year_label(fiscal_year)} 第{number}回 {body_name}", place)
