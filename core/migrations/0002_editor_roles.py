"""Editors and Moderators with exactly the permissions their roles need, and moderation on the whole tree."""

from django.db import migrations

from core.roles import (
    EDITORS,
    MODERATORS,
    model_permissions,
    moderation_workflow,
    permission,
    set_collection_permissions,
    set_page_permissions,
)

TAXONOMY = ["resourcetype", "topic", "audience", "region"]
MEDIA = [("wagtailimages", "image"), ("wagtaildocs", "document")]


def common_permissions(apps):
    return [
        permission(apps, "wagtailadmin", "admin", "access_admin", "Can access Wagtail admin"),
        permission(apps, "wagtail_localize", "translation", "submit_translation", "Can submit translations"),
    ]


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    editors, _created = Group.objects.get_or_create(name=EDITORS)
    moderators, _created = Group.objects.get_or_create(name=MODERATORS)

    # Editors: create and edit pages, images and documents; choose taxonomy terms; submit for moderation.
    editor_permissions = common_permissions(apps)
    for model in TAXONOMY:
        editor_permissions += model_permissions(apps, "resources", model, ["view"])
    editors.permissions.set(editor_permissions)
    set_page_permissions(apps, editors, ["add_page", "change_page"])
    set_collection_permissions(apps, editors, {media: ["add", "change", "choose"] for media in MEDIA})

    # Moderators: everything Editors do, plus publishing, redirects, taxonomy and settings.
    moderator_permissions = common_permissions(apps)
    for model in TAXONOMY:
        moderator_permissions += model_permissions(apps, "resources", model, ["add", "change", "delete", "view"])
    moderator_permissions += model_permissions(apps, "wagtailredirects", "redirect", ["add", "change", "delete", "view"])
    moderator_permissions += model_permissions(apps, "core", "footersettings", ["change"])
    moderators.permissions.set(moderator_permissions)
    set_page_permissions(apps, moderators, ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"])
    set_collection_permissions(apps, moderators, {media: ["add", "change", "choose", "delete"] for media in MEDIA})

    moderation_workflow(apps, moderators)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("resources", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
