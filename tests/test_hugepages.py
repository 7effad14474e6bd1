"""A command-line run restarts once with huge pages for Argon2id's memory (Linux, glibc)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from recovery_journal import hugepages

_CLEAN = {k: v for k, v in os.environ.items() if k != "GLIBC_TUNABLES"}
_SUPPORTED = hugepages.relaunch_environment(_CLEAN) is not None


def test_nothing_to_do_elsewhere(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "darwin")
    assert hugepages.relaunch_environment(_CLEAN) is None


def test_a_tunable_already_there_is_respected_and_never_repeated() -> None:
    for existing in ("glibc.malloc.hugetlb=0", "glibc.malloc.hugetlb=1"):
        assert hugepages.relaunch_environment({**_CLEAN, "GLIBC_TUNABLES": existing}) is None


@pytest.mark.skipif(not _SUPPORTED, reason="needs Linux, glibc 2.35+ and transparent huge pages")
def test_other_tunables_are_kept() -> None:
    environ = hugepages.relaunch_environment({**_CLEAN, "GLIBC_TUNABLES": "glibc.mem.tagging=0"})
    assert environ is not None
    assert environ["GLIBC_TUNABLES"] == "glibc.mem.tagging=0:glibc.malloc.hugetlb=1"
    assert {k: v for k, v in environ.items() if k != "GLIBC_TUNABLES"} == _CLEAN


@pytest.mark.skipif(not _SUPPORTED, reason="needs Linux, glibc 2.35+ and transparent huge pages")
def test_the_process_restarts_once_with_the_tunable() -> None:
    probe = (
        "import os, sys; print('RUN', os.environ.get('GLIBC_TUNABLES'), sys.argv[1:], flush=True); "
        "from recovery_journal.hugepages import relaunch_with_huge_pages; "
        "relaunch_with_huge_pages(); print('CARRIED ON')"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, "search", "two words"],
        env=_CLEAN,
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.splitlines() == [
        "RUN None ['search', 'two words']",
        "RUN glibc.malloc.hugetlb=1 ['search', 'two words']",
        "CARRIED ON",
    ]
