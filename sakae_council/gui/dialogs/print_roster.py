"""名簿の印刷: the district and whether contact details are printed, previewed; the handout (連絡先なし) first."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QCheckBox, QWidget

from sakae_council.gui.context import AppContext
from sakae_council.gui.district_names import all_districts_label
from sakae_council.gui.formatting import wareki
from sakae_council.gui.ops import QueryOp
from sakae_council.gui.widgets.choice import ChoiceCombo
from sakae_council.gui.widgets.form import Form
from sakae_council.gui.widgets.print_window import Paper, PrintWindow, unprintable_warning
from sakae_council.services import districts
from sakae_council.services.districts import DistrictDTO


def open_print_roster(ctx: AppContext, parent: QWidget, show: Callable[[PrintRosterDialog], object]) -> None:
    """Read the districts on the database worker, then build the print window and ``show`` it."""
    db = ctx.db
    QueryOp(lambda: districts.list_districts(db, include_inactive=False), parent=parent).success(
        lambda found: show(PrintRosterDialog(ctx, parent, district_list=found))
    ).run()


class PrintRosterDialog(PrintWindow):
    """The roster's print window; contacts go on the paper only when ticked on purpose."""

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        district_list: list[DistrictDTO] | None = None,
    ) -> None:
        super().__init__(self.tr("名簿を印刷"), parent)
        self.ctx = ctx
        if district_list is None:  # read here when the caller did not read it on the worker
            district_list = districts.list_districts(ctx.db, include_inactive=False)
        self.district = ChoiceCombo([(all_districts_label(), None)] + [(d.name, d.id) for d in district_list])
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
        """The roster as it is now, for the district and variant chosen (read and drawn off the GUI thread)."""
        from sakae_council.reports.roster import collect_roster, render_roster, unprintable_characters

        db, district_id, contacts, today = (
            self.ctx.db,
            self.district.value(),
            self.contacts.isChecked(),
            self.ctx.today(),
        )
        return Paper(
            lambda: collect_roster(db, district_id=district_id, contacts=contacts, today=today),
            render_roster,
            lambda doc: unprintable_warning(unprintable_characters(doc.texts())),
        )
