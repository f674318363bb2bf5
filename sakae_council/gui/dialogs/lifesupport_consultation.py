"""相談記録の登録・編集 (⑫ 生活支援ビジネスの相談窓口): 相談日, 相談者, 学区, 相談内容, 対応・つなぎ先."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLineEdit, QWidget

from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.base import EntityDialog, SaveRequest
from sakae_council.gui.dialogs.saving import open_after_loading
from sakae_council.gui.widgets.date_edit import WarekiDateEdit
from sakae_council.gui.widgets.district_choice import DistrictChoice, with_districts
from sakae_council.gui.widgets.text_edit import NoteEdit
from sakae_council.services import lifesupport
from sakae_council.services.districts import DistrictDTO, list_districts
from sakae_council.services.lifesupport import ConsultationDTO, ConsultationInput


def open_consultation_editor(
    ctx: AppContext,
    record_id: int | None,
    parent: QWidget,
    show: Callable[[ConsultationDialog], object],
    *,
    failure: Callable[[BaseException], object] | None = None,
) -> None:
    """Read the record (fresh) and the districts on the database worker, then build the editor and ``show`` it."""
    db = ctx.db
    open_after_loading(
        parent,
        lambda: with_districts(db, lifesupport.get_consultation, record_id),
        lambda answer: ConsultationDialog(ctx, answer[0], parent, districts=answer[1]),
        show,
        failure=failure,
    )


class ConsultationDialog(EntityDialog):
    """New consultation (``record`` None) or edit; ``saved`` carries the ConsultationDTO."""

    record_attr = "record"

    def __init__(
        self,
        ctx: AppContext,
        record: ConsultationDTO | None = None,
        parent: QWidget | None = None,
        *,
        districts: list[DistrictDTO] | None = None,
    ) -> None:
        super().__init__(self.tr("相談記録の編集") if record else self.tr("相談記録を登録"), parent)
        self.ctx = ctx
        self.record = record
        self.held_on = WarekiDateEdit("held_on")
        self.person_name = QLineEdit()
        if districts is None:  # read here when the caller did not read them on the worker
            districts = list_districts(ctx.db)
        self.district = DistrictChoice(
            districts, record.district_id if record else None, none_text=self.tr("（学区なし）")
        )
        self.topic = NoteEdit(4)
        self.follow_up = NoteEdit(3)

        f = self.form
        f.add_field("held_on", self.tr("相談日"), self.held_on, required=True)
        f.add_field("person_name", self.tr("相談者の氏名"), self.person_name, required=True)
        f.add_field("district_id", self.tr("学区"), self.district)
        f.add_field(
            "topic", self.tr("相談内容"), self.topic, hint=self.tr("例: 高齢者の買い物支援を始めたい。")
        )
        f.add_field(
            "follow_up",
            self.tr("対応・つなぎ先"),
            self.follow_up,
            hint=self.tr("例: 商工会の創業相談を紹介。"),
        )

        if record is not None:
            self.fill(record)
        else:
            self.held_on.set_value(ctx.today())
            self.district.set_value(ctx.district_id)
        self.fit_to_screen(32)

    def save_request(self) -> SaveRequest:
        """The record as typed, written on the database worker (an edit through the conflict dialog)."""
        data = ConsultationInput(
            held_on=self.held_on.value(),  # type: ignore[arg-type]  # None: the service says it is required
            person_name=self.person_name.text(),
            person_id=self.record.person_id if self.record else None,
            district_id=self.district.value(),
            topic=self.topic.text(),
            follow_up=self.follow_up.text(),
        )
        db = self.ctx.db
        if self.record is None:
            return SaveRequest(lambda _version: lifesupport.create_consultation(db, data))
        record_id = self.record.id
        return self.request_update(
            self.record,
            lambda version: lifesupport.update_consultation(db, record_id, data, version),
            db=db,
            entity="consultation",
            what=self.tr("相談記録"),
            load=lambda: lifesupport.get_consultation(db, record_id),
            mine=data,
        )
