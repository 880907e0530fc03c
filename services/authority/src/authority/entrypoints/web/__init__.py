"""The caseworker web UI: server-rendered pages over the app layer, in Danish and English."""

from authority.entrypoints.web.routes import mount_static, routers

__all__ = ["mount_static", "routers"]
