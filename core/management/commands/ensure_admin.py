"""Create the first admin user if there is none, and say how to log in, in a box that ends `make run`'s output."""

import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


def boxed(lines):
    """The lines in an ASCII box, so they stand out from the output above them."""
    width = max(len(line) for line in lines)
    rule = "+" + "-" * (width + 4) + "+"
    return "\n".join([rule, *(f"|  {line.ljust(width)}  |" for line in lines), rule])


class Command(BaseCommand):
    help = (
        "Create a superuser (DJANGO_SUPERUSER_USERNAME, default 'admin') if it does not exist, then print "
        "the site's and the admin's addresses with the user and password in a box. The password is "
        "DJANGO_SUPERUSER_PASSWORD, or a generated one printed once."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--base-url",
            default="http://127.0.0.1:8000",
            help="Where the site is served, as shown in the box (default: http://127.0.0.1:8000).",
        )

    def handle(self, *args, **options):
        User = get_user_model()
        username = os.environ.get("DJANGO_SUPERUSER_USERNAME", "admin")
        email = os.environ.get("DJANGO_SUPERUSER_EMAIL", "admin@example.org")
        from_environment = bool(os.environ.get("DJANGO_SUPERUSER_PASSWORD"))
        if User.objects.filter(username=username).exists():
            password = f"unchanged (forgotten? python manage.py changepassword {username})"
        else:
            generated = secrets.token_urlsafe(12)
            User.objects.create_superuser(
                username=username, email=email, password=os.environ.get("DJANGO_SUPERUSER_PASSWORD") or generated
            )
            password = "from DJANGO_SUPERUSER_PASSWORD" if from_environment else f"{generated}  (shown only once)"
        base_url = options["base_url"].rstrip("/")
        self.stdout.write(
            boxed(
                [
                    f"The site:   {base_url}/en/",
                    f"The admin:  {base_url}/admin/",
                    f"User:       {username}",
                    f"Password:   {password}",
                ]
            )
        )
