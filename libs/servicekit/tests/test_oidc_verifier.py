"""Tokens of an OIDC provider: verified against its key set, fetched once, not per token."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from servicekit.auth import OidcVerifier

ISSUER, AUDIENCE = "https://idp.example", "samspil"
KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)


class Jwks:
    """A JWKS endpoint on localhost that counts its fetches."""

    def __init__(self) -> None:
        public = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(KEY.public_key()))
        self.body = json.dumps({"keys": [public | {"kid": "k1", "alg": "RS256"}]}).encode()
        self.fetches = 0
        jwks = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                jwks.fetches += 1
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(jwks.body)

            def log_message(self, *_: Any) -> None:
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/jwks"


@pytest.fixture
def jwks() -> Iterator[Jwks]:
    endpoint = Jwks()
    thread = threading.Thread(target=endpoint.server.serve_forever, daemon=True)
    thread.start()
    yield endpoint
    endpoint.server.shutdown()


def token(sub: str, audience: str = AUDIENCE, expires: bool = True) -> str:
    now = int(time.time())
    claims: dict[str, Any] = {"sub": sub, "roles": ["caseworker"], "iss": ISSUER, "aud": audience}
    claims |= {"iat": now, "exp": now + 60} if expires else {"iat": now}
    return jwt.encode(claims, KEY, algorithm="RS256", headers={"kid": "k1"})


def test_the_key_set_is_fetched_once_for_many_tokens(jwks: Jwks) -> None:
    # given a verifier for the provider
    verifier = OidcVerifier(jwks.url, ISSUER, AUDIENCE)
    # when three requests bring tokens
    users = [verifier.verify(token(f"user-{n}")).user_id for n in range(3)]
    # then each is verified, with one fetch of the key set
    assert users == ["user-0", "user-1", "user-2"]
    assert jwks.fetches == 1


def test_a_token_for_another_audience_is_still_refused(jwks: Jwks) -> None:
    verifier = OidcVerifier(jwks.url, ISSUER, AUDIENCE)
    verifier.verify(token("user"))
    with pytest.raises(jwt.InvalidAudienceError):
        verifier.verify(token("user", audience="someone-else"))


def test_a_token_that_never_expires_is_refused(jwks: Jwks) -> None:
    verifier = OidcVerifier(jwks.url, ISSUER, AUDIENCE)
    with pytest.raises(jwt.MissingRequiredClaimError):
        verifier.verify(token("user", expires=False))
