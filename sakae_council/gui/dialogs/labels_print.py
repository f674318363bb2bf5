"""宛名ラベルの印刷: a meeting's people or a whole district, on sheets of 12 or 24, previewed, printed.

The sheet's top and left margins move in 0.5 mm steps and are remembered per sheet (every printer
feeds differently); 開始位置 reuses a half-used sheet. People without an address get no label and are
named in the warning line. Opened by :func:`open_labels_print`: the districts (and the meeting's title) are
read on the database worker before the window is built, and the addressees are read there too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import QDoubleSpinBox, QHBoxLayout, QLabel, QSpinBox, QWidget

from sakae_council.db.engine import Database
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.opening import Failed, open_with
from sakae_council.gui.district_names import all_districts_label
from sakae_council.gui.formatting import wareki
from sakae_council.gui.settings import label_margin_key, read_float
from sakae_council.gui.widgets.choice import ChoiceCombo
from sakae_council.gui.widgets.print_choices import two_forms, warning_with_glyphs
from sakae_council.gui.widgets.print_window import Paper, PrintWindow
from sakae_council.reports.address_labels import MARGIN_RANGE, SHEETS
from sakae_council.services import districts, meeting_replies
from sakae_council.services.districts import DistrictDTO


@dataclass(frozen=True)
class LabelChoices:
    """What the window offers: the active districts, and the meeting's title when it prints a meeting's."""

    districts: list[DistrictDTO]
    title: str = ""


def load_choices(db: Database, meeting_id: int | None) -> LabelChoices:
    """The window's choices (call it on the database worker)."""
    title = meeting_replies.get_replies(db, meeting_id).meeting_title if meeting_id is not None else ""
    return LabelChoices(districts.list_districts(db, include_inactive=False), title)


def open_labels_print(
    ctx: AppContext,
    meeting_id: int | None,
    parent: QWidget,
    show: Callable[[LabelsPrintWindow], object],
    failed: Failed = None,
) -> None:
    """The labels window (of the meeting, or of a district chosen in it), its choices read on the worker."""
    db = ctx.db
    open_with(
        lambda: load_choices(db, meeting_id),
        lambda choices: LabelsPrintWindow(ctx, meeting_id, parent, choices=choices),
        parent,
        show,
        failed,
    )


