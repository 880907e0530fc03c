"""The webhook conformance kit: drives a provider's own receiver through the standard
scenarios (signature, replay window, idempotency, secret rotation) and reports pass/fail.

``uv run python -m provider.entrypoints.conformance --receiver-url URL --secret S
[--api-url URL --api-key K]``; ``reference_receiver`` is a receiver that passes.
"""
