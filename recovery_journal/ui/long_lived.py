"""What lives while a journal is unlocked is set aside from the cyclic collector's full passes.

Python's cyclic garbage collector now and then walks *every* object it tracks (a full
collection). After unlocking, most of those objects are the app itself: the imported modules,
the main window's pages and their Qt wrappers, the ORM's tables, about 100,000 of them, which
live until the journal is locked. Walking them took about 58 ms of the UI thread whenever a full
collection came, which made the slowest page of a long Journal scroll several times slower than
the others (issue 14 item 3). :func:`settle` moves what exists right after unlocking into the
collector's permanent generation (:func:`gc.freeze`, constant time, nothing is walked or freed),
so later full collections walk only what was made since; :func:`release` gives them back when the
journal locks, so the window, the session and anything they kept are collected as before.
Memory is freed by reference counting as always; only cyclic garbage already present at unlock
waits until the lock to be collected.
"""

from __future__ import annotations

import gc


def settle() -> None:
    """Set aside every object that exists now from later full collections (right after unlock)."""
    gc.freeze()


def release() -> None:
    """Give the set-aside objects back to the collector (after the journal is locked)."""
    gc.unfreeze()
