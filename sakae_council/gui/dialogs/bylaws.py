"""会則の編集: a council's bylaws, each save kept as a new 版 with its reason and 施行日.

Opened by :func:`open_bylaws`: the district, the bylaws and their 版 are read on the database worker first;
保存 writes there. 同時編集 like the manual's sections: when someone else saved the 会則 first (or entered
the first 版 while this window was open on an empty one), the two-version dialog compares 会則の名称 and 本文
and names who saved; 再読み込み shows the saved text and its 版 (what was typed is listed in the note),
上書き saves on top as the next 版, キャンセル keeps everything as typed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from sakae_council.db.engine import Database
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.base import EntityDialog, SaveRequest
from sakae_council.gui.dialogs.conflict import describe_last_change, dto_values, form_conflict_fields
from sakae_council.gui.dialogs.opening import Failed, open_with
from sakae_council.gui.formatting import wareki
from sakae_council.gui.widgets.date_edit import WarekiDateEdit
from sakae_council.gui.widgets.text_edit import NoteEdit
from sakae_council.services import bylaws, districts
from sakae_council.services.bylaws import BylawsDTO
from sakae_council.services.districts import DistrictDTO


@dataclass(frozen=True)
class BylawsData:
    """What the editor shows: the council, its bylaws as saved now (None: none yet) and their 版."""

    district: DistrictDTO
    current: BylawsDTO | None
    revisions: list[Any]


def load_bylaws(db: Database, district_id: int) -> BylawsData:
    """The editor's data (call it on the database worker)."""
    return BylawsData(
        districts.get_district(db, district_id),
        bylaws.get_bylaws(db, district_id),
        list(bylaws.list_revisions(db, district_id)),
    )


def who_saved(db: Database, district_id: int) -> str:
    """「佐藤 が … に保存しました。」 for the council's 会則 (call it on the database worker)."""
    current = bylaws.get_bylaws(db, district_id)
    return describe_last_change(db, "bylaws", current.id) if current is not None else ""


def open_bylaws(
    ctx: AppContext,
    district_id: int,
    parent: QWidget,
    show: Callable[[BylawsDialog], object],
    failed: Failed = None,
) -> None:
    """The council's 会則, read on the database worker before the editor is built."""
    db = ctx.db
    open_with(
        lambda: load_bylaws(db, district_id),
        lambda data: BylawsDialog(ctx, district_id, parent, data=data),
        parent,
        show,
        failed,
    )


class BylawsDialog(EntityDialog):
    """The council's 会則; the first save is 制定 (第1版), later ones 改正 (第2版 …)."""

    def __init__(
        self,
        ctx: AppContext,
        district_id: int,
        parent: QWidget | None = None,
        *,
        data: BylawsData | None = None,
    ) -> None:
        if data is None:  # read here when the caller did not read it on the worker (open_bylaws)
            data = load_bylaws(ctx.db, district_id)
        district = data.district
        super().__init__(self.tr("{district}の会則").format(district=district.name), parent)
        self.ctx = ctx
        self.district_id = district_id
        self.current: BylawsDTO | None = data.current
        self.title_edit = QLineEdit(self)
        self.body_edit = NoteEdit(16, self)
        self.summary_edit = QLineEdit(self)
        self.summary_edit.setPlaceholderText(self.tr("例: 第6条（役員）を改正"))
        self.effective_edit = WarekiDateEdit("effective_on", self)
        self.history = QLabel(self)
        self.history.setObjectName("bylawsHistory")
        self.history.setWordWrap(True)
        self.form.add_field("title", self.tr("会則の名称"), self.title_edit, required=True)
        self.form.add_field(
            "body", self.tr("本文"), self.body_edit, required=True,
            hint=self.tr("「第1条（名称）」のように条ごとに行を分けると、議案書で見出しになります。"),
        )  # fmt: skip
        self.form.add_field("summary", self.tr("制定・改正の内容"), self.summary_edit)
        self.form.add_field("effective_on", self.tr("施行日"), self.effective_edit)
        self.form.add_widget(self.history)
        if self.current is None:
            self.title_edit.setText(bylaws.default_title(district.council_name or district.name))
        else:
            self.effective_edit.set_value(self.current.effective_on)
        self.show_data(data)
        self.fit_to_screen(48)

    def show_data(self, data: BylawsData) -> None:
        """The 会則 as saved (on opening, and after 再読み込み of someone else's save) and its 版; the
        改正の内容 and 施行日 typed for the next 版 stay."""
        self.current = data.current
        if data.current is not None:
            self.title_edit.setText(data.current.title)
            self.body_edit.setText(data.current.body)
        self._show_history(data.revisions)

    def _show_history(self, revisions: list[Any]) -> None:
        if not revisions:
            self.history.setText(self.tr("まだ会則が登録されていません。保存すると第1版になります。"))
            return
        lines = [
            self.tr("{label}　{summary}（施行 {day}）").format(
                label=r.label,
                summary=r.summary,
                day=wareki(r.effective_on) if r.effective_on else self.tr("未記入"),
            )
            for r in revisions
        ]
        self.history.setText(self.tr("これまでの版:") + "\n" + "\n".join(lines))

    def save_request(self) -> SaveRequest:
        db, district_id = self.ctx.db, self.district_id
        title, body, summary = self.title_edit.text(), self.body_edit.text(), self.summary_edit.text()
        effective_on = self.effective_edit.value()
        return SaveRequest(
            lambda version: bylaws.save_bylaws(
                db, district_id, title, body, summary, effective_on=effective_on, expected_version=version
            ),
            version=self.current.version if self.current else None,
            what=self.tr("会則"),
            load_current=lambda: load_bylaws(db, district_id),
            changed_by=lambda: who_saved(db, district_id),
            fields=form_conflict_fields(self.form, ["title", "body"]),
            mine={"title": title, "body": body},
            on_reload=self.show_data,
            values_of=lambda data: dto_values(data.current) if data.current is not None else {},
            version_of=lambda data: data.current.version if data.current is not None else None,
        )
