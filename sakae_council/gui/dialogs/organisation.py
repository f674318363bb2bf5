"""団体の編集: name, フリガナ, kind, district, contact person, phone, address, notes."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCompleter, QLineEdit, QPlainTextEdit, QWidget

from sakae_council.db.engine import Database
from sakae_council.domain.contact import normalize_phone
from sakae_council.domain.enums import OrganisationKind
from sakae_council.domain.errors import ValidationError
from sakae_council.domain.text import normalize_furigana
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.base import EntityDialog, SaveRequest
from sakae_council.gui.models.organisations import kind_label
from sakae_council.gui.widgets.choice import ChoiceCombo
from sakae_council.services import districts, organisations, people
from sakae_council.services.districts import DistrictDTO
from sakae_council.services.organisations import OrganisationDTO, OrganisationInput

#: The contact-person list offers at most this many people; the rest are found by typing.
CONTACT_CHOICES = 2000


@dataclass(frozen=True)
class OrganisationChoices:
    """The districts and the contact people the editor offers: read on the database worker before it opens."""

    districts: list[DistrictDTO]
    people: list[people.PersonDTO]


def load_choices(db: Database) -> OrganisationChoices:
    """The editor's choices (call it on the database worker)."""
    return OrganisationChoices(districts.list_districts(db), people.list_people(db, limit=CONTACT_CHOICES))


class OrganisationDialog(EntityDialog):
    """New organisation (``organisation`` None) or edit; ``saved`` carries the new OrganisationDTO."""

    def __init__(
        self,
        ctx: AppContext,
        organisation: OrganisationDTO | None = None,
        parent: QWidget | None = None,
        *,
        choices: OrganisationChoices | None = None,
    ) -> None:
        super().__init__(self.tr("団体の編集") if organisation else self.tr("団体を新規登録"), parent)
        self.ctx = ctx
        self.organisation = organisation
        if choices is None:  # read here when the caller did not read them on the worker (load_choices)
            choices = load_choices(ctx.db)
        self.name = QLineEdit()
        self.furigana = QLineEdit()
        self.kind = ChoiceCombo([(kind_label(k), k) for k in OrganisationKind])
        district_items: list[tuple[str, int | None]] = [(self.tr("町全体（学区なし）"), None)]
        district_items += [
            (d.name, d.id)
            for d in choices.districts
            if d.active or (organisation is not None and d.id == organisation.district_id)
        ]
        self.district = ChoiceCombo(district_items)
        contacts: list[tuple[str, int | None]] = [(self.tr("（なし）"), None)]
        contacts += [(self._person_text(p), p.id) for p in choices.people]
        if (
            organisation
            and organisation.contact_person_id
            and organisation.contact_person_id not in {v for _t, v in contacts}
        ):
            contacts.append((organisation.contact_person_name, organisation.contact_person_id))
        self.contact = ChoiceCombo(contacts)
        self.contact.setEditable(True)
        self.contact.setInsertPolicy(ChoiceCombo.InsertPolicy.NoInsert)
        completer = self.contact.completer()
        if completer is not None:
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.phone = QLineEdit()
        self.phone.setPlaceholderText(self.tr("例: 0476-95-1234"))
        self.address = QLineEdit()
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.notes.fontMetrics().lineSpacing() * 4 + 12)

        f = self.form
        f.add_field("name", self.tr("団体名"), self.name, required=True)
        f.add_field(
            "furigana",
            self.tr("フリガナ"),
            self.furigana,
            hint=self.tr("カタカナかひらがなで。一覧は五十音順に並びます。"),
        )
        f.add_field("kind", self.tr("種別"), self.kind)
        f.add_field("district_id", self.tr("学区"), self.district)
        f.add_field(
            "contact_person_id",
            self.tr("担当者"),
            self.contact,
            hint=self.tr("名簿にいる方から選びます。名前を入力すると絞り込めます。"),
        )
        f.add_field("phone", self.tr("電話番号"), self.phone)
        f.add_field("address", self.tr("住所"), self.address)
        f.add_field("notes", self.tr("備考"), self.notes)

        if organisation is not None:
            self.fill(organisation)
        else:
            if ctx.district_id is None:  # 全学区 is shown: the user says which district, or 町全体
                self.district.start_empty(self.tr("学区を選んでください"))
            else:
                self.district.set_value(ctx.district_id)
            self.contact.set_value(None)
        f.tidy_on_leave("furigana", normalize_furigana)
        f.tidy_on_leave("phone", normalize_phone)
        self.fit_to_screen(32)

    def fill(self, organisation: OrganisationDTO) -> None:
        """Show ``organisation`` (on opening, and after 再読み込み of someone else's save)."""
        self.organisation = organisation
        if (
            organisation.contact_person_id is not None
            and organisation.contact_person_id not in self.contact.values()
        ):
            items = [
                (self.contact.itemText(i), self.contact.value_at(i)) for i in range(self.contact.count())
            ]
            self.contact.set_items(
                [*items, (organisation.contact_person_name, organisation.contact_person_id)]
            )
        super().fill(organisation)

    @staticmethod
    def _person_text(p: people.PersonDTO) -> str:
        return f"{p.name}（{p.furigana}）" if p.furigana else p.name

    def _contact_id(self) -> int | None:
        # An editable combo: the typed text must name one of the listed people (or be empty).
        text = self.contact.currentText().strip()
        index = self.contact.findText(text)
        if not text or index == 0:
            return None
        if index < 0:
            raise ValidationError(
                "contact_person_id",
                self.tr("担当者は一覧から選んでください。名簿にいない方は、先に名簿に登録してください。"),
            )
        value = self.contact.value_at(index)
        return int(value) if value is not None else None

    def save_request(self) -> SaveRequest:
        """The organisation as typed, written on the database worker (an edit through the conflict dialog)."""
        data = OrganisationInput(
            name=self.name.text(),
            furigana=self.furigana.text(),
            kind=self.kind.value(),
            district_id=self.district.value(),
            contact_person_id=self._contact_id(),
            phone=self.phone.text(),
            address=self.address.text(),
            notes=self.notes.toPlainText(),
        )
        # None is 町全体 once chosen; nothing chosen yet (a new record under 全学区) must be asked for.
        self.district.check_chosen(
            "district_id", self.tr("学区を選んでください。町全体の団体は「町全体（学区なし）」を選びます。")
        )
        db = self.ctx.db
        if self.organisation is None:
            return SaveRequest(lambda _version: organisations.create_organisation(db, data))
        org_id = self.organisation.id
        return self.request_update(
            self.organisation,
            lambda version: organisations.update_organisation(db, org_id, data, version),
            db=db,
            entity="organisation",
            what=self.tr("団体の情報"),
            load=lambda: organisations.get_organisation(db, org_id),
            mine=data,
        )
