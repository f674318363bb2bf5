"""Writing a paper's PDF with little in memory (used by :class:`~sakae_council.reports.page_layout.NumberedCanvas`):
each finished page's stream compressed now and kept in a temporary file until the file is written
(:func:`encode_now`), and the file written piece by piece as ReportLab formats it rather than joined in
memory first (:func:`written_as_formatted`). The bytes are ReportLab's own."""

from __future__ import annotations

import contextlib
import io
import threading
from collections.abc import Iterator
from typing import IO, Any

from reportlab import rl_config
from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.pdfdoc import PDFArray, PDFBase85Encode, PDFName, PDFPage, PDFStream, PDFZCompress


class _SpilledStream(PDFStream):
    """A page's stream, compressed as ReportLab would compress it, waiting in a temporary file until the PDF
    is written: read back only when it is formatted (a 5,300-page roster's streams are ~11 MB)."""

    def __init__(self, spill: IO[bytes], where: tuple[int, int], dictionary: Any) -> None:
        # not PDFStream.__init__: ``content`` is read from the file, never held
        self.dictionary, self.filters = dictionary, None
        self._spill, self._where = spill, where

    @property
    def content(self) -> bytes:  # type: ignore[override]
        offset, length = self._where
        self._spill.seek(offset)
        return self._spill.read(length)


def encode_now(page: PDFPage, spill: IO[bytes]) -> None:
    """Compress ``page``'s stream now, as ReportLab would when the file is written (same filters, same
    bytes), and put it in ``spill`` until then, so the pages waiting to be written hold neither their text
    nor their compressed streams."""
    if page.Contents or not page.stream or not page.compression:
        return
    filters = [PDFBase85Encode, PDFZCompress] if rl_config.useA85 else [PDFZCompress]
    content = page.stream
    for f in reversed(filters):  # as PDFStream.format applies them
        content = f.encode(content)
    if isinstance(content, str):
        content = content.encode("latin-1")
    where = (spill.seek(0, io.SEEK_END), len(content))
    spill.write(content)
    stream = _SpilledStream(spill, where, PDFStream().dictionary)
    stream.dictionary["Filter"] = PDFArray([PDFName(f.pdfname) for f in filters])
    stream.__Comment__ = "page stream"
    page.Contents, page.stream = stream, None


_sink = threading.local()


class _WrittenAsFormatted(pdfdoc.PDFFile):
    """ReportLab's collector of the formatted PDF, which writes each piece straight to the file while
    :func:`written_as_formatted` holds on this thread, instead of joining every piece into one bytes
    object first (a 5,300-page roster is an 11 MB file: the pieces and their joined copy were ~30 MB at the
    peak of the paper). Elsewhere it is ReportLab's own, unchanged: the same bytes, the same offsets."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        out: IO[bytes] | None = getattr(_sink, "file", None)
        self._streamed = out is not None
        if out is not None:
            for piece in self.strings:  # the header ReportLab's __init__ added
                out.write(piece)
            self.strings: list[bytes] = []
            self.write = out.write

    def format(self, document: Any) -> bytes:
        return b"" if self._streamed else super().format(document)


# ReportLab's PDFDocument.format makes its collector by this module-level name.
pdfdoc.PDFFile = _WrittenAsFormatted


@contextlib.contextmanager
def written_as_formatted(out: IO[bytes]) -> Iterator[None]:
    _sink.file = out
    try:
        yield
    finally:
        _sink.file = None
