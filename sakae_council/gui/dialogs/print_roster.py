"""名簿の印刷: the district and whether contact details are printed, previewed; the handout (連絡先なし) first."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QWidget

from sakae_council.gui.context import AppContext
from sakae_council.gui.district_names import all_districts_label
from sakae_council.gui.formatting import wareki
from sakae_council.gui.widgets.choice import ChoiceCombo
from sakae_council.gui.widgets.form import Form
from sakae_council.gui.widgets.print_window import Paper, PrintWindow, unprintable_warning
from sakae_council.services import districts


class PrintRosterDialog(PrintWindow):
    """The roster's print window; contacts go on the paper only when ticked on purpose."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("名簿を印刷"), parent)
        self.ctx = ctx
        self.district = ChoiceCombo(
            [(all_districts_label(), None)]
            + [(d.name, d.id) for d in districts.list_districts(ctx.db, include_inactive=False)]
        )
        self.district.set_value(ctx.district_id)
        self.contacts = QCheckBox(self.tr("連絡先（住所・電話・メール）を載せる"))
        self.contacts.setChecked(False)  # a handout is the safe default: phone numbers only on purpose
        self.form = Form()
        self.form.add_field("district", self.tr("学区"), self.district)
        self.form.add_field(
            "contacts",
            self.tr("連絡先"),
            self.contacts,
            hint=self.tr("会議で配る名簿には載せません。載せると「取扱注意・連絡先あり」と印刷されます。"),
        )
        self.content.addWidget(self.form)
        self.watch(self.district.currentIndexChanged, self.contacts.toggled)
        self.build()

    def suggested_name(self) -> str:
        where = self.district.currentText() or all_districts_label()
        suffix = self.tr("_連絡先あり") if self.contacts.isChecked() else self.tr("_配布用")
        return f"名簿_{where}_{wareki(self.ctx.today())}{suffix}.pdf"

    def paper(self) -> Paper:
        """The roster as it is now, for the district and variant chosen."""
        from sakae_council.reports.roster import collect_roster, render_roster, unprintable_characters

        doc = collect_roster(
            self.ctx.db,
            district_id=self.district.value(),
            contacts=self.contacts.isChecked(),
            today=self.ctx.today(),
        )
        return Paper(
            lambda path: render_roster(doc, path),
            unprintable_warning(unprintable_characters(doc.texts())),
        )
