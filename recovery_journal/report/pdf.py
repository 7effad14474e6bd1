"""Writing a finished PDF where the person chose: optionally AES-256 encrypted, atomic, 0600.

The PDF exists only in memory until it is written: encrypted (pypdf, AES-256, the password never
stored) when a password is given, then written through a temp file in the destination folder
(never a system temp folder), fsynced and renamed, readable only by this user.
"""

from __future__ import annotations

import io
from pathlib import Path

from recovery_journal.services.files import write_private_file

ALGORITHM = "AES-256"


def with_pdf_suffix(path: Path) -> Path:
    return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


def encrypt(data: bytes, password: str) -> bytes:
    """``data`` (a PDF) encrypted with AES-256 under ``password``."""
    from pypdf import PdfReader, PdfWriter  # ~0.1 s to import: only when a password is set

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=password, owner_password=None, algorithm=ALGORITHM)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def save_pdf(path: Path, data: bytes, password: str | None = None, what: str = "the PDF") -> Path:
    """Write ``data`` to ``path`` (``.pdf`` added when missing); returns where it went."""
    target = with_pdf_suffix(path)
    if password:
        data = encrypt(data, password)
    write_private_file(target, data, what)
    return target
