"""CLI of the conformance kit; exit code 0 when every check passes, 1 otherwise."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Sequence

from rich.console import Console

from provider.entrypoints.conformance.kit import KitOptions, render, run_checks


def parse(argv: Sequence[str] | None) -> KitOptions:
    parser = argparse.ArgumentParser(
        prog="python -m provider.entrypoints.conformance",
        description="Check a provider's webhook receiver (and API) against Samspil's rules.",
    )
    parser.add_argument("--receiver-url", required=True, help="where your receiver listens")
    parser.add_argument(
        "--secret", required=True, action="append", help="your webhook secret (repeat: rotation)"
    )
    parser.add_argument("--api-url", help="also check the provider REST API at this base URL")
    parser.add_argument("--api-key", help="the API key for --api-url")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds per request")
    args = parser.parse_args(argv)
    if args.api_url and not args.api_key:
        parser.error("--api-url needs --api-key")
    return KitOptions(
        args.receiver_url, tuple(args.secret), args.api_url, args.api_key, args.timeout
    )


def main(argv: Sequence[str] | None = None) -> int:
    options = parse(argv)
    results = asyncio.run(run_checks(options))
    render(results, Console(width=120))
    return 0 if all(result.passed for result in results) else 1


if __name__ == "__main__":
    sys.exit(main())
