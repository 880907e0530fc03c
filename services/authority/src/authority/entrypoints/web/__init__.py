"""The caseworker web UI: server-rendered pages over the app layer, in Danish and English."""

from authority.entrypoints.web.i18n import error_texts
from authority.entrypoints.web.routes import install, routers

__all__ = ["error_texts", "install", "routers"]
