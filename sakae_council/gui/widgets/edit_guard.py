"""読み取り専用: while the data cannot be changed, every edit action is disabled and says why.

The window's AppContext decides (:meth:`AppContext.write_block_reason`: a file opened read-only, or a
閲覧のみ user on the town server) and calls :func:`set_reason`. Pages and dialogs only *mark* the buttons
that change data (新規登録, 保存, 削除, ステータス変更…) with :func:`mark_edit` — ListPage, ActionBar,
RecordSection and EntityDialog do it for theirs. A marked button stays disabled, with the reason as its
tooltip, even when its page enables it again for a new selection. Keyboard routes to the same actions
(Ctrl+N, Delete) ask :func:`refused` first. The services refuse writes anyway; this keeps the user from
filling in a form that cannot be saved.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from sakae_council.domain.errors import PermissionDeniedError

_TOOLTIP = "sakaeEditTooltip"  # the widget's own tooltip, kept while the reason replaces it
_DISABLED = "sakaeEditDisabled"  # disabled by the guard (so lifting it enables it again)

_reason = ""
_marked: list[QWidget] = []


def tr(text: str) -> str:
    return QCoreApplication.translate("EditGuard", text)


def reason() -> str:
    """Why nothing can be changed now ("" when edits are allowed)."""
    return _reason


def set_reason(text: str) -> None:
    """Block (``text``: the reason) or allow (``""``) every marked edit action."""
    global _reason
    _reason = text
    _marked[:] = [w for w in _marked if isValid(w)]
    for w in _marked:
        _apply(w)


class _Guard(QObject):
    """Keeps a marked widget disabled when its page enables it while edits are blocked."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            _reason
            and event.type() == QEvent.Type.EnabledChange
            and isinstance(watched, QWidget)
            and watched.isEnabled()
        ):
            watched.setEnabled(False)
        return False


_guard: _Guard | None = None


def mark_edit(*widgets: QWidget) -> None:
    """Register buttons that change data: disabled, with the reason as tooltip, while edits are blocked."""
    global _guard
    if _guard is None:
        _guard = _Guard()
    for w in widgets:
        w.installEventFilter(_guard)
        _marked.append(w)
        _apply(w)


def is_marked(widget: QWidget) -> bool:
    return any(w is widget for w in _marked if isValid(w))


def _apply(w: QWidget) -> None:
    if _reason:
        if w.property(_TOOLTIP) is None:
            w.setProperty(_TOOLTIP, w.toolTip())
        w.setToolTip(_reason)
        if w.isEnabled():
            w.setProperty(_DISABLED, True)
            w.setEnabled(False)
    else:
        own = w.property(_TOOLTIP)
        if own is not None:
            w.setToolTip(str(own))
            w.setProperty(_TOOLTIP, None)
        if w.property(_DISABLED):
            w.setProperty(_DISABLED, None)
            w.setEnabled(True)


def refused(parent: QWidget | None) -> bool:
    """For keyboard routes to an edit (Ctrl+N, Delete): True, after telling the user, when edits are blocked."""
    if not _reason:
        return False
    from sakae_council.gui.widgets.messages import show_error

    show_error(
        parent,
        PermissionDeniedError(
            tr("{reason}。見ることと印刷はできますが、変更はできません。").format(reason=_reason)
        ),
        title=tr("変更できません"),
    )
    return True
