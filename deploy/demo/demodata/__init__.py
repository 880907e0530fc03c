"""The demo seed's steps: each party through its own public API (see ``deploy/demo/seed.py``)."""
