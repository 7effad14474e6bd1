"""Encrypted jrnl journals built from the published format with ``cryptography`` (test-only)."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import struct

from cryptography.fernet import Fernet
from cryptography.hazmat.primitives import hashes, padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

V2_SALT = b"\xf2\xd5q\x0e\xc1\x8d.\xde\xdc\x8e6t\x89\x04\xce\xf8"


def _key(password: str, salt: bytes) -> bytes:
    kdf = PBKDF2HMAC(algorithm=hashes.SHA256(), length=32, salt=salt, iterations=100_000)
    return base64.urlsafe_b64encode(kdf.derive(password.encode("utf-8")))


def jrnl_v3(plain: str, password: str, *, raw_json_header: bool = False) -> bytes:
    salt = os.urandom(16)
    header = json.dumps({"salt": base64.urlsafe_b64encode(salt).decode()}).encode()
    if not raw_json_header:
        header = base64.b64encode(header)
    token = Fernet(_key(password, salt)).encrypt(plain.encode("utf-8"))
    return b"JRNLv3" + struct.pack(">H", len(header)) + header + token


def jrnl_v2(plain: str, password: str) -> bytes:
    return Fernet(_key(password, V2_SALT)).encrypt(plain.encode("utf-8"))


def jrnl_v1(plain: str, password: str) -> bytes:
    iv = os.urandom(16)
    padder = padding.PKCS7(128).padder()
    padded = padder.update(plain.encode("utf-8")) + padder.finalize()
    key = hashlib.sha256(password.encode("utf-8")).digest()
    encryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
    return iv + encryptor.update(padded) + encryptor.finalize()
