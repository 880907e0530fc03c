"""SASL/PLAIN and the StandardAuthorizer for an isolated broker: ACLs that tests can prove.

The broker keeps its PLAINTEXT listener for itself and for trusted services (its principal,
``User:ANONYMOUS``, is a super user, as an internal mTLS listener would be in production)
and gets a ``SASL_PLAINTEXT`` listener where each user is only what its ACLs allow.
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
