"""The 総会議案書's parts as a table: 項目 and 文案 (自動作成 / 編集済み). The parts' text is the paper's
(Japanese, as printed): it is read in the part's editor, not in the list."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from sakae_council.gui.models.table import Column, DtoTableModel
from sakae_council.services.general_meeting import PartText


def tr(text: str) -> str:
    return QCoreApplication.translate("PackParts", text)


class PackPartsModel(DtoTableModel[PartText]):
    """The parts in print order (cover, 次第, 第1号〜第5号議案)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(tr("項目"), lambda p: QCoreApplication.translate("PackPart", p.part.label)),
                Column(
                    tr("文案"),
                    lambda p: tr("編集済み") if p.edited else tr("自動作成"),
                    status=lambda p: "draft" if p.edited else None,
                ),  # fmt: skip
            ],
            parent,
        )
