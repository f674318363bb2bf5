"""The organisations table: 団体名, フリガナ, 種別, 学区, 担当者, 電話."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from sakae_council.domain.enums import OrganisationKind
from sakae_council.domain.text import kana_sort_key
from sakae_council.gui.models.table import Column, DtoTableModel
from sakae_council.services.organisations import OrganisationDTO


def tr(text: str) -> str:
    return QCoreApplication.translate("Organisations", text)


def kind_label(kind: OrganisationKind) -> str:
    return QCoreApplication.translate("OrganisationKind", kind.label)


class OrganisationsModel(DtoTableModel[OrganisationDTO]):
    """Organisations held whole in memory (a town has dozens), sorted on the screen."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(
                    tr("団体名"),
                    lambda o: o.name,
                    sort_value=lambda o: o.name,
                    status=lambda o: "deleted" if o.deleted_at else None,
                    tooltip=lambda o: o.notes or o.name,
                ),
                Column(
                    tr("フリガナ"),
                    lambda o: o.furigana,
                    sort_value=lambda o: kana_sort_key(o.furigana),
                    priority=3,
                ),
                Column(
                    tr("種別"),
                    lambda o: kind_label(o.kind),
                    sort_value=lambda o: list(OrganisationKind).index(o.kind),
                ),
                Column(
                    tr("学区"),
                    lambda o: o.district_name or tr("町全体"),
                    sort_value=lambda o: o.district_name,
                ),
                Column(
                    tr("担当者"), lambda o: o.contact_person_name, sort_value=lambda o: o.contact_person_name
                ),
                Column(tr("電話"), lambda o: o.phone, priority=2),
            ],
            parent,
        )
