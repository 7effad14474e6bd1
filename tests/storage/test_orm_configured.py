"""The ORM is ready as soon as it is imported (issue 14 item 6): configuring the mappers is ~50 ms
of CPU that the command line's ``add`` waited for after the KDF when the first row configured them;
imported while Argon2id runs, it is done by then."""

from __future__ import annotations

import subprocess
import sys


def test_importing_the_orm_leaves_no_mapper_to_configure() -> None:
    probe = (
        "import recovery_journal.storage.orm as orm; "
        "print('UNCONFIGURED', sorted(m.class_.__name__ for m in orm.Base.registry.mappers "
        "if not m.configured), 'MAPPERS', len(orm.Base.registry.mappers))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "UNCONFIGURED [] MAPPERS" in done.stdout
    assert "MAPPERS 0" not in done.stdout
