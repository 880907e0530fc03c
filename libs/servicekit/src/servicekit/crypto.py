"""Field-level encryption (AES-256-GCM) for personal data.

Two uses, one mechanism:
* at rest in the authority's store, each child's personal data is sealed with that child's
  own data key, so erasing the key erases the data everywhere (crypto-shredding);
* in transit to a provider, the same data is sealed with that provider's transport key, so
  Kafka and the provider's database only ever hold ciphertext.
The associated data binds a ciphertext to its subject (e.g. the order id), so a sealed value
cannot be replayed into another record.
"""

from __future__ import annotations

import base64
import os
from collections.abc import Mapping

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

ALG = "A256GCM"


class KeyMissing(LookupError):
    """The key is unknown or was erased (crypto-shredded)."""


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def new_key() -> bytes:
    return AESGCM.generate_key(bit_length=256)


def seal(key: bytes, kid: str, plaintext: bytes, aad: bytes) -> dict[str, str]:
    nonce = os.urandom(12)
    ciphertext = AESGCM(key).encrypt(nonce, plaintext, aad)
    return {"alg": ALG, "kid": kid, "nonce": _b64(nonce), "ciphertext": _b64(ciphertext)}


def unseal(keys: Mapping[str, bytes], sealed: Mapping[str, str], aad: bytes) -> bytes:
    key = keys.get(sealed["kid"])
    if key is None:
        raise KeyMissing(sealed["kid"])
    return AESGCM(key).decrypt(_unb64(sealed["nonce"]), _unb64(sealed["ciphertext"]), aad)


def parse_keyring(spec: str) -> dict[str, bytes]:
    """``kid1:base64key,kid2:base64key`` (from a secret) → {kid: key}."""
    keys: dict[str, bytes] = {}
    for item in filter(None, (part.strip() for part in spec.split(","))):
        kid, _, encoded = item.partition(":")
        key = _unb64(encoded)
        if len(key) != 32:
            raise ValueError(f"key {kid!r} must be 32 bytes (AES-256)")
        keys[kid] = key
    return keys


def encode_key(key: bytes) -> str:
    return _b64(key)


def derive_transport_key(master: bytes, provider_id: str) -> tuple[str, bytes]:
    """Each provider's transport key, derived from a master secret both services hold.

    HKDF keeps one secret to distribute while giving every provider its own key (a leaked
    provider key opens no other provider's data). ``kid`` names provider and key generation,
    so a rotated master yields new kids and old ciphertexts stay readable while both exist.
    """
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"samspil/transport/v1")
    key = hkdf.derive(master + provider_id.encode())
    return f"transport:{provider_id}:v1", key
