"""The layers of the code: the core imports no pygame or scipy, and no import runs back up."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "installation"
CORE_MODULES = sorted(
    ".".join(p.relative_to(PACKAGE.parent).with_suffix("").parts).removesuffix(".__init__")
    for p in (PACKAGE / "core").rglob("*.py")
)
# Each layer may import from itself and the layers listed after it, never from one before it.
LAYERS = ["commands", "app", "adapters", "visuals", "audio", "core"]
ALLOWED = {
    "commands": set(LAYERS),
    "app": {"app", "adapters", "visuals", "audio", "core"},
    "adapters": {"adapters", "visuals", "audio", "core"},
    "visuals": {"visuals", "core"},
    "audio": {"audio", "core"},
    "core": {"core"},
}


def test_there_are_core_modules() -> None:
    assert "installation.core.clock" in CORE_MODULES
    assert "installation.core.timeline.state" in CORE_MODULES


@pytest.mark.parametrize("module", CORE_MODULES)
def test_a_core_module_loads_neither_pygame_nor_scipy(module: str) -> None:
    code = (f"import sys, {module}\n"
            "bad = sorted(m for m in ('pygame', 'scipy') if m in sys.modules)\n"
            "print(','.join(bad))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=PACKAGE.parent)
    assert out.stdout.strip() == "", f"{module} loads {out.stdout.strip()}"


def test_the_clock_does_not_load_the_timeline_loader() -> None:
    code = ("import sys, installation.core.clock\n"
            "print('installation.core.timeline.loader' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=PACKAGE.parent)
    assert out.stdout.strip() == "False"


def layer_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "installation" and parts[1] in ALLOWED \
        else None


def imports_of(path: Path) -> list[str]:
    tree = ast.parse(path.read_text())
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append(node.module)
        elif isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
    return found


def test_no_import_runs_back_up_a_layer() -> None:
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        own = layer_of(".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts))
        if own is None:
            continue
        for target in imports_of(path):
            theirs = layer_of(target)
            if theirs is not None and theirs not in ALLOWED[own]:
                wrong.append(f"{path.relative_to(PACKAGE.parent)} imports {target}")
    assert wrong == []
