"""A partner's region is the taxonomy app's Region, on the same table: a change of state only."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('partners', '0002_page_menu_label'),
        ('taxonomy', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='partnerpage',
                    name='region',
                    field=models.ForeignKey(blank=True, help_text="The region or nation the organisation works in. The directory's map counts partners by it.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='partners', to='taxonomy.region'),
                ),
            ],
        ),
    ]
