"""The taxonomy moves here from resources, its data untouched.

The tables keep their names (resources_topic and so on, set by db_table), so
this migration only tells Django's state that the models now belong to
taxonomy, and renames their content types so that permissions, snippet admin
URLs, search index entries and translations still point at them. resources'
next migration takes the models out of its own state.
"""

import django.db.models.deletion
import modelsearch.index
import uuid
from django.db import migrations, models

MODELS = ["resourcetype", "topic", "audience", "region"]


def move_content_types(from_label, to_label):
    def move(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        for model in MODELS:
            moving = ContentType.objects.filter(app_label=from_label, model=model)
            if moving.exists():
                # After a rollback, post_migrate made an empty one under the other label: the first one,
                # with its permissions, translations and index entries, keeps the name.
                ContentType.objects.filter(app_label=to_label, model=model).delete()
                moving.update(app_label=to_label)
        ContentType.objects.clear_cache()

    return move


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('wagtailcore', '0098_apitoken'),
        ('resources', '0009_merge_20261207_1502'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Audience',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                        ('name', models.CharField(help_text='The name visitors see, in plain English.', max_length=80)),
                        ('slug', models.SlugField(help_text="Used in web addresses of filtered lists, for example 'nurture-groups'. Lower case and hyphens.", max_length=80)),
                        ('description', models.TextField(blank=True, help_text='Optional: one sentence saying what belongs here.', max_length=300)),
                        ('sort_order', models.PositiveSmallIntegerField(default=0, help_text='Lower numbers come first in filters and lists.')),
                        ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
                    ],
                    options={
                        'verbose_name': 'audience',
                        'db_table': 'resources_audience',
                        'ordering': ['sort_order', 'name'],
                        'abstract': False,
                        'constraints': [models.UniqueConstraint(fields=('locale', 'slug'), name='unique_audience_slug_per_locale')],
                        'unique_together': {('translation_key', 'locale')},
                    },
                    bases=(modelsearch.index.Indexed, models.Model),
                ),
                migrations.CreateModel(
                    name='Region',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                        ('name', models.CharField(help_text='The name visitors see, in plain English.', max_length=80)),
                        ('slug', models.SlugField(help_text="Used in web addresses of filtered lists, for example 'nurture-groups'. Lower case and hyphens.", max_length=80)),
                        ('description', models.TextField(blank=True, help_text='Optional: one sentence saying what belongs here.', max_length=300)),
                        ('sort_order', models.PositiveSmallIntegerField(default=0, help_text='Lower numbers come first in filters and lists.')),
                        ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
                    ],
                    options={
                        'verbose_name': 'region',
                        'db_table': 'resources_region',
                        'ordering': ['sort_order', 'name'],
                        'abstract': False,
                        'constraints': [models.UniqueConstraint(fields=('locale', 'slug'), name='unique_region_slug_per_locale')],
                        'unique_together': {('translation_key', 'locale')},
                    },
                    bases=(modelsearch.index.Indexed, models.Model),
                ),
                migrations.CreateModel(
                    name='ResourceType',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                        ('name', models.CharField(help_text='The name visitors see, in plain English.', max_length=80)),
                        ('slug', models.SlugField(help_text="Used in web addresses of filtered lists, for example 'nurture-groups'. Lower case and hyphens.", max_length=80)),
                        ('description', models.TextField(blank=True, help_text='Optional: one sentence saying what belongs here.', max_length=300)),
                        ('sort_order', models.PositiveSmallIntegerField(default=0, help_text='Lower numbers come first in filters and lists.')),
                        ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
                    ],
                    options={
                        'verbose_name': 'resource type',
                        'db_table': 'resources_resourcetype',
                        'ordering': ['sort_order', 'name'],
                        'abstract': False,
                        'constraints': [models.UniqueConstraint(fields=('locale', 'slug'), name='unique_resourcetype_slug_per_locale')],
                        'unique_together': {('translation_key', 'locale')},
                    },
                    bases=(modelsearch.index.Indexed, models.Model),
                ),
                migrations.CreateModel(
                    name='Topic',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                        ('name', models.CharField(help_text='The name visitors see, in plain English.', max_length=80)),
                        ('slug', models.SlugField(help_text="Used in web addresses of filtered lists, for example 'nurture-groups'. Lower case and hyphens.", max_length=80)),
                        ('description', models.TextField(blank=True, help_text='Optional: one sentence saying what belongs here.', max_length=300)),
                        ('sort_order', models.PositiveSmallIntegerField(default=0, help_text='Lower numbers come first in filters and lists.')),
                        ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
                    ],
                    options={
                        'verbose_name': 'topic',
                        'db_table': 'resources_topic',
                        'ordering': ['sort_order', 'name'],
                        'abstract': False,
                        'constraints': [models.UniqueConstraint(fields=('locale', 'slug'), name='unique_topic_slug_per_locale')],
                        'unique_together': {('translation_key', 'locale')},
                    },
                    bases=(modelsearch.index.Indexed, models.Model),
                ),
            ],
        ),
        migrations.RunPython(
            move_content_types("resources", "taxonomy"), move_content_types("taxonomy", "resources")
        ),
    ]
