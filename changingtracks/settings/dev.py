"""Local development: DEBUG on, mail printed to the console."""

import os

from .base import *  # noqa: F403
from .base import env_list

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
# Two-step sign-in is optional for everyone unless TWO_FACTOR_REQUIRED=true (README, "Logging in").
TWO_FACTOR_REQUIRED = os.environ.get("TWO_FACTOR_REQUIRED", "false").lower() == "true"

# Logs a person reads in a terminal: one plain line each ("14:02:11 INFO core.access: GET /en/ 200"),
# not production's JSON. core.access writes a line per request, so runserver's own copy is dropped.
LOGGING = {
    **LOGGING,  # noqa: F405
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s", "datefmt": "%H:%M:%S"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout", "formatter": "plain"}},
    "loggers": {
        **LOGGING["loggers"],  # noqa: F405
        "django.server": {"handlers": [], "propagate": False},
    },
}
