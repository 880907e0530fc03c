"""The caseworker web UI: server-rendered pages over the app layer, in Danish and English."""

from authority.entrypoints.web.routes import install, routers

__all__ = ["install", "routers"]
