#!/usr/bin/env python3
"""Translations: collect the interface's strings into ``resources/i18n/*.ts`` and compile them to ``.qm``.

    python scripts/i18n.py               lupdate over the GUI sources, then lrelease (run after adding strings)
    python scripts/i18n.py --release     only compile .ts -> .qm (what packaging/build.py runs)
    python scripts/i18n.py --unfinished  list untranslated strings as TSV: context, source (\\n escaped)
    python scripts/i18n.py --fill F.tsv  set translations from a TSV of source<TAB>English (or
                                         context<TAB>source<TAB>English), then compile; a count
                                         (``%n`` in the source) takes its plural forms as
                                         "%n item|%n items"

Besides what ``pyside6-lupdate`` finds by itself (``self.tr``, ``QCoreApplication.translate`` with literal
arguments, ``QT_TRANSLATE_NOOP``), two kinds of strings are translated at run time under a context that
lupdate cannot see, so this script adds them:

* a module-level ``def tr(text): return QCoreApplication.translate("Ctx", text)`` helper: every
  ``tr("...")`` call in that module belongs to "Ctx" (lupdate would file it under an empty context);
* the labels of the domain's and services' ``LabeledEnum`` members, which ``gui.widgets.enum_label`` translates in a
  context named after the enum class;
* the services' error messages, which the GUI translates under "services" (``domain.errors``): constant
  messages, ``msg("...{label}...")`` templates and the terms passed to ``label``/``what`` parameters.

An untranslated string simply shows in Japanese; ``tests/gui/test_i18n.py`` walks the main pages in
English and names every Japanese string left.
"""

from __future__ import annotations

import argparse
import ast
import csv
import importlib
import inspect
import pkgutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from enum import Enum
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
GUI = ROOT / "sakae_council" / "gui"
LANGUAGES = ("en",)
BIN = Path(sys.executable).parent


def ts_path(lang: str) -> Path:
    return I18N / f"sakae_council_{lang}.ts"


def qm_path(lang: str) -> Path:
    return I18N / f"sakae_council_{lang}.qm"


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease from the interpreter's own environment (the venv)."""
    for folder in (BIN, BIN.parent / "Scripts"):
        for candidate in (folder / name, folder / f"{name}.exe"):
            if candidate.exists():
                return str(candidate)
    return name


# --- strings lupdate cannot attribute -------------------------------------------------------------


def _translate_context(func: ast.FunctionDef) -> str | None:
    """ "Ctx" when ``func`` is ``def tr(text): return QCoreApplication.translate("Ctx", text)``."""
    for node in ast.walk(func):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "translate"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            return node.args[0].value
    return None


