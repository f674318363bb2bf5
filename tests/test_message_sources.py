"""Every message a domain, db or service error carries can be translated: none is written as an f-string or
glued together with ``+`` (the translators would never see its text), and ``scripts/i18n.py`` collects every
one of them. The walk follows a message through local variables, module constants, tables and the parameters
of helpers (``check_date_order(..., message)``, ``required_text(..., label)``) to where it is written."""

from __future__ import annotations

import ast
import importlib.util
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("domain", "db", "services")
BASE_ERRORS = {
    "DomainError",
    "ValidationError",
    "NotFoundError",
    "ConflictError",
    "StorageError",
    "PermissionDeniedError",
    "StaleVersionError",
}
#: Parameters whose value becomes (part of) a message and is translated (domain.errors.TERMS).
TERMS = ("label", "what", "message")


@dataclass
class Module:
    path: Path
    tree: ast.Module
    assigned: dict[str, list[ast.AST]] = field(default_factory=dict)  # module-level name -> values
    function_of: dict[ast.AST, ast.FunctionDef] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for node in self.tree.body:
            if isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for t in targets:
                    if isinstance(t, ast.Name):
                        self.assigned.setdefault(t.id, []).append(node.value)
        for func in ast.walk(self.tree):
            if isinstance(func, ast.FunctionDef):
                for node in ast.walk(func):
                    self.function_of[node] = func

    def where(self, node: ast.AST) -> str:
        shown = self.path.relative_to(ROOT) if self.path.is_relative_to(ROOT) else self.path.name
        return f"{shown}:{getattr(node, 'lineno', '?')}"


def _modules() -> list[Module]:
    return [
        Module(p, ast.parse(p.read_text(encoding="utf-8"), str(p)))
        for package in PACKAGES
        for p in sorted((ROOT / "sakae_council" / package).rglob("*.py"))
    ]


def _name(call: ast.Call) -> str:
    func = call.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def _argument(call: ast.Call, index: int, name: str) -> ast.AST | None:
    if len(call.args) > index:
        return call.args[index]
    return next((k.value for k in call.keywords if k.arg == name), None)


