"""The recovery code as people see it: 160 random bits as 8 groups of 4 base32 characters,
read back forgivingly (any case, dashes or spaces, the usual look-alikes)."""

from __future__ import annotations

import base64
import binascii

from recovery_journal.errors import ErrorKind, UserError

RECOVERY_CODE_BYTES = 20  # 160 random bits, 32 base32 characters


def format_recovery_code(code_bytes: bytes | bytearray) -> str:
    """Grouped base32 for people: ``ABCD-EFGH-…`` (8 groups of 4)."""
    text = base64.b32encode(bytes(code_bytes)).decode("ascii").rstrip("=")
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def parse_recovery_code(text: str) -> bytes:
    """Accept any case, dashes and spaces, and the usual look-alikes (0→O, 1→I, 8→B)."""
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    cleaned = cleaned.translate(str.maketrans("018", "OIB"))
    expected = len(format_recovery_code(bytes(RECOVERY_CODE_BYTES)).replace("-", ""))
    try:
        if len(cleaned) != expected:
            raise ValueError
        return base64.b32decode(cleaned + "=" * (-len(cleaned) % 8))
    except (binascii.Error, ValueError):
        raise UserError(
            ErrorKind.WRONG_RECOVERY_CODE,
            "That doesn't look like a recovery code. It has 8 groups of 4 letters and digits, "
            "like ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567.",
        ) from None
