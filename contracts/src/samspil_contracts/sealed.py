"""Personal data leaves the authority only encrypted; this is the shape of the sealed box.

The crypto (AES-256-GCM, key lookup by ``kid``) lives in the services; the contract only
fixes the wire form so every service can carry a sealed value it cannot (or need not) open.
"""

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

# base64url without padding, as in JOSE.
_B64URL = r"^[A-Za-z0-9_-]+$"


class Sealed(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    alg: Literal["A256GCM"]
    kid: str = Field(min_length=1, max_length=200, description="Id of the key that sealed it")
    # 96-bit GCM nonce: 12 bytes are 16 base64url characters.
    nonce: str = Field(pattern=r"^[A-Za-z0-9_-]{16}$")
    ciphertext: str = Field(min_length=1, pattern=_B64URL, description="Ciphertext and tag")
