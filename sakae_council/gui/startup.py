"""Opening the data file with the user: what to do when it is in use, write-protected, damaged or gone.

``open_with_user(parent, target)`` is what the program start (``run_gui``) and ファイル › 開く call. It
opens the file, and when that fails for a reason the user can act on it asks — in one window that
says what happened and offers only buttons that say what they do:

- **in use** (LockedError): who has it, on which computer, since when; 「読み取り専用で開く」 or
  キャンセル; when the lock names another computer also 「ロックを解除して開く」, after a second question
  naming that computer (only the user can know it is switched off);
- **write-protected** (ReadOnlyError): 「読み取り専用で開く」 or キャンセル;
- **damaged or missing** (DamagedDatabaseError / MissingDatabaseError): 「<date>のバックアップから復元」
  (restore, then open again), 「バックアップのファイルを選んで復元…」, 「別のファイルを開く…」, and
  「空のデータで始める…」 only after a second, explicit confirmation. Nothing ever starts empty by itself.

Every question goes through a method of :class:`OpenFlow` that shows a real dialog; tests drive those
dialogs (they are modal, found through ``QApplication.activeModalWidget()``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QMessageBox,
    QWidget,
)

from sakae_council.db.engine import (
    DamagedDatabaseError,
    Database,
    MissingDatabaseError,
    open_database,
)
from sakae_council.db.lock import LockedError, ReadOnlyError, break_lock, current_user
from sakae_council.domain.errors import DomainError, StorageError
from sakae_council.gui.context import Rights, read_rights
from sakae_council.gui.dialogs.open_choice import ChoiceDialog
from sakae_council.gui.formatting import wareki
from sakae_council.gui.ops import QueryOp
from sakae_council.gui.widgets.messages import confirm
from sakae_council.gui.widgets.progress import start_with_progress

log = logging.getLogger(__name__)

# Choice keys (object names of the buttons are ``choice_<key>``).
READ_ONLY = "read_only"
BREAK_LOCK = "break_lock"
RESTORE_NEWEST = "restore"
RESTORE_FILE = "restore_file"
OTHER_FILE = "other_file"
START_EMPTY = "start_empty"


@dataclass(frozen=True)
class _Work:
    """Work the flow waits for, run on the database worker: a restore behind a progress window; opening the
    file itself (``quiet``) with only the wait cursor — it is quick once the quick check runs later, and the
    window already says the data is being opened."""

    text: str
    work: Callable[[], Any]
    quiet: bool = False


@dataclass(frozen=True)
class _Answer:
    """What the work returned, or the error it raised (thrown into the flow where it waited)."""

    value: Any


_Steps = Generator[_Work, Any, "Database | None"]

#: Give up after this many rounds of asking (each round is a user decision, so this is never reached
#: in practice; it keeps a bug from looping forever).
MAX_ROUNDS = 12


def backup_when(taken_at: object) -> str:
    """令和8年11月28日（土） 14:05 — the date and time of a backup, as buttons and questions name it."""
    from datetime import datetime

    assert isinstance(taken_at, datetime)
    return f"{wareki(taken_at.date(), weekday=True)} {taken_at:%H:%M}"


class OpenFlow:
    """One attempt to open a data file, with the user deciding at each problem (see the module docstring).

    ``cancel_text`` is what backing out is called: 終了 at program start, キャンセル from ファイル › 開く.
    """

    def __init__(self, parent: QWidget | None = None, *, cancel_text: str = "") -> None:
        self.parent = parent
        self.cancel_text = cancel_text
        #: What the user was told along the way (for the caller to repeat in the window if it likes).
        self.notes: list[str] = []
        #: The database this flow opened (set on the worker), until the caller, having given it to the window,
        #: sets this back to None: one left here when the program ends is closed then (OpenAfterPaint.finish).
        self.unclaimed: Database | None = None

    # --- the questions (each a real dialog) --------------------------------------------------------
    def ask(
        self, title: str, heading: str, message: str, choices: Sequence[tuple[str, str]], detail: str = ""
    ) -> str | None:
        dialog = ChoiceDialog(
            title, heading, message, choices, detail=detail, cancel_text=self.cancel_text, parent=self.parent
        )
        try:
            return dialog.choose()
        finally:
            dialog.deleteLater()

    def confirm(self, title: str, question: str, yes_text: str) -> bool:
        return confirm(self.parent, title, question, yes_text)

    def tell(self, title: str, message: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Information, title, message, QMessageBox.StandardButton.Ok, self.parent
        )
        box.setObjectName("openInfoBox")
        box.exec()
        box.deleteLater()

    def error(self, exc: BaseException, title: str) -> None:
        """An error the flow cannot go on from: a modal box (so a start-up error is read before leaving)."""
        message = (
            exc.message
            if isinstance(exc, DomainError)
            else tr(
                "データファイルを開けませんでした。もう一度試しても直らないときは、ログファイルを担当者に渡してください。"
            )
        )
        if not isinstance(exc, DomainError):
            log.error("open failed", exc_info=exc)
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, self.parent
        )
        box.setObjectName("openErrorBox")
        box.exec()
        box.deleteLater()

    def choose_data_file(self) -> str | None:
        dialog = QFileDialog(self.parent, tr("データファイルを開く"), str(Path.home()))
        dialog.setObjectName("chooseDataFile")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters([tr("データファイル (*.db)"), tr("すべてのファイル (*)")])
        dialog.setOption(
            QFileDialog.Option.DontUseNativeDialog, QGuiApplication.platformName() == "offscreen"
        )
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return None
        return dialog.selectedFiles()[0]

    def choose_backup_file(self, folder: Path | None) -> Path | None:
        start = str(folder) if folder is not None and folder.is_dir() else str(Path.home())
        dialog = QFileDialog(self.parent, tr("バックアップのファイルを選ぶ"), start)
        dialog.setObjectName("chooseBackupFile")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters(
            [tr("バックアップ (*.db *.sqlite *.sqlite3 *.bak)"), tr("すべてのファイル (*)")]
        )
        dialog.setOption(
            QFileDialog.Option.DontUseNativeDialog, QGuiApplication.platformName() == "offscreen"
        )
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return None
        return Path(dialog.selectedFiles()[0])

    # --- the flow ----------------------------------------------------------------------------------
    def start(
        self,
        target: str,
        done: Callable[[Database | None], object],
        *,
        create: bool = True,
        defer_check: bool = False,
    ) -> None:
        """Open ``target``, asking at each problem; ``done(database)`` at the end, ``done(None)`` when the user
        backed out (or an error was shown). Opening the file runs on the database worker (with the wait
        cursor), a restore there too behind a progress window; the questions are asked on the spot in between,
        and ``done`` is called once the last step has come back: the GUI thread never waits in a loop of its
        own, and never on the file.
        ``defer_check``: a file left by an unclean shutdown opens at once (see open_database)."""
        self._advance(self._steps(target, create, defer_check), done, None)

    def _advance(
        self, steps: _Steps, done: Callable[[Database | None], object], answer: _Answer | None
    ) -> None:
        try:
            if answer is None:
                request = next(steps)
            elif isinstance(answer.value, BaseException):
                request = steps.throw(answer.value)
            else:
                request = steps.send(answer.value)
        except StopIteration as finished:
            done(finished.value)
            return
        except Exception as exc:  # a bug or an unreadable file nobody named, met after the work came back
            log.exception("opening failed")
            self.error(exc, tr("データファイルを開けません"))
            done(None)
            return
        if request.quiet:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

            def answered(value: Any) -> None:
                QGuiApplication.restoreOverrideCursor()
                self._advance(steps, done, _Answer(value))

            QueryOp(request.work, parent=self.parent).success(answered).failure(answered).run()
            return
        start_with_progress(
            self.parent,
            request.text,
            lambda _token: request.work(),
            lambda result: self._advance(steps, done, _Answer(result)),
            on_failed=lambda exc: self._advance(steps, done, _Answer(exc)),
            cancellable=False,
        )

    def _steps(self, target: str, create: bool, defer_check: bool = False) -> _Steps:
        """The flow itself: questions asked on the spot, work that takes long yielded (see :meth:`start`)."""
        read_only = False
        start_empty = False
        for _round in range(MAX_ROUNDS):
            opening = partial(
                self._open,
                target,
                create=create,
                read_only=read_only,
                start_empty=start_empty,
                user=current_user(),  # the OS login ("" where it cannot be told)
                defer_check=defer_check,
            )
            try:  # on the database worker; what it raises comes back here (see _advance)
                return (yield _Work(tr("データファイルを開いています…"), opening, quiet=True))  # type: ignore[no-any-return]
            except LockedError as exc:
                decision = self._locked(exc)
                if decision is None:
                    return None
                read_only = decision == READ_ONLY
            except ReadOnlyError as exc:
                if self._write_protected(exc) is None:
                    return None
                read_only = True
            except (DamagedDatabaseError, MissingDatabaseError) as exc:
                step = yield from self._recover(exc, target)
                if step is None:
                    return None
                target, start_empty = step
                create = create or start_empty
                read_only = False
            except DomainError as exc:
                self.error(exc, tr("データファイルを開けません"))
                return None
            except Exception as exc:  # a bug or an unreadable file the storage layer did not name
                log.exception("opening %s failed", target)
                self.error(exc, tr("データファイルを開けません"))
                return None
        return None

    def _open(self, target: str, **options: Any) -> Database:
        """On the database worker: open ``target`` (see :meth:`_steps`); the database is the flow's until claimed."""
        db = open_database(target, **options)
        self.unclaimed = db
        return db

    def _locked(self, exc: LockedError) -> str | None:
        """READ_ONLY, BREAK_LOCK (the lock is gone now) or None."""
        choices = [(READ_ONLY, tr("読み取り専用で開く"))]
        if exc.other_machine and exc.info is not None:
            choices.append((BREAK_LOCK, tr("ロックを解除して開く…")))
        while True:
            decision = self.ask(
                tr("データファイルは使用中です"),
                tr("ほかの人がこのデータを使っています"),
                exc.message,
                choices,
                detail=tr("読み取り専用で開くと、見ることと印刷はできますが、変更は保存できません。"),
            )
            if decision != BREAK_LOCK:
                return decision
            info = exc.info
            assert info is not None
            who = info.user or tr("別の利用者")
            question = tr(
                "パソコン「{host}」で{who}さんがこのデータを使っていないことを確かめましたか？\n\n"
                "「{host}」の電源が切れているか、プログラムが終わっているときだけ解除してください。"
                "使っている最中に解除すると、二人が同時に書き込んでデータが壊れるおそれがあります。"
            ).format(host=info.host, who=who)
            if not self.confirm(tr("ロックを解除する"), question, tr("ロックを解除して開く")):
                continue
            try:
                break_lock(exc.path)
            except DomainError as again:  # someone on this machine holds it after all
                self.error(again, tr("ロックを解除できません"))
                continue
            return BREAK_LOCK

    def _write_protected(self, exc: ReadOnlyError) -> str | None:
        return self.ask(
            tr("データファイルに書き込めません"),
            tr("このデータファイルは書き込みが禁止されています"),
            exc.message,
            [(READ_ONLY, tr("読み取り専用で開く"))],
        )

    def _recover(
        self, exc: DamagedDatabaseError | MissingDatabaseError, target: str
    ) -> Generator[_Work, Any, tuple[str, bool] | None]:
        """(target to open next, start_empty) once the user chose a way on, or None."""
        path = exc.path
        damaged = isinstance(exc, DamagedDatabaseError)
        folder = self._backup_folder(path)
        while True:
            choices: list[tuple[str, str]] = []
            detail = ""
            if exc.backup is not None:
                when = backup_when(exc.backup.taken_at)
                choices.append((RESTORE_NEWEST, tr("{when}のバックアップから復元").format(when=when)))
                detail = self._backup_summary(exc.backup.path, when)
            choices += [
                (RESTORE_FILE, tr("バックアップのファイルを選んで復元…")),
                (OTHER_FILE, tr("別のファイルを開く…")),
                (START_EMPTY, tr("空のデータで始める…")),
            ]
            if damaged:
                title, heading = tr("データファイルが壊れています"), tr("データファイルが壊れていました")
            else:
                title, heading = (
                    tr("データファイルが見つかりません"),
                    tr("いつものデータファイルが見つかりません"),
                )
            decision = self.ask(title, heading, exc.message, choices, detail=detail)
            if decision is None:
                return None
            if decision == RESTORE_NEWEST and exc.backup is not None:
                if (yield from self._restore(path, exc.backup.path, backup_when(exc.backup.taken_at), exc)):
                    return str(path), False
            elif decision == RESTORE_FILE:
                chosen = self.choose_backup_file(folder)
                if chosen is not None and (yield from self._restore_chosen(path, chosen, exc)):
                    return str(path), False
            elif decision == OTHER_FILE:
                other = self.choose_data_file()
                if other:
                    return other, False
            elif decision == START_EMPTY:
                question = tr(
                    "本当に空のデータで始めますか？\n\n"
                    "「{name}」に新しい空のデータファイルを作ります。これまでのデータは入っていません。"
                    "壊れたファイルとバックアップは消さずにそのまま残るので、あとから復元することもできます。"
                ).format(name=path.name)
                if self.confirm(tr("空のデータで始める"), question, tr("空のデータで始める")):
                    return target, True

    @staticmethod
    def _backup_folder(path: Path) -> Path:
        from sakae_council.db.backup import default_backup_dir

        return default_backup_dir(path)

    @staticmethod
    def _backup_summary(backup: Path, when: str) -> str:
        from sakae_council.services.backups import describe_backup

        try:
            info = describe_backup(backup)
        except (OSError, DomainError):
            return ""
        if info.problem:
            return ""
        return tr("{when}のバックアップの内容: {summary}").format(
            when=when, summary=summary_text(info.counts)
        )

    def _restore_chosen(self, path: Path, chosen: Path, exc: StorageError) -> Generator[_Work, Any, bool]:
        from sakae_council.services.backups import describe_backup

        try:
            info = describe_backup(chosen)
        except (OSError, DomainError) as err:
            self.error(err if isinstance(err, DomainError) else StorageError(str(err)), tr("復元できません"))
            return False
        if info.problem:
            self.error(StorageError(info.problem), tr("復元できません"))
            return False
        when = backup_when(info.taken_at)
        question = tr("「{name}」（{when}のバックアップ、{summary}）からデータを戻しますか？").format(
            name=chosen.name, when=when, summary=summary_text(info.counts)
        )
        if not self.confirm(tr("バックアップから復元"), question, tr("復元する")):
            return False
        return (yield from self._restore(path, chosen, when, exc, confirmed=True))

    def _restore(
        self, path: Path, backup: Path, when: str, exc: StorageError, *, confirmed: bool = False
    ) -> Generator[_Work, Any, bool]:
        from sakae_council.gui.widgets.backup_timer import locked
        from sakae_council.services.backups import restore_backup

        if not confirmed:
            question = tr(
                "{when}のバックアップからデータを戻しますか？\nそれより後に入力した内容は入っていません。"
            ).format(when=when)
            if not self.confirm(tr("バックアップから復元"), question, tr("復元する")):
                return False
        try:
            result = yield _Work(
                tr("バックアップから復元しています…"), locked(lambda: restore_backup(path, backup))
            )
        except DomainError as err:
            self.error(err, tr("復元できませんでした"))
            return False
        kept = getattr(exc, "moved_to", None) or result.moved_aside
        note = tr("{when}のバックアップから復元しました。").format(when=when)
        if kept is not None:
            note += tr("壊れていたファイルは「{name}」として同じフォルダに残してあります。").format(
                name=Path(kept).name
            )
        if result.safety_backup is not None:
            note += tr("復元する前のデータは「{path}」に保存しました。").format(path=result.safety_backup)
        self.notes.append(note)
        self.tell(tr("復元しました"), note)
        return True