class Walk:
    """Where every message comes from: the texts written in the source, and what cannot be translated."""

    def __init__(self, modules: list[Module]) -> None:
        self.modules = modules
        self.texts: set[str] = set()
        self.problems: list[str] = []
        self.sites = 0
        self.carriers: set[tuple[str, int, str]] = set()  # (function or class, position, parameter)
        classes = {c.name: c for m in modules for c in ast.walk(m.tree) if isinstance(c, ast.ClassDef)}
        self.errors = set(BASE_ERRORS)
        while grown := {
            n
            for n, c in classes.items()
            if n not in self.errors
            and {getattr(b, "id", getattr(b, "attr", "")) for b in c.bases} & self.errors
        }:
            self.errors |= grown
        defined: dict[str, list[list[str]]] = {}  # helper -> the parameters of each function of that name
        for module in modules:
            for node in ast.walk(module.tree):
                if isinstance(node, ast.FunctionDef) and not node.name.startswith("__"):
                    names = [a.arg for a in node.args.args]
                    defined.setdefault(node.name, []).append(
                        names[1:] if names[:1] in (["self"], ["cls"]) else names
                    )
        self.parameters = {
            name: found[0] for name, found in defined.items() if len(found) == 1
        }  # unambiguous
        self.all_calls = [(m, n) for m in modules for n in ast.walk(m.tree) if isinstance(n, ast.Call)]
        # where each error class takes its message: the ``message`` parameter of the nearest __init__
        self.message_index: dict[str, int | None] = {}
        for name in self.errors:
            cls = classes.get(name)
            while cls is not None:
                init = next(
                    (f for f in cls.body if isinstance(f, ast.FunctionDef) and f.name == "__init__"), None
                )
                if init is not None:
                    params = [a.arg for a in init.args.args[1:]]
                    self.message_index[name] = params.index("message") if "message" in params else None
                    break
                cls = next(
                    (classes[b.id] for b in cls.bases if isinstance(b, ast.Name) and b.id in classes), None
                )
        self.inits = {
            id(f)
            for n in self.errors
            if n in classes
            for f in classes[n].body
            if isinstance(f, ast.FunctionDef) and f.name == "__init__"
        }

    def calls(self) -> Iterator[tuple[Module, ast.Call]]:
        yield from self.all_calls

    def run(self) -> None:
        for module, call in self.calls():
            name = _name(call)
            index = self.message_index.get(name)
            if name in self.errors and index is not None:
                self.sites += 1
                self.message(module, _argument(call, index, "message"), call)
            elif self._super_init(module, call):
                self.sites += 1
                self.message(module, _argument(call, 0, "message"), call)
            for i, arg in enumerate(self._parameters(name)):
                if arg in TERMS:
                    self.message(module, _argument(call, i, arg), call, term=True)
        done: set[tuple[str, int, str]] = set()
        while todo := self.carriers - done:
            for carrier in todo:
                done.add(carrier)
                function, index, param = carrier
                for module, call in self.calls():
                    if _name(call) == function:
                        self.message(module, _argument(call, index, param), call, term=param in TERMS)

    def _super_init(self, module: Module, call: ast.Call) -> bool:
        func = call.func
        if not (
            isinstance(func, ast.Attribute) and func.attr == "__init__" and isinstance(func.value, ast.Call)
        ):
            return False
        init = module.function_of.get(call)
        return init is not None and id(init) in self.inits

    def _parameters(self, function: str) -> list[str]:
        """The parameter names of ``function`` (by position as called), when it is defined in the packages."""
        return self.parameters.get(function, [])

    def message(self, module: Module, node: ast.AST | None, at: ast.AST, *, term: bool = False) -> None:
        """Follow ``node`` (a message, or a term with ``term``) back to the text written in the source."""
        if node is None:
            return
        kind = "term" if term else "message"
        if isinstance(node, ast.Constant):
            if isinstance(node.value, str):
                self.texts.add(node.value)
        elif isinstance(node, ast.JoinedStr):
            self.problems.append(f"{module.where(node)}: {kind} written as an f-string: use msg(...)")
        elif isinstance(node, ast.BinOp):
            self.problems.append(
                f"{module.where(node)}: {kind} glued together with an operator: use msg(...)"
            )
        elif isinstance(node, ast.IfExp):
            self.message(module, node.body, at, term=term)
            self.message(module, node.orelse, at, term=term)
        elif isinstance(node, ast.BoolOp):
            for value in node.values:
                self.message(module, value, at, term=term)
        elif isinstance(node, ast.Call) and _name(node) == "msg":
            template = _argument(node, 0, "template")
            if not (isinstance(template, ast.Constant) and isinstance(template.value, str)):
                self.problems.append(
                    f"{module.where(node)}: msg() needs its template written out as a string"
                )
            else:
                self.texts.add(template.value)
            for k in node.keywords:
                if k.arg in TERMS or (isinstance(k.value, ast.Call) and _name(k.value) == "msg"):
                    self.message(module, k.value, at, term=True)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get":
            self._table(module, node.func.value, at, term)
            for default in node.args[1:]:
                self.message(module, default, at, term=term)
        elif isinstance(node, ast.Subscript):
            self._table(module, node.value, at, term)
        elif isinstance(node, ast.Name):
            self._name(module, node, at, term)
        elif isinstance(node, ast.Attribute) and node.attr == "source_message":
            pass  # another error's message, passed on as it was raised (and checked where it was)
        else:
            self.problems.append(f"{module.where(node)}: cannot tell where this {kind} is written")

    def _table(self, module: Module, node: ast.AST, at: ast.AST, term: bool) -> None:
        """Every entry of a module-level table: ``{"k": "text", ...}`` or ``dict(zip(KEYS, ("text", ...)))``."""
        name = node.id if isinstance(node, ast.Name) else ""
        values = module.assigned.get(name) or [v for m in self.modules for v in m.assigned.get(name, [])]
        entries: list[ast.expr] = []
        for value in values:
            if isinstance(value, ast.Dict):
                entries += value.values  # type: ignore[arg-type]
            elif _zipped(value) is not None:
                entries += _zipped(value) or []
        if not entries:
            self.problems.append(f"{module.where(at)}: a message looked up in something that is not a table")
        for entry in entries:
            self.message(module, entry, at, term=term)

    def _name(self, module: Module, node: ast.Name, at: ast.AST, term: bool) -> None:
        func = module.function_of.get(at)
        if func is not None:
            local = [
                a.value
                for a in ast.walk(func)
                if isinstance(a, ast.Assign)
                and any(isinstance(t, ast.Name) and t.id == node.id for t in a.targets)
            ] + _loop_values(func, node.id)
            if local:
                for value in local:
                    self.message(module, value, at, term=term)
                return
            params = [a.arg for a in func.args.args]
            if node.id in params:
                method = params[0] in ("self", "cls")
                owner = self._class_of(module, func) if func.name == "__init__" else func.name
                index = params.index(node.id) - (1 if method else 0)
                self.carriers.add((owner, index, node.id))
                return
        if node.id in module.assigned:
            for value in module.assigned[node.id]:
                self.message(module, value, at, term=term)
        else:
            self.problems.append(
                f"{module.where(at)}: cannot tell where the message in {node.id!r} is written"
            )

    @staticmethod
    def _class_of(module: Module, func: ast.FunctionDef) -> str:
        return next(c.name for c in ast.walk(module.tree) if isinstance(c, ast.ClassDef) and func in c.body)


