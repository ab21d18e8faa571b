# Resources get the shared content review fields (core.models.ReviewMixin): the old
# next_review date is kept under ReviewMixin's name, and an owner is added.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("resources", "0004_merge_partners_and_enews_block"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RenameField(model_name="resourcepage", old_name="next_review", new_name="next_review_date"),
        migrations.AlterField(
            model_name="resourcepage",
            name="next_review_date",
            field=models.DateField(
                blank=True,
                help_text=(
                    "When to check this page is still accurate. On that date it is listed on the dashboard "
                    "and its owner is reminded by email."
                ),
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="resourcepage",
            name="review_owner",
            field=models.ForeignKey(
                blank=True,
                help_text="The person who keeps this page accurate and gets the review reminders.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="owner",
            ),
        ),
    ]
