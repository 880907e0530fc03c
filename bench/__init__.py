"""Samspil benchmarks: figures against baselines measured in the same run (see README.md)."""
