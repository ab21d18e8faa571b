"""The production WSGI application plus /media/images/, as the reverse proxy serves them in production.

For measuring the front end on one machine (benchmarks/lighthouse.py): gunicorn alone never
serves uploaded files (docs/operations.md), so without this the pages' images would be 404s.
Only image renditions and originals under MEDIA_ROOT/images are served, never documents.

    gunicorn --pythonpath benchmarks media_wsgi:application
"""

from django.conf import settings
from whitenoise import WhiteNoise

from changingtracks.wsgi import application as site

# Rendition file names change when the image or its spec changes, so they can be cached for long.
application = WhiteNoise(site, autorefresh=True, max_age=60 * 60 * 24 * 365)
application.add_files(str(settings.MEDIA_ROOT / "images"), prefix=settings.MEDIA_URL.lstrip("/") + "images/")
