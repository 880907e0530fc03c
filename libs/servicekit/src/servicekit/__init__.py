"""Runtime pieces the three Samspil services share (no domain code lives here)."""
