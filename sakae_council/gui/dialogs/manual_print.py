"""冊子を印刷: the booklet of a published edition (or the current text, marked 未発行の原稿) as a PDF,
drawn in the background."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from sakae_council.domain.errors import DomainError
from sakae_council.gui.context import AppContext
from sakae_council.gui.formatting import wareki
from sakae_council.gui.models.manual_tree import revision_label
from sakae_council.gui.widgets.choice import ChoiceCombo
from sakae_council.gui.widgets.form import Form
from sakae_council.gui.widgets.pdf_save import PdfSaveDialog
from sakae_council.services import manual


class ManualPrintDialog(PdfSaveDialog):
    """Saves the booklet PDF; ``finished_pdf(path)`` once it is written."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("冊子を印刷"), parent)
        self.ctx = ctx
        editions = manual.list_editions(ctx.db)
        items: list[tuple[str, int | None]] = [
            (
                self.tr("{label}（{date}発行）").format(
                    label=revision_label(e.number), date=wareki(e.published_on)
                ),
                e.number,
            )
            for e in reversed(editions)
        ]
        items.append((self.tr("今の原稿（未発行）"), None))
        self.edition = ChoiceCombo(items)
        self.edition.setCurrentIndex(0)  # the newest edition (or the current text when none is published)
        self.form = Form()
        self.form.add_field(
            "edition",
            self.tr("印刷する版"),
            self.edition,
            hint=self.tr("発行した版は、発行したときの内容で印刷されます。"),
        )
        self.content.addWidget(self.form)

    def suggested_name(self) -> str:
        number = self.edition.value()
        which = (
            self.tr("第{n}版").format(n=number)
            if number is not None
            else self.tr("原稿_{date}").format(date=wareki(self.ctx.today()))
        )
        return self.tr("協働マニュアル_{which}.pdf").format(which=which)

    def save_to(self, path: str) -> None:
        """Read the chosen edition now, warn about characters that cannot be printed, draw in the background."""
        from sakae_council.reports.manual_booklet import (
            collect_booklet,
            render_booklet,
            unprintable_characters,
        )

        self.error.clear()
        try:
            doc = collect_booklet(self.ctx.db, self.edition.value(), today=self.ctx.today())
        except DomainError as exc:
            self.error.show_message(exc.message)
            return
        if self.confirm_unprintable(unprintable_characters(doc.texts())):
            self.run(
                lambda: str(render_booklet(doc, path)),
                self.tr("冊子のPDFを作っています…（目次のページ番号を確かめるため、少し時間がかかります）"),
            )
