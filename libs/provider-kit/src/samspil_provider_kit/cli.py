"""``samspil-conformance``: exit code 0 when every check passes, 1 otherwise, 2 for usage."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Sequence
from pathlib import Path

from samspil_provider_kit.junit import write_junit
from samspil_provider_kit.kit import KitOptions, render, run_checks
from samspil_provider_kit.results import Verdict


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="samspil-conformance",
        description="Check a provider's webhook receiver, API key and sandbox business flows "
        "against Samspil's rules.",
    )
    parser.add_argument("--receiver-url", help="where your webhook receiver listens")
    parser.add_argument(
        "--secret", action="append", default=[], help="your webhook secret (repeat: rotation)"
    )
    parser.add_argument(
        "--report-url", help="your test receiver's report (what it applied): dedupe and order"
    )
    parser.add_argument("--api-url", help="the provider API's base URL (checks the key, flows)")
    parser.add_argument("--api-key", help="the tenant API key for --api-url (spk_…)")
    parser.add_argument("--no-flows", action="store_true", help="skip the sandbox business flows")
    parser.add_argument("--junit-xml", type=Path, help="also write a JUnit XML report here")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds per request")
    return parser


def parse(argv: Sequence[str] | None) -> tuple[KitOptions, Path | None]:
    parser = _parser()
    args = parser.parse_args(argv)
    if not args.receiver_url and not args.api_url:
        parser.error("give --receiver-url, --api-url or both")
    if args.receiver_url and not args.secret:
        parser.error("--receiver-url needs --secret")
    if args.api_url and not args.api_key:
        parser.error("--api-url needs --api-key")
    options = KitOptions(
        args.receiver_url,
        tuple(args.secret),
        args.api_url,
        args.api_key,
        args.timeout,
        args.report_url,
        not args.no_flows,
    )
    return options, args.junit_xml


def main(argv: Sequence[str] | None = None) -> int:
    options, junit = parse(argv)
    results = asyncio.run(run_checks(options))
    render(results, sys.stdout)
    if junit is not None:
        write_junit(results, junit)
    return 1 if any(result.verdict is Verdict.FAILED for result in results) else 0


if __name__ == "__main__":
    sys.exit(main())