def tr(text: str) -> str:
    return QCoreApplication.translate("OpenFlow", text)


#: The summary labels the backup service writes, for the translation (the counts stay numbers).
SUMMARY_LABELS = {
    "学区": str(QT_TRANSLATE_NOOP("BackupSummary", "学区")),
    "名簿": str(QT_TRANSLATE_NOOP("BackupSummary", "名簿")),
    "地域課題": str(QT_TRANSLATE_NOOP("BackupSummary", "地域課題")),
    "協働事業": str(QT_TRANSLATE_NOOP("BackupSummary", "協働事業")),
    "会議": str(QT_TRANSLATE_NOOP("BackupSummary", "会議")),
}


def summary_text(counts: Sequence[tuple[str, int]]) -> str:
    """学区 5・名簿 120・地域課題 34 — what a backup (or the current data) holds, in the interface language."""
    sep = QCoreApplication.translate("BackupSummary", "・")
    return sep.join(
        QCoreApplication.translate("BackupSummary", "{label} {count}").format(
            label=QCoreApplication.translate("BackupSummary", SUMMARY_LABELS.get(label, label)), count=count
        )
        for label, count in counts
    )


def prepare_for_window(db: Database) -> Rights:
    """Database work between opening a file and showing it, run on the database worker: a new file's reference
    data (categories, indicators, bodies) unless it is read-only, then the person's rights (what the edit
    actions show). When it fails ``db`` is closed: a file half-prepared is never shown."""
    from sakae_council.gui.main_window import seed_reference_data

    try:
        if not db.read_only:
            seed_reference_data(db)
        return read_rights(db)
    except BaseException:
        db.close()
        raise


def open_with_user(
    parent: QWidget | None,
    target: str,
    done: Callable[[Database | None], object],
    *,
    create: bool = True,
    at_start: bool = False,
) -> OpenFlow:
    """Open ``target`` for the window, asking the user at each problem: ``done(database)``, or ``done(None)``
    when they backed out (see :meth:`OpenFlow.start`)."""
    flow = OpenFlow(parent, cancel_text=tr("終了") if at_start else "")
    flow.start(target, done, create=create)
    return flow
