"""The Samspil provider kit: what a provider's developer installs.

* ``samspil_provider_kit.signing``: sign and verify Samspil webhooks (the one implementation
  Samspil itself signs with);
* ``samspil-conformance``: the conformance CLI. It drives a provider's receiver through the
  webhook scenarios (signature, unsigned, timestamp window, rotation, re-serialised JSON,
  duplicates, out-of-order) and, with an API key, the business flows against the tenant's
  sandbox (accept, decline, countersign, status report, claim); ``--junit-xml`` for CI;
* ``samspil-reference-receiver``: a receiver that passes every check (``reference_receiver``).

Install without the Samspil repository: ``uvx --from samspil_provider_kit-*.whl
samspil-conformance --help`` or ``pipx install ./libs/provider-kit``.
"""
