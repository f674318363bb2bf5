"""冊子を印刷: the booklet of a published edition (or the current text, marked 未発行の原稿), previewed,
printed or saved as PDF. Opened by :func:`open_manual_print`: the editions are read on the database worker
first (and the booklet there too)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.opening import open_with
from sakae_council.gui.formatting import wareki
from sakae_council.gui.models.manual_tree import revision_label
from sakae_council.gui.widgets.choice import ChoiceCombo
from sakae_council.gui.widgets.form import Form
from sakae_council.gui.widgets.print_window import Paper, PrintWindow, unprintable_warning
from sakae_council.services import manual_history
from sakae_council.services.manual import EditionDTO


def open_manual_print(ctx: AppContext, parent: QWidget, show: Callable[[ManualPrintDialog], object]) -> None:
    """冊子を印刷, the editions read on the database worker first."""
    db = ctx.db
    open_with(
        lambda: manual_history.list_editions(db),
        lambda editions: ManualPrintDialog(ctx, parent, editions=editions),
        parent,
        show,
    )


class ManualPrintDialog(PrintWindow):
    """The booklet's print window; choosing another edition draws it again."""

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, *, editions: list[EditionDTO] | None = None
    ) -> None:
        super().__init__(self.tr("冊子を印刷"), parent)
        self.ctx = ctx
        if editions is None:  # read here when the caller did not read them on the worker (open_manual_print)
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

        db, edition, today = self.ctx.db, self.edition.value(), self.ctx.today()
        return Paper(
            lambda: collect_booklet(db, edition, today=today),
            lambda doc, path: render_booklet(doc, path),
            lambda doc: unprintable_warning(unprintable_characters(doc.texts())),
        )
