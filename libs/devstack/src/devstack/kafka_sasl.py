"""SASL and the StandardAuthorizer for an isolated broker: ACLs that tests can prove.

The broker keeps its PLAINTEXT listener for itself and for trusted services (its principal,
``User:ANONYMOUS``, is a super user, as an internal mTLS listener would be in production)
and gets a ``SASL_PLAINTEXT`` listener (PLAIN) where each user is only what its ACLs allow,
or, as production has it, a ``SASL_SSL`` listener with SCRAM-SHA-512 (``scram_properties``).
"""

from __future__ import annotations

from collections.abc import Mapping


def sasl_properties(bootstrap: str, controller: str, sasl: str, users: Mapping[str, str]) -> str:
    """Lines appended to the server.properties template (later keys win in Java properties)."""
    for name, password in users.items():
        if not name.replace("-", "").isalnum() or '"' in password:
            raise ValueError(f"SASL user {name!r}: letters, digits and '-' only")
    jaas = " ".join(f'user_{name}="{password}"' for name, password in users.items())
    return f"""
listeners=PLAINTEXT://{bootstrap},CONTROLLER://{controller},SASL_PLAINTEXT://{sasl}
advertised.listeners=PLAINTEXT://{bootstrap},SASL_PLAINTEXT://{sasl}
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT
sasl.enabled.mechanisms=PLAIN
listener.name.sasl_plaintext.sasl.enabled.mechanisms=PLAIN
listener.name.sasl_plaintext.plain.sasl.jaas.config=\
org.apache.kafka.common.security.plain.PlainLoginModule required {jaas};
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
super.users=User:ANONYMOUS
allow.everyone.if.no.acl.found=false
"""


SCRAM = "SCRAM-SHA-512"


def scram_properties(
    bootstrap: str, controller: str, sasl: str, keystore: str, super_users: list[str]
) -> str:
    """SASL_SSL with SCRAM: the users' credentials are written when the storage is formatted
    (``scram_format_args``); TLS from a PEM key and certificate chain."""
    supers = ";".join(["User:ANONYMOUS", *(f"User:{name}" for name in super_users)])
    return f"""
listeners=PLAINTEXT://{bootstrap},CONTROLLER://{controller},SASL_SSL://{sasl}
advertised.listeners=PLAINTEXT://{bootstrap},SASL_SSL://{sasl}
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,SASL_SSL:SASL_SSL
sasl.enabled.mechanisms={SCRAM}
listener.name.sasl_ssl.sasl.enabled.mechanisms={SCRAM}
listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config=\
org.apache.kafka.common.security.scram.ScramLoginModule required;
listener.name.sasl_ssl.ssl.keystore.type=PEM
listener.name.sasl_ssl.ssl.keystore.location={keystore}
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
super.users={supers}
allow.everyone.if.no.acl.found=false
"""


def scram_format_args(users: Mapping[str, str]) -> list[str]:
    """``kafka-storage format`` arguments that create the SCRAM credentials."""
    args = []
    for name, password in users.items():
        if not name.replace("-", "").isalnum() or '"' in password or "]" in password:
            raise ValueError(f"SCRAM user {name!r}: letters, digits and '-' only")
        args += ["--add-scram", f"{SCRAM}=[name={name},password={password}]"]
    return args
