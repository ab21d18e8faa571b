"""What operations staff see: JSON logs on stdout tagged with a request id, and Sentry.

Every request gets an id: the X-Request-ID a trusted proxy sent (when it looks
like one) or a new one. It is sent back in the X-Request-ID response header and
added to every log line written while the request is handled, so a visitor's
"it went wrong at 10:04, reference abc123" leads straight to the log lines.
"""

import contextvars
import json
import logging
import re
import time
import uuid
from datetime import UTC, datetime

import sentry_sdk

REQUEST_ID_HEADER = "X-Request-ID"
VALID_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{8,128}")

# The secret part of a link that acts as a key: enews confirm and unsubscribe links, password reset
# links (/admin/password_reset/confirm/<uid>/<token>/). Everything after "confirm/" or
# "unsubscribe/" in a logged path is replaced, so a log reader cannot use the link.
SECRET_LINK = re.compile(r"(/(?:confirm|unsubscribe)/)[^\s\"'?#]+")
REDACTED = "[redacted]/"

current_request_id = contextvars.ContextVar("request_id", default="-")
access_logger = logging.getLogger("core.access")

# Attributes every LogRecord has; anything else was passed with extra={...}. Django's
# loggers pass the request object itself, whose text form repeats the query string.
STANDARD_ATTRIBUTES = set(logging.makeLogRecord({}).__dict__) | {"message", "asctime", "request_id", "request"}


def redact(text):
    """The text with the secret part of any token link in it replaced."""
    return SECRET_LINK.sub(lambda match: match.group(1) + REDACTED, text)


class JSONFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, request id and any extra fields."""

    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": redact(record.getMessage()),
            "request_id": current_request_id.get(),
        }
        for key, value in record.__dict__.items():
            if key not in STANDARD_ATTRIBUTES and not key.startswith("_"):
                entry[key] = value if isinstance(value, int | float | bool | type(None)) else redact(str(value))
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


class RequestIDMiddleware:
    """Give each request an id, log it with every line, return it in X-Request-ID, log the request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get(REQUEST_ID_HEADER, "")
        request_id = incoming if VALID_REQUEST_ID.fullmatch(incoming) else uuid.uuid4().hex
        request.request_id = request_id
        token = current_request_id.set(request_id)
        sentry_sdk.get_isolation_scope().set_tag("request_id", request_id)
        started = time.monotonic()
        try:
            response = self.get_response(request)
            response[REQUEST_ID_HEADER] = request_id
            # The path without its query string: queries can hold what visitors typed.
            access_logger.info(
                "%s %s %s",
                request.method,
                request.path,
                response.status_code,
                extra={
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": round((time.monotonic() - started) * 1000, 1),
                },
            )
            return response
        finally:
            current_request_id.reset(token)


class DisallowedHostFilter(logging.Filter):
    """Log a request for a host not in ALLOWED_HOSTS as a WARNING without a traceback.

    Django logs it as an ERROR with the exception; it is a scanner or a misrouted
    request, answered with a 400, and nothing for anyone to fix.
    """

    def filter(self, record):
        record.levelno = logging.WARNING
        record.levelname = logging.getLevelName(logging.WARNING)
        record.exc_info = None
        record.exc_text = None
        return True


def init_sentry(dsn, environment="production", release=None, traces_sample_rate=0.0):
    """Send errors to Sentry when a DSN is given; do nothing otherwise. Returns whether it is on."""
    if not dsn:
        return False
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        release=release or None,
        integrations=[DjangoIntegration()],
        traces_sample_rate=traces_sample_rate,
        # Visitors' addresses, cookies and form fields stay out of Sentry.
        send_default_pii=False,
    )
    return True
