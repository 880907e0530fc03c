"""``python -m samspil_contracts.generate [--out DIR]``."""

import argparse
from pathlib import Path

from samspil_contracts.generate import DEFAULT_OUT, write_all


def main() -> None:
    parser = argparse.ArgumentParser(description="Write contracts/schemas and asyncapi.yaml")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="the contracts folder")
    args = parser.parse_args()
    written = write_all(args.out)
    print(f"wrote {len(written)} files under {args.out}")


if __name__ == "__main__":
    main()
