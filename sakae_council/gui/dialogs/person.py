"""名簿の編集: a person's name, フリガナ, contact details, organisation, notes and memberships."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from sakae_council.db.engine import Database
from sakae_council.domain.contact import normalize_email, normalize_phone, normalize_postal_code
from sakae_council.domain.enums import MemberRole
from sakae_council.domain.errors import ValidationError
from sakae_council.domain.text import normalize_furigana
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.base import EntityDialog, SaveRequest
from sakae_council.gui.dialogs.conflict import (
    EMPTY,
    ConflictField,
    describe_last_change,
    dto_values,
    show_value,
)
from sakae_council.gui.dialogs.memberships_editor import MembershipsEditor
from sakae_council.gui.models.memberships import MembershipRow
from sakae_council.gui.ops import Generation, QueryOp
from sakae_council.gui.widgets.choice import ChoiceCombo
from sakae_council.gui.widgets.form import MessageLine
from sakae_council.services import districts, organisations, people, people_duplicates
from sakae_council.services.districts import DistrictDTO
from sakae_council.services.organisations import OrganisationDTO
from sakae_council.services.people import MembershipInput, PersonDTO, PersonInput

log = logging.getLogger(__name__)

MEMBERSHIP_FIELDS = frozenset(
    {"district_id", "role", "public_post", "officer_post", "term_start", "term_end", "ended_on"}
)


@dataclass(frozen=True)
class PersonChoices:
    """What the editor offers to choose from: read on the database worker before it opens."""

    organisations: list[OrganisationDTO]
    districts: list[DistrictDTO]


def load_choices(db: Database) -> PersonChoices:
    """The organisations and districts of the editor's choices (call it on the database worker)."""
    return PersonChoices(organisations.list_organisations(db), districts.list_districts(db))


def open_person_editor(
    ctx: AppContext, person_id: int | None, parent: QWidget, show: Callable[[PersonDialog], object]
) -> None:
    """Read the person (fresh) and the choices on the database worker, then build the editor and ``show`` it.

    A person deleted meanwhile is said in a dialog (NotFoundError) and no editor opens."""
    db = ctx.db

    def load() -> tuple[PersonDTO | None, PersonChoices]:
        return (people.get_person(db, person_id) if person_id is not None else None), load_choices(db)

    QueryOp(load, parent=parent).success(
        lambda answer: show(PersonDialog(ctx, answer[0], parent, choices=answer[1]))
    ).run()


