"""名簿の印刷: choose the district and whether contact details are printed, then save (and open) a PDF."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QWidget

from sakae_council.domain.errors import DomainError
from sakae_council.gui.context import AppContext
from sakae_council.gui.district_names import all_districts_label
from sakae_council.gui.formatting import wareki
from sakae_council.gui.widgets.choice import ChoiceCombo
from sakae_council.gui.widgets.form import Form
from sakae_council.gui.widgets.pdf_save import PdfSaveDialog
from sakae_council.services import districts


class PrintRosterDialog(PdfSaveDialog):
    """Saves the roster PDF in the background; ``finished_pdf(path)`` when written."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("名簿を印刷"), parent)
        self.ctx = ctx
        self.district = ChoiceCombo(
            [(all_districts_label(), None)] + [(d.name, d.id) for d in districts.list_districts(ctx.db, include_inactive=False)]
        )
        self.district.set_value(ctx.district_id)
        self.contacts = QCheckBox(self.tr("連絡先（住所・電話・メール）を載せる"))
        self.contacts.setChecked(True)
        self.form = Form()
        self.form.add_field("district", self.tr("学区"), self.district)
        self.form.add_field(
            "contacts", self.tr("連絡先"), self.contacts,
            hint=self.tr("会議で配るときは外してください。個人情報を守るためです。"),
        )
        self.content.addWidget(self.form)

    def suggested_name(self) -> str:
        where = self.district.currentText() or all_districts_label()
        suffix = "" if self.contacts.isChecked() else self.tr("_配布用")
        return f"名簿_{where}_{wareki(self.ctx.today())}{suffix}.pdf"

    def save_to(self, path: str) -> None:
        """Collect the roster now, warn about characters that cannot be printed, draw the PDF in the background."""
        from sakae_council.reports.roster import collect_roster, render_roster, unprintable_characters

        self.error.clear()
        try:
            doc = collect_roster(
                self.ctx.db, district_id=self.district.value(), contacts=self.contacts.isChecked(), today=self.ctx.today()
            )
        except DomainError as exc:
            self.error.show_message(exc.message)
            return
        if self.confirm_unprintable(unprintable_characters(doc.texts())):
            self.run(lambda: str(render_roster(doc, path)), self.tr("PDFを作っています…"))
