"""Flowables made only when the layout reaches them, so a long paper holds a page's worth, not the whole:
:class:`Deferred` (a part of the story) and :class:`TableByPages` (a long ruled table, a page at a time).
Papers import them from :mod:`sakae_council.reports.style`."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from reportlab.platypus import Flowable
from reportlab.platypus.doctemplate import ActionFlowable


class _Made(ActionFlowable):
    """What :class:`Deferred` hands back first: nothing to do (ReportLab lays out what follows it)."""

    def apply(self, doc: Any) -> None:
        pass


class Deferred(Flowable):
    """Flowables made only when the layout reaches them: ``make()`` is called there, and what it returns
    takes this one's place in the story (and is let go once drawn).

    A story's flowables all live until the paper is written; a whole town's roster at stress (94,000
    members, five paragraphs each) held them at once — over 1 GB. Each district's table deferred, only
    the table being laid out is in memory.

    ``make`` is called again on each pass of a two-pass build (the papers with a table of contents): the
    story keeps only the ``Deferred``, never what a pass made and laid out, so no pass holds the whole
    paper's flowables (a 総会議案書 of 900 members' sheets held them all through every pass).
    """

    def __init__(self, make: Callable[[], list[Flowable]]) -> None:
        super().__init__()
        self._make = make
        self.width = self.height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return availWidth, availHeight + 1  # never fits: the frame asks it to split, see split

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        # An action first: the frame lays out what follows as if it had been in the story all along.
        return [_Made(), *self._make()]

    def draw(self) -> None:
        pass


class TableByPages(Flowable):
    """A long ruled table made a page at a time: the rows are made only as the layout reaches them, and
    each page's part is let go once drawn.

    A ReportLab ``Table`` holds all its rows' cells, wrapped, until its last page, and copies the rows left
    at every page it splits over: one district's roster at stress (15,700 members, seven paragraphs each)
    held ~85 MB while its 900 pages were laid out, and the copies cost time that grew with the square of
    the rows. Here ``rows(start, stop)`` makes the data rows ``start`` to ``stop`` (``count`` in all) and
    ``table(rows)`` makes the table of those rows with the header (repeated on every page) in front; each
    page takes the rows that fit and carries the rest made so far to the next, so the pages break exactly
    where the whole table's would (the same rows, the same heights).
    """

    def __init__(
        self,
        rows: Callable[[int, int], list[list[Any]]],
        count: int,
        table: Callable[[list[list[Any]]], Any],
        *,
        start: int = 0,
        made: Sequence[list[Any]] = (),
        chunk: int = 48,
        need: float = 0.0,
    ) -> None:
        super().__init__()
        self._rows, self._count, self._table = rows, count, table
        #: the first row not drawn yet, the rows made from it on, how many to try a page with
        self._start, self._made, self._chunk = start, list(made), chunk
        #: the height of the header and the next row (0 until known): less room than that is the next page
        self._need = need
        self.width = self.height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return availWidth, availHeight + 1  # never fits as it is: the frame asks it to split (see split)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        if availHeight < self._need:  # not even the header and the next row: the next page
            return []
        made, chunk = self._made, self._chunk
        if self._count == 0:  # the header alone (ReportLab never splits a table of header rows only)
            table = self._table([])
            _w, height = table.wrap(availWidth, availHeight)
            return [_Made(), table] if height <= availHeight else []
        while True:
            end = self._start + len(made)
            if len(made) < chunk and end < self._count:
                made += self._rows(end, min(self._count, self._start + chunk))
            table = self._table(made)
            parts = table.split(availWidth, availHeight)
            header = len(table._cellvalues) - len(made)
            if not parts:  # not even the header and a row: the next page (keep what was made for it)
                self._need = sum(table._rowHeights[: header + 1])
                return []
            if len(parts) == 1:  # all of it fits
                if self._start + len(made) < self._count:  # room for more: make more rows and try again
                    chunk *= 2
                    continue
                return [_Made(), table]
            used = len(parts[0]._cellvalues) - header
            heights = table._rowHeights
            rest = TableByPages(
                self._rows,
                self._count,
                self._table,
                start=self._start + used,
                made=made[used:],
                # the rows this page took and a few more, so the next page's break is found in one try
                chunk=max(8, used + 1 + used // 4),
                need=sum(heights[:header]) + heights[header + used],
            )
            return [_Made(), parts[0], rest]

    def draw(self) -> None:
        pass
