"""When Qt's xcb plugin would fail to load, the person gets the exact install command."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from recovery_journal.ui.platform_check import XCB_LIBRARIES, check_xcb, uses_xcb


def _without(*libraries: str) -> Callable[[str], object]:
    """A stand-in for the dynamic loader (the OS) that lacks ``libraries``."""

    def load(name: str) -> object:
        if name in libraries:
            raise OSError(f"{name}: cannot open shared object file")
        return object()

    return load


def test_missing_libraries_give_the_exact_apt_command() -> None:
    advice = check_xcb({"DISPLAY": ":0"}, _without("libxcb-icccm.so.4", "libxcb-keysyms.so.1"))
    assert advice is not None
    assert "sudo apt install libxcb-icccm4 libxcb-keysyms1\n" in advice
    assert "Traceback" not in advice and "plugin" not in advice


def test_nothing_is_said_when_everything_loads() -> None:
    assert check_xcb({"DISPLAY": ":0"}, _without()) is None


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, True),
        ({"QT_QPA_PLATFORM": "xcb"}, True),
        ({"QT_QPA_PLATFORM": "offscreen"}, False),
        ({"QT_QPA_PLATFORM": "wayland;xcb"}, False),
        ({"WAYLAND_DISPLAY": "wayland-0"}, False),
    ],
)
def test_only_an_xcb_start_is_checked(environ: dict[str, str], expected: bool) -> None:
    assert uses_xcb(environ, "linux") is expected
    assert not uses_xcb(environ, "darwin")


def test_the_list_matches_what_the_plugin_links_against() -> None:
    """Every system library the shipped libqxcb.so / libQt6XcbQpa need is in the list."""
    import PySide6

    qt = Path(PySide6.__file__).parent / "Qt"
    plugin, qpa = qt / "plugins/platforms/libqxcb.so", qt / "lib/libQt6XcbQpa.so.6"
    if not plugin.exists() or not sys.platform.startswith("linux"):
        pytest.skip("no xcb plugin in this PySide6 (not Linux)")
    done = subprocess.run(["readelf", "-d", str(plugin), str(qpa)], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip("readelf is not available")
    needed = {
        line.split("[")[1].rstrip("]")
        for line in done.stdout.splitlines()
        if "(NEEDED)" in line and ("xcb" in line or "X11" in line or "libGL." in line)
    }
    assert needed - {"libQt6XcbQpa.so.6"} <= set(XCB_LIBRARIES)
