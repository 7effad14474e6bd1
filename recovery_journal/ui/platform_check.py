"""Before Qt opens a window on X11: are the system libraries its xcb plugin needs there?

On a minimal Debian or Ubuntu, Qt's xcb platform plugin fails to load when one of a dozen small X
libraries is missing, and Qt then aborts with a generic "could not load the Qt platform plugin"
message that doesn't say what to install. This check loads each library the plugin links against
(the list comes from ``readelf -d libqxcb.so`` of the PySide6 we ship with) and, if any is missing,
gives the exact ``apt install`` command instead. Only the standard library is used: no Qt is
imported, so it can run before the ``QApplication`` exists.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable, Mapping

# The libraries Qt's xcb plugin (and libQt6XcbQpa) load, and the Debian/Ubuntu package of each.
XCB_LIBRARIES: Mapping[str, str] = {
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libGL.so.1": "libgl1",
}


def uses_xcb(environ: Mapping[str, str], platform: str = sys.platform) -> bool:
    """Whether Qt will try its xcb plugin: Linux, and no other platform chosen or preferred."""
    if not platform.startswith("linux"):
        return False
    chosen = environ.get("QT_QPA_PLATFORM", "")
    if chosen:
        return chosen.split(";")[0].startswith("xcb")
    return not environ.get("WAYLAND_DISPLAY")  # on Wayland, Qt 6 prefers its wayland plugin


def missing_packages(load: Callable[[str], object] = ctypes.CDLL) -> list[str]:
    """The Debian/Ubuntu packages whose library can't be loaded, in a stable order."""
    missing = []
    for library, package in XCB_LIBRARIES.items():
        try:
            load(library)
        except OSError:
            missing.append(package)
    return missing


def advice(missing: list[str]) -> str:
    """What to tell the person (on stderr, before any window exists)."""
    return (
        "Recovery Journal can't open its window: this system lacks libraries that Qt needs to "
        "draw on X11.\n"
        "On Debian or Ubuntu, install them with:\n\n"
        f"    sudo apt install {' '.join(missing)}\n\n"
        "(Other systems: install the same X libraries from your package manager.) "
        "Your journal has not been touched."
    )


def check_xcb(
    environ: Mapping[str, str], load: Callable[[str], object] = ctypes.CDLL
) -> str | None:
    """The advice to print when Qt's xcb plugin would fail to load, else None."""
    if not uses_xcb(environ):
        return None
    missing = missing_packages(load)
    return advice(missing) if missing else None