class LabelsPrintWindow(PrintWindow):
    """Labels for the people of ``meeting_id``, or (without one) of the district chosen in the window."""

    def __init__(
        self,
        ctx: AppContext,
        meeting_id: int | None = None,
        parent: QWidget | None = None,
        *,
        choices: LabelChoices | None = None,
    ) -> None:
        super().__init__(self.tr("宛名ラベルを印刷"), parent)
        if choices is None:  # read here when the caller did not read them on the worker (open_labels_print)
            choices = load_choices(ctx.db, meeting_id)
        self.ctx = ctx
        self.meeting_id = meeting_id
        self.form, self.placing = two_forms(self)
        self.people = ChoiceCombo([(self.tr("全員"), "all"), (self.tr("まだ回答のない方だけ"), "unreplied")])
        self.district = ChoiceCombo([(d.name, d.id) for d in choices.districts])
        if meeting_id is not None:
            self.setWindowTitle(self.tr("宛名ラベルを印刷 — {title}").format(title=choices.title))
            self.form.add_field("people", self.tr("宛先"), self.people)
        else:
            if ctx.district_id is not None:
                self.district.set_value(ctx.district_id)
            self.form.add_field("district", self.tr("学区（現任の全員）"), self.district)
        self.sheet = ChoiceCombo(
            [(self.tr("12面（86.4 × 42.3 mm）"), 12), (self.tr("24面（66.0 × 33.9 mm）"), 24)]
        )
        self.start = QSpinBox()
        self.start.setRange(1, 12)
        self.top = self._margin_box()
        self.left = self._margin_box()
        self.order = ChoiceCombo([(self.tr("郵便番号順"), "postal"), (self.tr("五十音順"), "kana")])
        self.form.add_field("sheet", self.tr("ラベル用紙"), self.sheet)
        self.form.add_field("order", self.tr("並べ方"), self.order)
        p = self.placing
        p.add_field(
            "start",
            self.tr("開始位置"),
            self.start,
            hint=self.tr("使いかけの用紙は、最初に使うラベルの番号（左上が1）。"),
        )
        margins = QHBoxLayout()
        margins.setContentsMargins(0, 0, 0, 0)
        for label, box in ((self.tr("上"), self.top), (self.tr("左"), self.left)):
            margins.addWidget(QLabel(label))
            margins.addWidget(box, 1)
        holder = QWidget()
        holder.setLayout(margins)
        self.top.setAccessibleName(self.tr("上の余白"))
        self.left.setAccessibleName(self.tr("左の余白"))
        p.add_field(
            "margins",
            self.tr("余白"),
            holder,
            hint=self.tr("ずれるときは0.5mmずつ直します（用紙ごとに覚えます）。"),
        )
        self._load_margins()
        self.sheet.currentIndexChanged.connect(lambda _i: self._load_margins())
        self.top.valueChanged.connect(lambda _v: self._store_margins())
        self.left.valueChanged.connect(lambda _v: self._store_margins())
        self.watch(
            self.people.currentIndexChanged, self.district.currentIndexChanged, self.sheet.currentIndexChanged,
            self.start.valueChanged, self.top.valueChanged, self.left.valueChanged, self.order.currentIndexChanged,
        )  # fmt: skip
        self.build()

    def _margin_box(self) -> QDoubleSpinBox:
        box = QDoubleSpinBox()
        box.setRange(*MARGIN_RANGE)
        box.setSingleStep(0.5)
        box.setDecimals(1)
        box.setSuffix(" mm")
        return box

    def _load_margins(self) -> None:
        """The chosen sheet's remembered margins (its own standard margins the first time)."""
        sheet = self.sheet.value()
        spec = SHEETS[sheet]
        self.start.setMaximum(spec.labels)
        for box, side, standard in ((self.top, "top", spec.top), (self.left, "left", spec.left)):
            stored = read_float(self.ctx.settings, label_margin_key(sheet, side))
            box.blockSignals(True)
            box.setValue(stored if stored is not None else standard)
            box.blockSignals(False)

    def _store_margins(self) -> None:
        sheet = self.sheet.value()
        self.ctx.settings.setValue(label_margin_key(sheet, "top"), self.top.value())
        self.ctx.settings.setValue(label_margin_key(sheet, "left"), self.left.value())

    def suggested_name(self) -> str:
        who = self.district.currentText() if self.meeting_id is None else f"会議{self.meeting_id}"
        return (
            f"宛名ラベル_{who or all_districts_label()}_{self.sheet.value()}面_{wareki(self.ctx.today())}.pdf"
        )

    def paper(self) -> Paper:
        from sakae_council.domain.errors import ValidationError
        from sakae_council.reports.address_labels import make_labels, render_labels

        db, meeting_id, who, today = self.ctx.db, self.meeting_id, self.people.value(), self.ctx.today()
        district_id = self.district.value()
        if meeting_id is None and district_id is None:
            raise ValidationError("district", self.tr("学区を選んでください。"))
        order, sheet = self.order.value(), self.sheet.value()
        start, top, left = self.start.value(), self.top.value(), self.left.value()
        unaddressed_note = self.tr("住所が登録されていない方（{names}）のラベルは作りません。")

        def collect() -> Any:
            if meeting_id is not None:
                people = meeting_replies.meeting_addressees(db, meeting_id, who)
            else:
                people = meeting_replies.district_addressees(db, district_id, today)
            return make_labels(
                meeting_replies.sort_addressees(people, order), sheet=sheet, start=start, top=top, left=left
            )

        def warning(doc: Any) -> str:
            note = (
                unaddressed_note.format(names="、".join(a.name for a in doc.unaddressed))
                if doc.unaddressed
                else ""
            )
            return warning_with_glyphs(note, doc.texts())

        # Read on the database worker, drawn on the papers lane (gui/ops.py): never on the GUI thread.
        return Paper(collect, lambda doc, path: render_labels(doc, path), warning)