class PersonDialog(EntityDialog):
    """New person (``person`` None) or edit of an existing one; ``saved`` carries the new PersonDTO.

    Opened through :func:`open_person_editor`, it touches the database only on the worker: the choices are
    read before it opens, the duplicate check and the save run there. (Built without ``choices``, it reads
    them on the spot, on the calling thread.)"""

    def __init__(
        self,
        ctx: AppContext,
        person: PersonDTO | None = None,
        parent: QWidget | None = None,
        *,
        choices: PersonChoices | None = None,
    ) -> None:
        super().__init__(self.tr("名簿の編集") if person else self.tr("名簿に新規登録"), parent)
        self.ctx = ctx
        self.person = person
        self._duplicate_checks = Generation()
        if choices is None:
            choices = load_choices(ctx.db)
        self.name = QLineEdit()
        self.furigana = QLineEdit()
        self.postal_code = QLineEdit()
        self.postal_code.setPlaceholderText(self.tr("例: 270-1516"))
        self.address = QLineEdit()
        self.phone = QLineEdit()
        self.phone.setPlaceholderText(self.tr("例: 0476-95-1234"))
        self.email = QLineEdit()
        self.email.setPlaceholderText(self.tr("例: taro@example.jp"))
        orgs = choices.organisations
        org_items: list[tuple[str, int | None]] = [(self.tr("（なし）"), None)] + [
            (o.name, o.id) for o in orgs
        ]
        if person and person.organisation_id and person.organisation_id not in {o.id for o in orgs}:
            org_items.append((person.organisation_name, person.organisation_id))
        self.organisation = ChoiceCombo(org_items)
        self._organisation_names = {value: text for text, value in org_items if value is not None}
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.notes.fontMetrics().lineSpacing() * 4 + 12)
        self.duplicate_warning = MessageLine("warning")

        f = self.form
        f.add_field(
            "name",
            self.tr("氏名"),
            self.name,
            required=True,
            hint=self.tr("姓と名の間は空けても空けなくても構いません。"),
        )
        f.add_field(
            "furigana",
            self.tr("フリガナ"),
            self.furigana,
            hint=self.tr("カタカナかひらがなで。名簿は五十音順に並びます。"),
        )
        f.add_widget(self.duplicate_warning)
        f.add_field("postal_code", self.tr("郵便番号"), self.postal_code)
        f.add_field("address", self.tr("住所"), self.address)
        f.add_field("phone", self.tr("電話番号"), self.phone)
        f.add_field("email", self.tr("メールアドレス"), self.email)
        f.add_field("organisation_id", self.tr("所属団体"), self.organisation)
        f.add_field("notes", self.tr("備考"), self.notes)

        all_districts = choices.districts
        self._district_names = {d.id: d.name for d in all_districts}
        self.memberships = MembershipsEditor(
            all_districts, ctx.today(), default_district_id=ctx.district_id, parent=self
        )
        self.body_layout.addWidget(self.memberships)

        if person is not None:
            self.fill(person)
        elif ctx.district_id is not None and any(d.id == ctx.district_id and d.active for d in all_districts):
            self.memberships.add_input(MembershipInput(district_id=ctx.district_id, role=MemberRole.SUISHIN))

        f.tidy_on_leave("furigana", normalize_furigana)
        f.tidy_on_leave("postal_code", normalize_postal_code)
        f.tidy_on_leave("phone", normalize_phone)
        f.tidy_on_leave("email", normalize_email)
        self.name.editingFinished.connect(self.check_duplicates)
        self.furigana.editingFinished.connect(self.check_duplicates)
        if person is not None:
            from sakae_council.gui.dialogs.person_safety import add_person_safety_buttons

            self.history_button, self.erase_button = add_person_safety_buttons(
                self
            )  # 変更の履歴, 本人の求めによる消去
        self.fit_to_screen(36)

    def fill(self, person: PersonDTO) -> None:
        """Show ``person`` in the form (on opening, and after 再読み込み of someone else's save)."""
        self.person = person
        self.name.setText(person.name)
        self.furigana.setText(person.furigana)
        self.postal_code.setText(person.postal_code)
        self.address.setText(person.address)
        self.phone.setText(person.phone)
        self.email.setText(person.email)
        if person.organisation_id is not None and person.organisation_id not in self._organisation_names:
            self._organisation_names[person.organisation_id] = person.organisation_name
            items = [
                (self.organisation.itemText(i), self.organisation.value_at(i))
                for i in range(self.organisation.count())
            ]
            self.organisation.set_items([*items, (person.organisation_name, person.organisation_id)])
        self.organisation.set_value(person.organisation_id)
        self.notes.setPlainText(person.notes)
        self.memberships.set_rows([MembershipRow.from_dto(m) for m in person.memberships])
        self.check_duplicates()

    def conflict_fields(self) -> list[ConflictField]:
        """What the comparison shows: the form's fields, 所属団体 and 学区での役割 by name."""
        return [
            ConflictField("name", self.tr("氏名")),
            ConflictField("furigana", self.tr("フリガナ")),
            ConflictField("postal_code", self.tr("郵便番号")),
            ConflictField("address", self.tr("住所")),
            ConflictField("phone", self.tr("電話番号")),
            ConflictField("email", self.tr("メールアドレス")),
            ConflictField("organisation_id", self.tr("所属団体"), self._show_organisation),
            ConflictField("notes", self.tr("備考")),
            ConflictField("memberships", self.tr("学区での役割"), self._show_memberships),
        ]

    def _show_organisation(self, organisation_id: Any) -> str:
        if organisation_id is None:
            return EMPTY
        return self._organisation_names.get(organisation_id, str(organisation_id))

    def _show_memberships(self, memberships: Any) -> str:
        """Inputs (mine) and DTOs (theirs) written the same way, one a line."""
        lines = []
        for m in memberships or ():
            role = show_value(m.role)
            if m.public_post:
                role += f"（{m.public_post}）"
            text = f"{self._district_names.get(m.district_id, '')} {role}"
            if m.term_start or m.term_end:
                start = show_value(m.term_start) if m.term_start else ""
                end = show_value(m.term_end) if m.term_end else ""
                text += f" {start}〜{end}"
            if m.ended_on:
                text += self.tr(" {0}退任").format(show_value(m.ended_on))
            lines.append(text)
        return "\n".join(sorted(lines)) if lines else self.tr("（なし）")

    def check_duplicates(self) -> None:
        """Warn (without blocking) when someone with the same 氏名 and フリガナ is already on the roster.

        Asked on the database worker when a name field is left; only the answer for the newest names shows."""
        db, name, furigana = self.ctx.db, self.name.text(), self.furigana.text()
        exclude = self.person.id if self.person else None
        QueryOp(
            lambda: people_duplicates.find_duplicates(db, name, furigana, exclude_id=exclude), parent=self
        ).latest(self._duplicate_checks).success(self._show_duplicates).failure(
            lambda exc: log.warning("duplicate check failed: %s", exc)
        ).run()

    def _show_duplicates(self, found: list[PersonDTO]) -> None:
        if not found:
            self.duplicate_warning.clear()
            return
        shown = "、".join(
            f"{p.name}（{'・'.join(sorted({m.district_name for m in p.memberships})) or self.tr('学区なし')}）"
            for p in found[:3]
        )
        self.duplicate_warning.show_message(
            self.tr(
                "同じ氏名・フリガナの方がすでに名簿にいます: {who}。同じ方なら、新しく登録せずにその方を編集してください。"
            ).format(who=shown)
        )

    def person_input(self) -> PersonInput:
        return PersonInput(
            name=self.name.text(),
            furigana=self.furigana.text(),
            postal_code=self.postal_code.text(),
            address=self.address.text(),
            phone=self.phone.text(),
            email=self.email.text(),
            notes=self.notes.toPlainText(),
            organisation_id=self.organisation.value(),
            memberships=self.memberships.inputs(),
        )

    def show_field_error(self, error: ValidationError) -> None:
        if error.field in MEMBERSHIP_FIELDS and not self.form.has_field(error.field):
            self.memberships.error.show_message(error.message)
            self.scroll_area.ensureWidgetVisible(self.memberships)
            self.memberships.table.setFocus()
            return
        super().show_field_error(error)

    def save_request(self) -> SaveRequest:
        """The person as typed, written on the database worker (an edit through the conflict dialog)."""
        self.memberships.error.clear()
        data = self.person_input()
        db = self.ctx.db
        if self.person is None:
            return SaveRequest(lambda _version: people.create_person(db, data))
        person_id = self.person.id
        return SaveRequest(
            lambda version: people.update_person(db, person_id, data, version),
            version=self.person.version,
            what=self.tr("名簿の情報"),
            load_current=lambda: people.get_person(db, person_id),
            changed_by=lambda: describe_last_change(db, "person", person_id),
            fields=self.conflict_fields(),
            mine=dto_values(data),
            on_reload=self.fill,
        )
