"""``python -m samspil_provider_kit``: the conformance CLI."""

import sys

from samspil_provider_kit.cli import main

sys.exit(main())
