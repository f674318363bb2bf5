"""冊子を印刷: the booklet of a published edition (or the current text, marked 未発行の原稿), previewed,
printed or saved as PDF."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from sakae_council.gui.context import AppContext
from sakae_council.gui.formatting import wareki
from sakae_council.gui.models.manual_tree import revision_label
from sakae_council.gui.widgets.choice import ChoiceCombo
from sakae_council.gui.widgets.form import Form
from sakae_council.gui.widgets.print_window import Paper, PrintWindow, unprintable_warning
from sakae_council.services import manual_history


class ManualPrintDialog(PrintWindow):
    """The booklet's print window; choosing another edition draws it again."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("冊子を印刷"), parent)
        self.ctx = ctx
        editions = manual_history.list_editions(ctx.db)
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
        self.watch(self.edition.currentIndexChanged)
        self.build()

    def suggested_name(self) -> str:
        number = self.edition.value()
        which = (
            self.tr("第{n}版").format(n=number)
            if number is not None
            else self.tr("原稿_{date}").format(date=wareki(self.ctx.today()))
        )
        return self.tr("協働マニュアル_{which}.pdf").format(which=which)

    def paper(self) -> Paper:
        """The chosen edition as it was published (the table of contents takes the drawing a while)."""
        from sakae_council.reports.manual_booklet import (
            collect_booklet,
            render_booklet,
            unprintable_characters,
        )

        doc = collect_booklet(self.ctx.db, self.edition.value(), today=self.ctx.today())
        return Paper(lambda path: render_booklet(doc, path), unprintable_warning(unprintable_characters(doc.texts())))
