"""起業者の登録・編集 (⑫ 生活支援サービスの起業): 起業者, 起業日, 事業名, 分野, 学区, 備考."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.base import EntityDialog, SaveRequest
from sakae_council.gui.dialogs.saving import open_after_loading
from sakae_council.gui.widgets.date_edit import WarekiDateEdit
from sakae_council.gui.widgets.district_choice import DistrictChoice, with_districts
from sakae_council.gui.widgets.text_edit import NoteEdit
from sakae_council.services import lifesupport
from sakae_council.services.districts import DistrictDTO, list_districts
from sakae_council.services.lifesupport import STARTUP_FIELDS, StartupDTO, StartupInput


def open_startup_editor(
    ctx: AppContext,
    record_id: int | None,
    parent: QWidget,
    show: Callable[[StartupDialog], object],
    *,
    failure: Callable[[BaseException], object] | None = None,
) -> None:
    """Read the record (fresh) and the districts on the database worker, then build the editor and ``show`` it."""
    db = ctx.db
    open_after_loading(
        parent,
        lambda: with_districts(db, lifesupport.get_startup, record_id),
        lambda answer: StartupDialog(ctx, answer[0], parent, districts=answer[1]),
        show,
        failure=failure,
    )


class StartupDialog(EntityDialog):
    """New start-up (``record`` None) or edit; ``saved`` carries the StartupDTO."""

    record_attr = "record"

    def __init__(
        self,
        ctx: AppContext,
        record: StartupDTO | None = None,
        parent: QWidget | None = None,
        *,
        districts: list[DistrictDTO] | None = None,
    ) -> None:
        super().__init__(self.tr("起業記録の編集") if record else self.tr("起業記録を登録"), parent)
        self.ctx = ctx
        self.record = record
        self.founder_name = QLineEdit()
        self.started_on = WarekiDateEdit("started_on")
        self.business_name = QLineEdit()
        self.field = QComboBox()
        self.field.setEditable(True)  # the plan's fields are offered; others may be typed
        self.field.addItems(["", *STARTUP_FIELDS])
        if districts is None:  # read here when the caller did not read them on the worker
            districts = list_districts(ctx.db)
        self.district = DistrictChoice(
            districts, record.district_id if record else None, none_text=self.tr("（学区なし）")
        )
        self.notes = NoteEdit(3)

        f = self.form
        f.add_field("founder_name", self.tr("起業者の氏名"), self.founder_name, required=True)
        f.add_field("started_on", self.tr("起業日（開業日）"), self.started_on, required=True)
        f.add_field("business_name", self.tr("事業名"), self.business_name)
        f.add_field("field", self.tr("分野"), self.field, hint=self.tr("一覧から選ぶか、入力してください。"))
        f.add_field("district_id", self.tr("学区"), self.district)
        f.add_field("notes", self.tr("備考"), self.notes)

        if record is not None:
            self.fill(record)
        else:
            self.district.set_value(ctx.district_id)
        self.fit_to_screen(32)

    def save_request(self) -> SaveRequest:
        """The record as typed, written on the database worker (an edit through the conflict dialog)."""
        data = StartupInput(
            founder_name=self.founder_name.text(),
            started_on=self.started_on.value(),  # type: ignore[arg-type]  # None: the service says it is required
            business_name=self.business_name.text(),
            field=self.field.currentText(),
            person_id=self.record.person_id if self.record else None,
            district_id=self.district.value(),
            notes=self.notes.text(),
        )
        db = self.ctx.db
        if self.record is None:
            return SaveRequest(lambda _version: lifesupport.create_startup(db, data))
        record_id = self.record.id
        return self.request_update(
            self.record,
            lambda version: lifesupport.update_startup(db, record_id, data, version),
            db=db,
            entity="business_startup",
            what=self.tr("起業記録"),
            load=lambda: lifesupport.get_startup(db, record_id),
            mine=data,
        )
