"""The editorial roles: what Editors and Moderators may do, applied by data migrations.

Editors create and edit pages and submit them for moderation; Moderators also
publish, and manage redirects, taxonomy and site settings. Every function takes
the migration's historical ``apps`` so any app's data migration can use them,
for example to give the roles permissions on a snippet it adds::

    from core.roles import grant_model_permissions

    def grant(apps, schema_editor):
        grant_model_permissions(apps, "Moderators", "blog", "person", ["add", "change", "delete", "view"])
        grant_model_permissions(apps, "Editors", "blog", "person", ["add", "change", "view"])
"""

EDITORS = "Editors"
MODERATORS = "Moderators"
WORKFLOW_NAME = "Moderators approval"

DEFAULT_ACTIONS = {"add": "Can add", "change": "Can change", "delete": "Can delete", "view": "Can view"}


def permission(apps, app_label, model, codename, name=None):
    """A permission, created if post_migrate has not made it yet (as on a fresh database)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _created = ContentType.objects.get_or_create(app_label=app_label, model=model)
    found, _created = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name or codename.replace("_", " ")}
    )
    return found


def model_permissions(apps, app_label, model, actions):
    return [
        permission(apps, app_label, model, f"{action}_{model}", f"{DEFAULT_ACTIONS.get(action, action)} {model}")
        for action in actions
    ]


def grant_model_permissions(apps, group_name, app_label, model, actions):
    """Give a group model-level permissions, such as add/change/delete/view on a snippet."""
    Group = apps.get_model("auth", "Group")
    group, _created = Group.objects.get_or_create(name=group_name)
    group.permissions.add(*model_permissions(apps, app_label, model, actions))


def set_page_permissions(apps, group, codenames):
    """Exactly these page permissions for the group, on the whole tree (the root page)."""
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    root = Page.objects.get(depth=1)
    GroupPagePermission.objects.filter(group=group).delete()
    for codename in codenames:
        GroupPagePermission.objects.create(
            group=group, page=root, permission=permission(apps, "wagtailcore", "page", codename)
        )


def set_collection_permissions(apps, group, codenames_by_model):
    """Exactly these image and document permissions for the group, on the root collection."""
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root = Collection.objects.get(depth=1)
    GroupCollectionPermission.objects.filter(group=group).delete()
    for (app_label, model), actions in codenames_by_model.items():
        for found in model_permissions(apps, app_label, model, actions):
            GroupCollectionPermission.objects.create(group=group, collection=root, permission=found)


def moderation_workflow(apps, moderators):
    """One workflow on the root page: a Moderators approval task before anything is published."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    content_type, _created = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task = GroupApprovalTask.objects.filter(name=WORKFLOW_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=WORKFLOW_NAME, content_type=content_type, active=True)
    task.groups.set([moderators])
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=Page.objects.get(depth=1), defaults={"workflow": workflow})