def _zipped(node: ast.AST) -> list[ast.expr] | None:
    """The values of ``dict(zip(KEYS, (v1, v2, ...)))``."""
    if (
        isinstance(node, ast.Call)
        and _name(node) == "dict"
        and node.args
        and isinstance(node.args[0], ast.Call)
    ):
        inner = node.args[0]
        if _name(inner) == "zip" and len(inner.args) == 2 and isinstance(inner.args[1], ast.Tuple | ast.List):
            return list(inner.args[1].elts)
    return None


def _loop_values(func: ast.FunctionDef, name: str) -> list[ast.expr]:
    """What ``name`` takes in ``for ..., name in ((..., "text"), ...)`` loops over a literal in ``func``."""
    found: list[ast.expr] = []
    for loop in ast.walk(func):
        if not (isinstance(loop, ast.For) and isinstance(loop.iter, ast.Tuple | ast.List)):
            continue
        target = loop.target
        if isinstance(target, ast.Name) and target.id == name:
            found += loop.iter.elts
        elif isinstance(target, ast.Tuple):
            index = next(
                (i for i, t in enumerate(target.elts) if isinstance(t, ast.Name) and t.id == name), None
            )
            if index is not None:
                found += [e.elts[index] for e in loop.iter.elts if isinstance(e, ast.Tuple | ast.List)]
    return found


def _collected() -> set[str]:
    spec = importlib.util.spec_from_file_location("i18n_script", ROOT / "scripts" / "i18n.py")
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    return {text for _context, text in script.service_message_strings()}


def test_no_message_is_an_f_string_and_every_one_is_collected_for_the_translators() -> None:
    walk = Walk(_modules())
    walk.run()
    where = {p.split(": ")[0]: p for p in walk.problems}  # a helper's message is followed from each caller
    assert list(where.values()) == [], "\n".join(where.values())
    assert walk.sites > 250 and len(walk.texts) > 300  # the walk did reach the messages
    missing = sorted(walk.texts - _collected())
    assert missing == [], "scripts/i18n.py does not collect:\n" + "\n".join(missing)


def test_the_walk_finds_f_strings_and_glued_messages_through_helpers_and_variables(tmp_path: Path) -> None:
    source = tmp_path / "example.py"
    source.write_text(
        "from sakae_council.domain.errors import ValidationError, msg\n"
        "def check(value, field, message):\n"
        "    if not value:\n"
        "        raise ValidationError(field, message)\n"
        "def save(name, title):\n"
        '    check(name, "name", f"「{name}」は使えません。")\n'
        '    text = "「" + title + "」は長すぎます。"\n'
        '    raise ValidationError("title", text)\n'
        "def fine(name):\n"
        '    raise ValidationError("name", msg("「{name}」はすでにあります。", name=name))\n',
        encoding="utf-8",
    )
    errors = ROOT / "sakae_council" / "domain" / "errors.py"
    walk = Walk([Module(p, ast.parse(p.read_text(encoding="utf-8"))) for p in (errors, source)])
    walk.run()
    assert sorted({p.split(": ")[0] for p in walk.problems}) == ["example.py:6", "example.py:7"]
    assert walk.texts == {"「{name}」はすでにあります。"}
