import os

# SAMSPIL_ENV defaults to production (servicekit.settings): tests run in test mode unless a
# test says otherwise. Subprocesses started by the tests inherit it.
os.environ.setdefault("SAMSPIL_ENV", "test")

pytest_plugins = ["devstack.pytest_plugin"]
