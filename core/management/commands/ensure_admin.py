"""Create the first admin user if there is none, and say how to log in."""

import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Create a superuser (DJANGO_SUPERUSER_USERNAME, default 'admin') if it does not exist. "
        "The password is DJANGO_SUPERUSER_PASSWORD, or a generated one printed once."
    )

    def handle(self, *args, **options):
        User = get_user_model()
        username = os.environ.get("DJANGO_SUPERUSER_USERNAME", "admin")
        email = os.environ.get("DJANGO_SUPERUSER_EMAIL", "admin@example.org")
        if User.objects.filter(username=username).exists():
            self.stdout.write(
                f"Admin user '{username}' already exists; its password is unchanged. "
                "Reset it with: python manage.py changepassword " + username
            )
            return
        password = os.environ.get("DJANGO_SUPERUSER_PASSWORD") or secrets.token_urlsafe(12)
        User.objects.create_superuser(username=username, email=email, password=password)
        shown = "from DJANGO_SUPERUSER_PASSWORD" if os.environ.get("DJANGO_SUPERUSER_PASSWORD") else password
        self.stdout.write(
            self.style.SUCCESS(
                f"Created admin user. Log in at /admin/ with username '{username}' and password: {shown}"
            )
        )
        if shown == password:
            self.stdout.write("This password is shown only once: note it now.")