def module_tr_strings(path: Path) -> list[tuple[str, str]]:
    """(context, source) for ``tr("...")`` calls through a module-level translate helper."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    helpers = {
        node.name: ctx
        for node in tree.body
        if isinstance(node, ast.FunctionDef) and (ctx := _translate_context(node)) is not None
    }
    found: list[tuple[str, str]] = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in helpers
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.append((helpers[node.func.id], node.args[0].value))
    return found


ENUM_PACKAGES = ("sakae_council.domain", "sakae_council.services")


def enum_label_strings() -> list[tuple[str, str]]:
    """(EnumClassName, label) for every labelled enum member of the domain and services packages."""
    sys.path.insert(0, str(ROOT))
    found: list[tuple[str, str]] = []
    seen: set[type] = set()
    infos = []
    for package_name in ENUM_PACKAGES:
        package = importlib.import_module(package_name)
        infos += list(pkgutil.iter_modules(package.__path__, f"{package_name}."))
    for info in infos:
        module = importlib.import_module(info.name)
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if cls in seen or not issubclass(cls, Enum) or cls.__module__ != module.__name__:
                continue
            seen.add(cls)
            for member in cls:
                label = getattr(member, "label", None)
                if isinstance(label, str) and label:
                    found.append((cls.__name__, label))
    return found


#: Errors whose message the GUI shows translated under "services" (sakae_council.domain.errors); their
#: subclasses in the scanned packages (BusyError, LockedError...) are found from the source.
ERROR_CLASSES = {
    "DomainError",
    "ValidationError",
    "NotFoundError",
    "ConflictError",
    "StorageError",
    "PermissionDeniedError",
    "StaleVersionError",
}
#: Parameters that carry a term written in the source (氏名, 会議...) into a message; translated too.
TERM_PARAMETERS = ("label", "what")
#: Parameters of helper functions that carry a whole message (``check_date_order(..., message)``).
MESSAGE_PARAMETERS = ("message",)
SERVICE_SOURCES = ("domain", "db", "services")


def _call_name(call: ast.Call) -> str:
    if isinstance(call.func, ast.Name):
        return call.func.id
    return call.func.attr if isinstance(call.func, ast.Attribute) else ""


def _argument(call: ast.Call, index: int, name: str) -> ast.AST | None:
    if len(call.args) > index:
        return call.args[index]
    return next((k.value for k in call.keywords if k.arg == name), None)


def _error_classes(trees: list[ast.Module]) -> set[str]:
    classes = set(ERROR_CLASSES)
    defined = [n for tree in trees for n in ast.walk(tree) if isinstance(n, ast.ClassDef)]
    grown = True
    while grown:
        grown = False
        for cls in defined:
            bases = {b.id if isinstance(b, ast.Name) else getattr(b, "attr", "") for b in cls.bases}
            if cls.name not in classes and bases & classes:
                classes.add(cls.name)
                grown = True
    return classes


class _Module:
    """One source file: its string constants and tables, and which function each node is in."""

    def __init__(self, tree: ast.Module, tables: dict[str, list[str]]) -> None:
        self.tables = tables | _tables([tree])  # its own tables first, then any module's of that name
        self.constants: dict[str, str] = {}
        for node in tree.body:
            value = node.value if isinstance(node, ast.Assign | ast.AnnAssign) else None
            targets = node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
            for t in targets:
                if (
                    isinstance(t, ast.Name)
                    and isinstance(value, ast.Constant)
                    and isinstance(value.value, str)
                ):
                    self.constants[t.id] = value.value
        self.function_of: dict[ast.AST, ast.AST] = {}
        for func in ast.walk(tree):
            if isinstance(func, ast.FunctionDef):
                for node in ast.walk(func):
                    self.function_of[node] = func  # inner functions are walked later and win

    def texts(self, node: ast.AST | None, where: ast.AST, depth: int = 0) -> list[str]:
        """The texts ``node`` can be: a constant, a module constant, a local set from those, a table entry."""
        if node is None or depth > 5:
            return []
        if isinstance(node, ast.Constant):
            return [node.value] if isinstance(node.value, str) else []
        if isinstance(node, ast.IfExp):
            return self.texts(node.body, where, depth + 1) + self.texts(node.orelse, where, depth + 1)
        if isinstance(node, ast.BoolOp):
            return [t for v in node.values for t in self.texts(v, where, depth + 1)]
        if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name):
            return self.tables.get(node.value.id, [])
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get":
            table = node.func.value
            found = self.tables.get(table.id, []) if isinstance(table, ast.Name) else []
            return found + [t for a in node.args[1:] for t in self.texts(a, where, depth + 1)]
        if isinstance(node, ast.Name):
            if node.id in self.constants:
                return [self.constants[node.id]]
            func = self.function_of.get(where)
            values = [
                a.value
                for a in (ast.walk(func) if func is not None else [])
                if isinstance(a, ast.Assign)
                and any(isinstance(t, ast.Name) and t.id == node.id for t in a.targets)
            ]
            return [t for v in values for t in self.texts(v, where, depth + 1)]
        return []


def _zipped(node: ast.AST | None) -> list[ast.expr]:
    """The values of ``dict(zip(KEYS, ("text", ...)))``."""
    if (
        isinstance(node, ast.Call)
        and _call_name(node) == "dict"
        and node.args
        and isinstance(node.args[0], ast.Call)
    ):
        inner = node.args[0]
        if (
            _call_name(inner) == "zip"
            and len(inner.args) == 2
            and isinstance(inner.args[1], ast.Tuple | ast.List)
        ):
            return list(inner.args[1].elts)
    return []


def _tables(trees: list[ast.Module]) -> dict[str, list[str]]:
    """Module-level dicts of terms (``ENTITY_LABELS = {"person": "名簿の人", ...}``): name -> their texts (of
    every table of that name)."""
    tables: dict[str, list[str]] = {}
    for tree in trees:
        for node in tree.body:
            target = node.targets[0] if isinstance(node, ast.Assign) else getattr(node, "target", None)
            value = getattr(node, "value", None)
            entries = (
                value.values if isinstance(value, ast.Dict) else _zipped(value)
            )  # {k: v} or dict(zip(ks, vs))
            if isinstance(target, ast.Name) and entries:
                values = [v.value for v in entries if isinstance(v, ast.Constant)]
                if values and all(isinstance(v, str) for v in values):
                    tables[target.id] = tables.get(target.id, []) + values
    return tables


def service_message_strings(root: Path = ROOT / "sakae_council") -> list[tuple[str, str]]:
    """("services", text) for the services' error messages: constant ones, ``msg(...)`` templates, the terms
    (氏名...) passed to ``label``/``what`` parameters (also from a local variable or a table of terms) and the
    messages passed to helpers' ``message`` parameters. ``tests/test_message_sources.py`` checks that every
    message raised is among them."""
    trees = [
        ast.parse(p.read_text(encoding="utf-8"), str(p))
        for package in SERVICE_SOURCES
        for p in sorted((root / package).rglob("*.py"))
    ]
    errors = _error_classes(trees)
    tables = _tables(trees)
    carriers: dict[str, list[tuple[int, str]]] = {}  # function (or class) name -> (position, parameter)
    for tree in trees:
        for node in ast.walk(tree):
            for func in node.body if isinstance(node, ast.ClassDef) else [node]:
                if not isinstance(func, ast.FunctionDef):
                    continue
                args = func.args.args
                method = isinstance(node, ast.ClassDef) and bool(args) and args[0].arg in ("self", "cls")
                name = node.name if method and func.name == "__init__" else func.name  # type: ignore[union-attr]
                for i, arg in enumerate(args[1:] if method else args):
                    if arg.arg in TERM_PARAMETERS + MESSAGE_PARAMETERS:
                        carriers.setdefault(name, []).append((i, arg.arg))
    own_init = {
        call
        for tree in trees
        for cls in ast.walk(tree)
        if isinstance(cls, ast.ClassDef) and cls.name in errors
        for call in ast.walk(cls)
        if isinstance(call, ast.Call)
        and isinstance(call.func, ast.Attribute)
        and call.func.attr == "__init__"
    }
    found: set[str] = set()
    for tree in trees:
        module = _Module(tree, tables)
        for call in (n for n in ast.walk(tree) if isinstance(n, ast.Call)):
            name = _call_name(call)
            texts: list[str] = []
            if call in own_init:
                name = "DomainError"  # super().__init__(message) in an error class of its own
            if name in errors:
                texts += module.texts(_argument(call, 1 if name == "ValidationError" else 0, "message"), call)
            elif name == "msg":
                texts += module.texts(_argument(call, 0, "template"), call)
                for k in call.keywords:
                    if k.arg in TERM_PARAMETERS + MESSAGE_PARAMETERS:
                        texts += module.texts(k.value, call)
            for index, param in carriers.get(name, []):
                texts += module.texts(_argument(call, index, param), call)
            found.update(t for t in texts if t)
    return [("services", text) for text in sorted(found)]


def extra_source(entries: list[tuple[str, str]]) -> str:
    """A Python file lupdate reads for the strings it cannot attribute itself.

    A count (``%n`` in the text, from a helper's ``tr(text, n)``) is written as ``self.tr(text, "", n)`` in a
    class named after its context: that is the form lupdate knows as a plural message (through
    QT_TRANSLATE_NOOP it would take it for a plain one and drop the plural forms already translated)."""
    lines = ["from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject", ""]
    counts: dict[str, list[str]] = {}
    for ctx, text in sorted(set(entries)):
        if "%n" in text and ctx.isidentifier():
            counts.setdefault(ctx, []).append(text)
        else:
            lines.append(f"QT_TRANSLATE_NOOP({ctx!r}, {text!r})")
    for ctx, texts in counts.items():
        lines += ["", "", f"class {ctx}(QObject):", "    def counts(self, n: int) -> None:"]
        lines += [f"        self.tr({text!r}, '', n)" for text in texts]
    return "\n".join(lines) + "\n"


def gui_sources() -> list[Path]:
    return sorted(p for p in GUI.rglob("*.py") if "__pycache__" not in p.parts)


# --- .ts handling ---------------------------------------------------------------------------------


def _drop_empty_context(ts: Path) -> None:
    """lupdate files helper-module tr() calls under "" — they are added under their real context."""
    tree = ET.parse(ts)
    root = tree.getroot()
    for context in list(root.findall("context")):
        if (context.findtext("name") or "") == "":
            root.remove(context)
    _write(tree, ts)


def _write(tree: ET.ElementTree, ts: Path) -> None:
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def update(lang: str) -> None:
    entries: list[tuple[str, str]] = []
    for path in gui_sources():
        entries += module_tr_strings(path)
    entries += enum_label_strings()
    entries += service_message_strings()
    ts = ts_path(lang)
    I18N.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        extra = Path(tmp) / "runtime_contexts.py"
        extra.write_text(extra_source(entries), encoding="utf-8")
        cmd = [
            tool("pyside6-lupdate"),
            *[str(p) for p in gui_sources()],
            str(extra),
            "-ts",
            str(ts),
            "-source-language",
            "ja_JP",
            "-target-language",
            lang,
            "-locations",
            "none",
            "-no-obsolete",
            "-silent",
        ]
        subprocess.run(cmd, check=True, cwd=ROOT)
    _drop_empty_context(ts)
    _mark_numerus(ts)
    reuse_translations(ts)


def _mark_numerus(ts: Path) -> None:
    """A source with ``%n`` is a count (``tr("%n件", "", n)``): give it plural forms ("1 item", "2 items").

    lupdate marks ``self.tr(text, "", n)`` itself, but not the module helpers' ``tr(text, n)`` (it sees
    those through QT_TRANSLATE_NOOP), so every ``%n`` message is made numerus here.
    """
    tree = ET.parse(ts)
    for _tree, _name, message in messages_of(tree):
        if "%n" not in (message.findtext("source") or "") or message.get("numerus") == "yes":
            continue
        message.set("numerus", "yes")
        old = message.find("translation")
        if old is None:
            old = ET.SubElement(message, "translation")
        text, kind = old.text or "", old.get("type")
        old.clear()
        if kind:
            old.set("type", kind)
        for _ in range(2):  # English: one, other
            ET.SubElement(old, "numerusform").text = text
    _write(tree, ts)


def messages(ts: Path):  # type: ignore[no-untyped-def]
    yield from messages_of(ET.parse(ts))


def messages_of(tree: ET.ElementTree):  # type: ignore[no-untyped-def]
    for context in tree.getroot().findall("context"):
        name = context.findtext("name") or ""
        for message in context.findall("message"):
            yield tree, name, message


def _unfinished(message: ET.Element) -> bool:
    tr = message.find("translation")
    if tr is None or tr.get("type") in {"unfinished", "vanished", "obsolete"}:
        return True
    if message.get("numerus") == "yes":
        return not all((form.text or "") for form in tr.findall("numerusform"))
    return not (tr.text or "")


def translation_text(message: ET.Element) -> str:
    """The English of a message; plural forms joined by "|" ("%n item|%n items"), as ``--fill`` takes them."""
    tr = message.find("translation")
    if tr is None:
        return ""
    if message.get("numerus") == "yes":
        return "|".join(form.text or "" for form in tr.findall("numerusform"))
    return tr.text or ""


def _set(message: ET.Element, text: str) -> None:
    tr = message.find("translation")
    if tr is None:
        tr = ET.SubElement(message, "translation")
    tr.attrib.pop("type", None)
    if message.get("numerus") == "yes":  # "%n item|%n items" (one form alone serves for both)
        forms = text.split("|")
        tr.text = None
        for old in tr.findall("numerusform"):
            tr.remove(old)
        for i in range(2):
            ET.SubElement(tr, "numerusform").text = forms[min(i, len(forms) - 1)]
        return
    tr.text = text


def reuse_translations(ts: Path) -> int:
    """Give an unfinished string the English already chosen for the same Japanese in another context."""
    tree = ET.parse(ts)
    known: dict[str, str] = {}
    for context in tree.getroot().findall("context"):
        for m in context.findall("message"):
            # A count's noun depends on what is counted (件: items, issues, meetings…): never borrowed.
            if not _unfinished(m) and m.get("numerus") != "yes":
                known.setdefault(m.findtext("source") or "", translation_text(m))
    filled = 0
    for context in tree.getroot().findall("context"):
        for m in context.findall("message"):
            source = m.findtext("source") or ""
            if _unfinished(m) and source in known:
                _set(m, known[source])
                filled += 1
    _write(tree, ts)
    return filled


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")


def _unescape(text: str) -> str:
    out, i = [], 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text):
            out.append({"n": "\n", "t": "\t", "\\": "\\"}.get(text[i + 1], text[i + 1]))
            i += 2
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def unfinished(lang: str) -> list[tuple[str, str]]:
    tree = ET.parse(ts_path(lang))
    rows = []
    for context in tree.getroot().findall("context"):
        name = context.findtext("name") or ""
        for m in context.findall("message"):
            if _unfinished(m):
                rows.append((name, m.findtext("source") or ""))
    return rows


def fill(lang: str, table: Path) -> int:
    """Apply translations from a TSV; returns how many messages were set."""
    by_source: dict[str, str] = {}
    by_context: dict[tuple[str, str], str] = {}
    with table.open(encoding="utf-8", newline="") as fh:
        for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if not row or row[0].startswith("#"):
                continue
            if len(row) == 2:
                by_source[_unescape(row[0])] = _unescape(row[1])
            elif len(row) == 3:
                by_context[(row[0], _unescape(row[1]))] = _unescape(row[2])
            else:
                raise SystemExit(f"{table}: a row needs 2 or 3 tab-separated fields: {row!r}")
    ts = ts_path(lang)
    tree = ET.parse(ts)
    count = 0
    for context in tree.getroot().findall("context"):
        name = context.findtext("name") or ""
        for m in context.findall("message"):
            source = m.findtext("source") or ""
            text = by_context.get((name, source), by_source.get(source))
            if text is not None:
                _set(m, text)
                count += 1
    _write(tree, ts)
    return count


def release(lang: str) -> Path:
    qm = qm_path(lang)
    subprocess.run(
        [tool("pyside6-lrelease"), "-silent", str(ts_path(lang)), "-qm", str(qm)], check=True, cwd=ROOT
    )
    return qm


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--release", action="store_true", help="only compile .ts to .qm")
    group.add_argument("--unfinished", action="store_true", help="list untranslated strings (TSV)")
    group.add_argument("--fill", type=Path, help="apply translations from a TSV file, then compile")
    args = parser.parse_args(argv)
    for lang in LANGUAGES:
        if args.unfinished:
            for ctx, source in unfinished(lang):
                print(f"{ctx}\t{_escape(source)}")
            continue
        if args.fill:
            print(f"{lang}: {fill(lang, args.fill)} translations set", file=sys.stderr)
        elif not args.release:
            update(lang)
        release(lang)
        left = len(unfinished(lang))
        print(
            f"{lang}: {qm_path(lang).relative_to(ROOT)} written; {left} strings untranslated", file=sys.stderr
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
