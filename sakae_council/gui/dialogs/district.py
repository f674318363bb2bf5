"""学区の編集 and 学区の統合 (学区再編)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from sakae_council.domain.council import NO_QUORUM_REMARK
from sakae_council.domain.enums import CouncilStatus
from sakae_council.domain.errors import ValidationError
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.base import EntityDialog, SaveCancelled, SaveRequest
from sakae_council.gui.dialogs.saving import open_after_loading
from sakae_council.gui.formatting import wareki
from sakae_council.gui.widgets.choice import ChoiceCombo
from sakae_council.gui.widgets.date_edit import WarekiDateEdit
from sakae_council.gui.widgets.district_choice import with_districts
from sakae_council.gui.widgets.messages import confirm
from sakae_council.services import districts
from sakae_council.services.districts import DistrictDTO, DistrictInput


def open_district_editor(
    ctx: AppContext,
    district_id: int | None,
    parent: QWidget,
    show: Callable[[DistrictDialog], object],
    *,
    failure: Callable[[BaseException], object] | None = None,
) -> None:
    """Read the district (fresh) and the others on the database worker, then build the editor."""
    db = ctx.db
    open_after_loading(
        parent,
        lambda: with_districts(db, districts.get_district, district_id),
        lambda a: DistrictDialog(ctx, a[0], parent, every=a[1]),
        show,
        failure=failure,
    )


def open_merge(
    ctx: AppContext, source_id: int | None, parent: QWidget, show: Callable[[MergeDialog], object]
) -> None:
    """Read the districts on the database worker, then build 学区の統合 and ``show`` it."""
    db = ctx.db
    open_after_loading(
        parent,
        lambda: districts.list_districts(db),
        lambda every: MergeDialog(ctx, source_id, parent, every=every),
        show,
    )


class DistrictDialog(EntityDialog):
    """Name, council name and status, date established, order, notes."""

    record_attr = "district"

    def __init__(
        self,
        ctx: AppContext,
        district: DistrictDTO | None = None,
        parent: QWidget | None = None,
        *,
        every: list[DistrictDTO] | None = None,
    ) -> None:
        super().__init__(self.tr("学区の編集") if district else self.tr("学区を新規登録"), parent)
        self.ctx = ctx
        self.district = district
        self.name = QLineEdit()
        self.council_name = QLineEdit()
        self.council_name.setPlaceholderText(self.tr("例: 安食小学校区まちづくり協議会"))
        self.council_status = ChoiceCombo([(s.label, s) for s in CouncilStatus])
        self.established_on = WarekiDateEdit("established_on")
        self.display_order = QSpinBox()
        self.display_order.setRange(0, 999)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.notes.fontMetrics().lineSpacing() * 3 + 12)
        self.no_quorum_remark = QPlainTextEdit()
        self.no_quorum_remark.setTabChangesFocus(True)
        self.no_quorum_remark.setPlaceholderText(NO_QUORUM_REMARK)
        self.no_quorum_remark.setFixedHeight(self.notes.fontMetrics().lineSpacing() * 2 + 12)
        f = self.form
        f.add_field("name", self.tr("学区名"), self.name, required=True, hint=self.tr("例: 安食小学校区"))
        f.add_field("council_name", self.tr("協議会名"), self.council_name)
        f.add_field("council_status", self.tr("協議会の状況"), self.council_status)
        f.add_field(
            "established_on",
            self.tr("設立日"),
            self.established_on,
            hint=self.tr("設立済のときは必ず入力します。"),
        )
        f.add_field(
            "display_order", self.tr("並び順"), self.display_order, hint=self.tr("小さい数ほど上に並びます。")
        )
        f.add_field("notes", self.tr("備考"), self.notes)
        f.add_field(
            "no_quorum_remark",
            self.tr("定足数に達しないときの注記"),
            self.no_quorum_remark,
            hint=self.tr(
                "議事録の議事の前に印刷します。空欄のときは、灰色で見えている標準の文言を印刷します。"
            ),
        )
        if district is not None:
            self.fill(district)
        else:  # after the others (read here when the caller did not read them on the worker)
            self.display_order.setValue(
                len(every if every is not None else districts.list_districts(ctx.db)) + 1
            )
        self.fit_to_screen(30)

    def save_request(self) -> SaveRequest:
        """The district as typed, written on the database worker (an edit through the conflict dialog)."""
        data = DistrictInput(
            name=self.name.text(),
            council_name=self.council_name.text(),
            council_status=self.council_status.value(),
            established_on=self.established_on.value(),
            display_order=self.display_order.value(),
            notes=self.notes.toPlainText(),
            no_quorum_remark=self.no_quorum_remark.toPlainText(),
        )
        db = self.ctx.db
        if self.district is None:
            return SaveRequest(lambda _version: districts.create_district(db, data))
        district_id = self.district.id
        return self.request_update(
            self.district,
            lambda version: districts.update_district(db, district_id, data, version),
            db=db,
            entity="district",
            what=self.tr("学区の情報"),
            load=lambda: districts.get_district(db, district_id),
            mine=data,
        )


class MergeDialog(EntityDialog):
    """学区再編: choose the district that joins another, the one it joins, and the date."""

    def __init__(
        self,
        ctx: AppContext,
        source_id: int | None = None,
        parent: QWidget | None = None,
        *,
        every: list[DistrictDTO] | None = None,
    ) -> None:
        super().__init__(self.tr("学区の統合（学区再編）"), parent)
        self.ctx = ctx
        if every is None:  # read here when the caller did not read them on the worker
            every = districts.list_districts(ctx.db)
        active = [d for d in every if d.active]
        self.source = ChoiceCombo([(d.name, d.id) for d in active])
        self.target = ChoiceCombo([(d.name, d.id) for d in active])
        self.merged_on = WarekiDateEdit("merged_on")
        self.merged_on.set_value(ctx.today())
        explanation = QLabel(
            self.tr(
                "統合する学区の、任期中の委嘱は統合日で終わり、統合先で同じ役割の委嘱が始まります（役職は委員になります）。"
                "地域課題・協働事業・会議体（議事録）・団体・貸出中の資機材は統合先に移ります。"
                "統合する学区の記録は「統合済み」として残り、いつ何が移ったかは下の「学区再編の記録」で確かめられます。"
            )
        )
        explanation.setWordWrap(True)
        self.form.add_widget(explanation)
        self.form.add_field("source", self.tr("統合する学区（なくなる学区）"), self.source, required=True)
        self.form.add_field("target", self.tr("統合先の学区（残る学区）"), self.target, required=True)
        self.form.add_field("merged_on", self.tr("統合日"), self.merged_on, required=True)
        if source_id is not None:
            self.source.set_value(source_id)
        if self.target.value() == self.source.value() and self.target.count() > 1:
            self.target.setCurrentIndex(1 if self.source.currentIndex() == 0 else 0)
        self.save_button.setText(self.tr("統合する"))
        self.fit_to_screen(34)

    def save_request(self) -> SaveRequest:
        """Asked here (with the names in the question), merged on the database worker."""
        merged_on = self.merged_on.value()
        if merged_on is None:
            raise ValidationError("merged_on", self.tr("統合日を入力してください。"))
        source, target = self.source.value(), self.target.value()
        if source is None or target is None:
            raise ValidationError("source", self.tr("統合する学区と統合先を選んでください。"))
        if source != target and not confirm(
            self,
            self.tr("学区の統合"),
            self.tr(
                "「{source}」を「{target}」に統合します（{date}）。\nこの操作は元に戻せません。よろしいですか？"
            ).format(
                source=self.source.currentText(), target=self.target.currentText(), date=wareki(merged_on)
            ),
            self.tr("統合する"),
        ):
            raise SaveCancelled
        db = self.ctx.db
        return SaveRequest(lambda _version: districts.merge_districts(db, source, target, merged_on))
