"""The districts table of the 設定 page, and the 学区再編 history list."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from sakae_council.gui.formatting import date_time_text, wareki
from sakae_council.gui.models.table import Column, DtoTableModel
from sakae_council.services.districts import DistrictDTO, MergeRecordDTO


def tr(text: str) -> str:
    return QCoreApplication.translate("Districts", text)


def district_state(d: DistrictDTO) -> str:
    if d.active:
        return tr("使用中")
    return tr("統合済み → {target}（{date}）").format(
        target=d.merged_into_name or "", date=wareki(d.merged_on)
    )


class DistrictsModel(DtoTableModel[DistrictDTO]):
    """学区名, 協議会名, 協議会, 設立日, 状態."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(tr("学区名"), lambda d: d.name, status=lambda d: None if d.active else "merged"),
                # Hidden first when narrow (特大 on a laptop): the 学区名 says the same in short.
                Column(tr("協議会名"), lambda d: d.council_name, priority=3),
                Column(
                    tr("協議会"),
                    lambda d: QCoreApplication.translate("CouncilStatus", d.council_status.label),
                ),
                Column(tr("設立日"), lambda d: wareki(d.established_on)),
                Column(tr("状態"), district_state, status=lambda d: None if d.active else "merged"),
            ],
            parent,
        )


class MergeHistoryModel(DtoTableModel[MergeRecordDTO]):
    """日時, 内容, 担当."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(tr("記録日"), lambda r: date_time_text(r.at)),
                Column(tr("内容"), lambda r: r.summary, tooltip=lambda r: r.summary),
                Column(tr("操作した人"), lambda r: r.user),
            ],
            parent,
        )
